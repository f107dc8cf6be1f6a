import { useParams, useSearchParams } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { InvitationAnswer } from '@/features/invitations/components/invitation-answer';

/** Public: the page the invitation emails link to (no session, no redirect to login). */
export function InvitationRoute() {
  const { t } = useLocale();
  const { invitationId = '' } = useParams();
  const [search] = useSearchParams();
  useDocumentTitle(t('invitation_title'));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('invitation_title')}</h1>
      <InvitationAnswer invitationId={invitationId} token={search.get('token')} preselect={search.get('answer')} />
    </div>
  );
}
