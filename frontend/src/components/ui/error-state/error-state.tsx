import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { useLocale } from '@/lib/i18n/use-locale';

/** A failed load: the API's message (or its catalog wording) and a retry button. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, tError } = useLocale();
  return (
    <Alert variant="danger" className="flex flex-wrap items-center justify-between gap-3">
      <span>{tError(error)}</span>
      {onRetry ? (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t('action_retry')}
        </Button>
      ) : null}
    </Alert>
  );
}
