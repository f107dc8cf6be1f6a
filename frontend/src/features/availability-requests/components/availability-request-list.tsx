import { Link } from 'react-router';

import { Badge } from '@/components/ui/badge/badge';
import { Spinner } from '@/components/ui/spinner/spinner';
import { Alert } from '@/components/ui/alert/alert';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAvailabilityRequests } from '@/features/availability-requests/api/list-availability-requests';

/** The org's requests: title, period, how many answered, open or closed. */
export function AvailabilityRequestList() {
  const { t, tError } = useLocale();
  const { formatDay, formatDateTime } = useDates();
  const requests = useAvailabilityRequests();
  if (requests.isPending) return <Spinner label={t('availability_requests_loading')} />;
  if (requests.isError) return <Alert variant="danger">{tError(requests.error)}</Alert>;
  const items = requests.data.items;
  if (!items.length) return <p className="text-muted-foreground">{t('availability_requests_empty')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-muted-foreground">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">{t('availability_request_field_title')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('availability_request_period')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('availability_request_field_deadline')}</th>
            <th scope="col" className="py-2 pr-4 font-medium">{t('availability_request_answered')}</th>
            <th scope="col" className="py-2 font-medium">{t('availability_request_status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((request) => (
            <tr key={request.id} className="border-t border-border">
              <td className="py-2 pr-4">
                <Link to={`/availability-requests/${request.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                  {request.title}
                </Link>
              </td>
              <td className="py-2 pr-4">
                {t('availability_request_period_value', { from: formatDay(request.starts_on), to: formatDay(request.ends_on) })}
              </td>
              <td className="py-2 pr-4">{formatDateTime(request.deadline)}</td>
              <td className="py-2 pr-4">
                {request.answered_count} / {request.recipients_count}
              </td>
              <td className="py-2">
                <Badge variant={request.closed_at ? 'neutral' : 'success'}>
                  {t(request.closed_at ? 'availability_request_closed' : 'availability_request_open')}
                </Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
