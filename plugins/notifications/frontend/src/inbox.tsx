/**
 * The inbox page (`/plugins/notifications/inbox`): every notification of the member,
 * and a link to their notification settings.
 */
import { Link } from '@coulisses/plugin-ui';

import { NotificationsList } from './notifications-list';
import { PREFERENCES_PATH } from './paths';
import { useText } from './texts';

export default function InboxPage() {
  const { t } = useText();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <Link to={PREFERENCES_PATH} className="text-sm font-medium text-primary underline-offset-4 hover:underline">
          {t('preferences_link')}
        </Link>
      </div>
      <NotificationsList />
    </div>
  );
}
