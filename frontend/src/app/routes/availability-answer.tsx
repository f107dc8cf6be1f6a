import { useParams, useSearchParams } from 'react-router';

import { useDocumentTitle } from '@/hooks/use-document-title';
import { useLocale } from '@/lib/i18n/use-locale';
import { AvailabilityAnswer } from '@/features/availability-requests/components/availability-answer';

/** Public: the page the availability emails link to (no session, no redirect to login). */
export function AvailabilityAnswerRoute() {
  const { t } = useLocale();
  const { recipientId = '' } = useParams();
  const [search] = useSearchParams();
  useDocumentTitle(t('availability_answer_title'));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('availability_answer_title')}</h1>
      <AvailabilityAnswer recipientId={recipientId} token={search.get('token')} />
    </div>
  );
}
