import { Link, useParams } from 'react-router';

import { useSession } from '@/app/session-context';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { RequireAction } from '@/features/auth/components/require-action';
import { AvailabilityRequestDetail } from '@/features/availability-requests/components/availability-request-detail';

export function AvailabilityRequestDetailRoute() {
  const { t } = useLocale();
  const { me } = useSession();
  const { requestId = '' } = useParams();
  useDocumentTitle(t('availability_requests_title'));
  return (
    <RequireAction actions={me.actions} action="availability_requests.manage">
      <div className="space-y-4">
        <Link to="/availability-requests" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          {t('availability_requests_back')}
        </Link>
        <AvailabilityRequestDetail requestId={Number(requestId)} />
      </div>
    </RequireAction>
  );
}
