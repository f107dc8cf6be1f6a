import { useId, type KeyboardEvent, type ReactNode } from 'react';

import { useModalDialog } from '@/components/ui/dialog/use-modal-dialog';

const FOCUSABLE = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal <dialog> keeps focus out of the page but lets Tab leave for the browser's
 * own controls: wrap from the last control to the first (and back) instead.
 */
export function wrapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}

export interface DrawerProps {
  open: boolean;
  title: string;
  closeLabel: string;
  onClose: () => void;
  children: ReactNode;
  id?: string;
}

/**
 * A panel sliding from the left edge, on the native modal <dialog>: the browser
 * makes the rest of the page inert (focus stays inside), closes on Escape and
 * gives focus back to the button that opened it; Tab cycles inside. A click on the
 * backdrop closes it.
 */
export function Drawer({ open, title, closeLabel, onClose, children, id }: DrawerProps) {
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    // The backdrop click is a pointer shortcut; Escape and the close button are the keyboard ways.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog
      ref={ref}
      id={id}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClose={() => {
        if (open) onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={wrapTab}
      className="m-0 h-dvh max-h-none w-72 max-w-[85vw] overflow-y-auto border-r border-border bg-surface p-0 text-foreground shadow-xl backdrop:bg-black/40"
    >
      <div className="flex min-h-full flex-col">
      <div className="flex items-center justify-between gap-2 px-5 py-4">
        <h2 id={titleId} className="text-lg font-semibold text-primary">
          {title}
        </h2>
        <button
          type="button"
          onClick={onClose}
          aria-label={closeLabel}
          className="inline-flex size-9 items-center justify-center rounded-md hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M18 6 6 18M6 6l12 12" />
          </svg>
        </button>
      </div>
      {children}
      </div>
    </dialog>
  );
}
