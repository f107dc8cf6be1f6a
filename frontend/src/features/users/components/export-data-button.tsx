import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { useLocale } from '@/lib/i18n/use-locale';
import { useExportUserData, type ExportTarget } from '@/features/users/api/export-user-data';

/** Downloads the zip of a person's data (`me`: the caller's own), with its error if any. */
export function ExportDataButton({ target, label }: { target: ExportTarget; label: string }) {
  const { t, tError } = useLocale();
  const exported = useExportUserData(target);
  return (
    <div className="space-y-2">
      <Button variant="secondary" loading={exported.isPending} onClick={() => exported.mutate()}>
        {label}
      </Button>
      <p className="text-xs text-muted-foreground">{t('privacy_export_hint')}</p>
      {exported.isError ? <Alert variant="danger">{tError(exported.error)}</Alert> : null}
    </div>
  );
}
