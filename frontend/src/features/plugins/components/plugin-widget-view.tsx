import { Component, useEffect, useRef, useState, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

import { useLocale } from '@/lib/i18n/use-locale';
import { loadPluginModule, type PluginImporter } from '@/features/plugins/utils/load-plugin-module';

/** A small mark in the widget's place: the shell keeps its layout; a click retries. */
function PluginWidgetFailed({ plugin, onRetry }: { plugin: string; onRetry: () => void }) {
  const { t } = useLocale();
  const label = t('plugin_widget_failed', { plugin });
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      onClick={onRetry}
      className="inline-flex size-9 items-center justify-center rounded-md text-danger hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v6M12 16.5v.5" />
      </svg>
    </button>
  );
}

interface BoundaryState {
  error: unknown;
}

/** A widget that fails to load or render never breaks the shell around it. */
export class PluginWidgetBoundary extends Component<{ plugin: string; children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error ?? new Error('plugin widget failed') };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('plugin widget failed', error, info.componentStack);
  }

  render() {
    if (this.state.error) {
      return <PluginWidgetFailed plugin={this.props.plugin} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}

interface Loaded {
  url: string;
  Widget?: ComponentType;
  error?: unknown;
}

function LoadedWidget({ url, importer }: { url: string; importer?: PluginImporter }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const importerRef = useRef(importer);
  useEffect(() => {
    let live = true;
    loadPluginModule(url, importerRef.current).then(
      (Widget) => live && setLoaded({ url, Widget }),
      (error: unknown) => live && setLoaded({ url, error: error ?? new Error('plugin widget failed') }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (loaded?.url === url && loaded.error) throw loaded.error;
  // While loading: nothing (a spinner in the header would flicker on every page).
  if (loaded?.url !== url || !loaded.Widget) return null;
  return <loaded.Widget />;
}

/** The widget module at `url` (same loader and host as plugin pages), in its boundary. */
export function PluginWidgetView({ plugin, url, importer }: { plugin: string; url: string; importer?: PluginImporter }) {
  return (
    <PluginWidgetBoundary key={url} plugin={plugin}>
      <LoadedWidget url={url} importer={importer} />
    </PluginWidgetBoundary>
  );
}
