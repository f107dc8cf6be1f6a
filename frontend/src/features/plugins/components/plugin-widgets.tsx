import { lazy, Suspense } from 'react';

import { useFrontendManifest, type ManifestWidget } from '@/features/plugins/api/get-frontend-manifest';
import type { PluginImporter } from '@/features/plugins/utils/load-plugin-module';

// The loader, the host and the boundary live in a lazy chunk: an org without widgets
// downloads none of it, and the initial bundle does not grow.
const PluginWidgetView = lazy(async () => ({
  default: (await import('@/features/plugins/components/plugin-widget-view')).PluginWidgetView,
}));

/** The manifest's widgets of `slot` (enabled plugins, allowed roles), in manifest order. */
export function widgetsOf(widgets: ManifestWidget[] | undefined, slot: string): ManifestWidget[] {
  return (widgets ?? []).filter((widget) => widget.slot === slot);
}

/**
 * Where plugin widgets (`PluginWidget`) render in the shell, e.g. the header's bell.
 * Nothing is loaded while the manifest lists no widget for the slot; each widget is
 * its own ES module inside its own error boundary (a broken one shows a small mark).
 */
export function PluginWidgetSlot({ slot, className, importer }: { slot: string; className?: string; importer?: PluginImporter }) {
  const manifest = useFrontendManifest();
  const widgets = widgetsOf(manifest.data?.widgets, slot);
  if (widgets.length === 0) return null;
  return (
    <div className={className} data-plugin-slot={slot}>
      {widgets.map((widget) => (
        <Suspense key={widget.module_url} fallback={null}>
          <PluginWidgetView plugin={widget.plugin} url={widget.module_url} importer={importer} />
        </Suspense>
      ))}
    </div>
  );
}
