import { useId } from 'react';

import { useLocale } from '@/lib/i18n/use-locale';
import { activeOrg, type Me } from '@/features/auth/api/get-me';
import { useSwitchOrg } from '@/features/auth/api/switch-org';

/** Shows the active org; with several memberships, a select that switches the session's org. */
export function OrgSwitcher({ me, onSwitched }: { me: Me; onSwitched?: () => void }) {
  const { t, tError } = useLocale();
  const switchOrg = useSwitchOrg();
  const id = useId();
  const current = activeOrg(me);

  if (me.orgs.length <= 1) {
    return (
      <p className="text-sm">
        <span className="sr-only">{t('org_label')} : </span>
        <span className="font-medium">{current?.name ?? t('org_none')}</span>
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={id} className="text-muted-foreground">
          {t('org_label')}
        </label>
        <select
          id={id}
          value={me.active_org_id ?? ''}
          disabled={switchOrg.isPending}
          onChange={(event) =>
            switchOrg.mutate({ org_id: Number(event.target.value) }, { onSuccess: onSwitched })
          }
          className="h-8 max-w-56 rounded-md border border-input bg-surface px-2 text-sm"
        >
          {me.orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      {switchOrg.isError ? (
        <p role="alert" className="text-xs text-danger">
          {tError(switchOrg.error)}
        </p>
      ) : null}
    </div>
  );
}
