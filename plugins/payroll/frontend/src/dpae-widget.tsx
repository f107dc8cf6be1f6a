/**
 * The payroll plugin's card on the home dashboard (`PluginWidget(slot="dashboard")`, managers
 * and above): the DPAE of engagements that are overdue (work started, nothing recorded), in
 * red, then those to file now (their window is open), each linking to the Intermittents page
 * where they are recorded. Renders nothing while none needs the manager.
 */
import { Badge, Card, CardTitle, Link, useDates } from '@coulisses/plugin-ui';

import { useEngagements, type Engagement } from './api';
import { useText } from './texts';

export const INTERMITTENTS_PAGE = '/plugins/payroll/intermittents';
/** Lines shown per status; the rest is counted. */
const SHOWN = 5;

function Lines({ items, overdue }: { items: Engagement[]; overdue: boolean }) {
  const { t } = useText();
  const { formatDateTime } = useDates();
  return (
    <ul className="divide-y divide-border">
      {items.slice(0, SHOWN).map((engagement) => (
        <li key={`${engagement.user_id}-${engagement.project_id}-${engagement.first_day}`} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
          <span>
            <span className="font-medium">{engagement.name}</span> <span className="text-sm text-muted-foreground">{engagement.project_name}</span>
          </span>
          <Badge variant={overdue ? 'danger' : 'info'}>
            {t(overdue ? 'dpae_overdue' : 'dpae_to_declare', { date: formatDateTime(engagement.dpae.due_at) })}
          </Badge>
        </li>
      ))}
    </ul>
  );
}

export default function DpaeWidget() {
  const { t } = useText();
  const engagements = useEngagements('');
  const items = engagements.data?.items ?? [];
  const overdue = items.filter((e) => e.dpae.status === 'overdue');
  const due = items.filter((e) => e.dpae.status === 'to_declare');
  if (overdue.length + due.length === 0) return null;
  const hidden = Math.max(0, overdue.length - SHOWN) + Math.max(0, due.length - SHOWN);
  return (
    <Card className={`space-y-2 ${overdue.length > 0 ? 'border-danger' : ''}`}>
      <CardTitle>{t('dashboard_dpae_title')}</CardTitle>
      {overdue.length > 0 && <p className="text-sm font-medium text-danger">{t('dashboard_dpae_overdue', { count: overdue.length })}</p>}
      {overdue.length > 0 && <Lines items={overdue} overdue />}
      {due.length > 0 && <p className="text-sm">{t('dashboard_dpae_due', { count: due.length })}</p>}
      {due.length > 0 && <Lines items={due} overdue={false} />}
      {hidden > 0 && <p className="text-sm text-muted-foreground">{t('dashboard_dpae_more', { count: hidden })}</p>}
      <Link to={INTERMITTENTS_PAGE} className="text-sm text-primary underline">
        {t('dashboard_dpae_open')}
      </Link>
    </Card>
  );
}
