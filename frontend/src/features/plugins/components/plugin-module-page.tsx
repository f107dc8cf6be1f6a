import { Component, useEffect, useRef, useState, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { Link } from 'react-router';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { EmptyState } from '@/components/ui/empty-state/empty-state';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { useFrontendManifest } from '@/features/plugins/api/get-frontend-manifest';
import { menuLabel } from '@/features/plugins/hooks/use-plugin-menu-entries';
import { findPluginPage } from '@/features/plugins/utils/find-plugin-page';
import { loadPluginModule, type PluginImporter } from '@/features/plugins/utils/load-plugin-module';

function PluginModuleFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useLocale();
  return (
    <Alert variant="danger" className="flex flex-wrap items-center justify-between gap-3">
      <span>{t('plugin_module_failed')}</span>
      <Button variant="secondary" size="sm" onClick={onRetry}>
        {t('action_retry')}
      </Button>
    </Alert>
  );
}

interface BoundaryState {
  error: unknown;
}

/** A broken plugin bundle (load or render error) shows a message, never a white screen. */
export class PluginModuleBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { error: error ?? new Error('plugin module failed') };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('plugin module failed', error, info.componentStack);
  }

  render() {
    if (this.state.error) return <PluginModuleFailed onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

interface Loaded {
  url: string;
  Page?: ComponentType;
  error?: unknown;
}

function LoadedModule({ url, importer }: { url: string; importer?: PluginImporter }) {
  const { t } = useLocale();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const importerRef = useRef(importer);
  useEffect(() => {
    let live = true;
    loadPluginModule(url, importerRef.current).then(
      (Page) => live && setLoaded({ url, Page }),
      (error: unknown) => live && setLoaded({ url, error: error ?? new Error('plugin module failed') }),
    );
    return () => {
      live = false;
    };
  }, [url]);
  // A failed load goes to the boundary, like an error while the page renders.
  if (loaded?.url === url && loaded.error) throw loaded.error;
  if (loaded?.url !== url || !loaded.Page) return <Spinner label={t('loading')} />;
  return <loaded.Page />;
}

/** The plugin module at `url`, loaded on demand, inside its error boundary. A retry
 * mounts it again, which imports it again (a failed load is forgotten). */
export function PluginModuleView({ url, importer }: { url: string; importer?: PluginImporter }) {
  return (
    <PluginModuleBoundary key={url}>
      <LoadedModule url={url} importer={importer} />
    </PluginModuleBoundary>
  );
}

/** The page a plugin brings (`PluginPage`): found in the org's manifest, else "not enabled". */
export function PluginModulePage({ pathname }: { pathname: string }) {
  const { t, locale } = useLocale();
  const manifest = useFrontendManifest();
  const page = manifest.data ? findPluginPage(manifest.data.menu, pathname) : undefined;
  useDocumentTitle(page ? menuLabel(page.label, locale) : t('plugin_page_unavailable'));

  if (manifest.isPending) return <Spinner label={t('loading')} />;
  if (manifest.isError) return <ErrorState error={manifest.error} onRetry={() => void manifest.refetch()} />;
  if (!page?.module_url) {
    return (
      <EmptyState
        title={t('plugin_page_unavailable')}
        action={
          <Link to="/settings/plugins" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            {t('nav_plugins')}
          </Link>
        }
      />
    );
  }
  return <PluginModuleView url={page.module_url} />;
}
