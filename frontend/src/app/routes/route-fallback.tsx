import { Spinner } from '@/components/ui/spinner/spinner';
import { useLocale } from '@/lib/i18n/use-locale';

/** The first paint while the lazy chunk of the requested screen loads. */
export function RouteFallback() {
  const { t } = useLocale();
  return (
    <div className="flex min-h-screen items-center justify-center">
      <Spinner size="lg" label={t('loading')} />
    </div>
  );
}
