/** An EventSource stand-in for jsdom: records the instances and lets a test emit events. */
type Listener = (event: MessageEvent<string>) => void;

export class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: FakeEventSource[] = [];

  readonly url: string;
  readyState = FakeEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Map<string, Set<Listener>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }

  addEventListener(kind: string, listener: Listener): void {
    if (!this.listeners.has(kind)) this.listeners.set(kind, new Set());
    this.listeners.get(kind)!.add(listener);
  }

  removeEventListener(kind: string, listener: Listener): void {
    this.listeners.get(kind)?.delete(listener);
  }

  close(): void {
    this.readyState = FakeEventSource.CLOSED;
  }

  listenerCount(kind: string): number {
    return this.listeners.get(kind)?.size ?? 0;
  }

  open(): void {
    this.readyState = FakeEventSource.OPEN;
    this.onopen?.();
  }

  emit(kind: string, data: unknown): void {
    const event = new MessageEvent<string>(kind, { data: JSON.stringify(data) });
    [...(this.listeners.get(kind) ?? [])].forEach((listener) => listener(event));
  }

  /** The open instances (a closed stream no longer counts). */
  static open(): FakeEventSource[] {
    return FakeEventSource.instances.filter((s) => s.readyState !== FakeEventSource.CLOSED);
  }
}
