import { Badge } from '@/components/ui/badge/badge';
import { assignmentStatusTone } from '@/lib/assignment-status';
import { useLocale } from '@/lib/i18n/use-locale';

/** An assignment's status as a coloured, translated badge. */
export function AssignmentStatusBadge({ status }: { status: string }) {
  const { t } = useLocale();
  return (
    <Badge variant={assignmentStatusTone(status)}>
      {t(`assignment_status_${status.toLowerCase()}` as 'assignment_status_invited')}
    </Badge>
  );
}
