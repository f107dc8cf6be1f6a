import { useState } from 'react';

import { Input } from '@/components/ui/input/input';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCrewUsers } from '@/features/planning/api/list-users';
import { usePlanningStore } from '@/features/planning/stores/planning-store';

export const USER_DRAG_TYPE = 'application/x-coulisses-user';

/** The users to drag onto a mission to invite them (the mission panel offers the same by keyboard). */
export function CrewList() {
  const { t, tError } = useLocale();
  const [q, setQ] = useState('');
  const users = useCrewUsers(q);
  const startDrag = usePlanningStore((s) => s.startDrag);

  return (
    <section aria-labelledby="crew-list-title" className="space-y-3">
      <h2 id="crew-list-title" className="font-semibold">
        {t('planning_crew_title')}
      </h2>
      <p className="text-xs text-muted-foreground">{t('planning_crew_hint')}</p>
      <Input
        size="sm"
        type="search"
        aria-label={t('planning_crew_search')}
        placeholder={t('planning_crew_search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {users.isPending ? <Spinner size="sm" label={t('planning_loading')} /> : null}
      {users.isError ? <p className="text-sm text-danger">{tError(users.error)}</p> : null}
      {users.data?.items.length === 0 ? <p className="text-sm text-muted-foreground">{t('planning_crew_empty')}</p> : null}
      <ul aria-label={t('planning_crew_title')} className="space-y-1">
        {users.data?.items.map((user) => (
          <li
            key={user.id}
            draggable
            aria-label={`${user.first_name} ${user.last_name}`}
            onDragStart={(event) => {
              event.dataTransfer.setData(USER_DRAG_TYPE, String(user.id));
              event.dataTransfer.setData('text/plain', `${user.first_name} ${user.last_name}`);
              event.dataTransfer.effectAllowed = 'copy';
              startDrag(user.id);
            }}
            onDragEnd={() => startDrag(null)}
            className="cursor-grab rounded-md border border-border bg-surface px-2 py-1.5 text-sm hover:bg-muted active:cursor-grabbing"
          >
            <span className="font-medium">
              {user.first_name} {user.last_name}
            </span>
            <span className="ml-1 text-xs text-muted-foreground">{user.employment_type}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
