import { useState } from 'react';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';
import { ErrorState } from '@/components/ui/error-state/error-state';
import { Spinner } from '@/components/ui/spinner/spinner';
import { useDates } from '@/lib/dates';
import { useLocale } from '@/lib/i18n/use-locale';
import { useAbsenceOverlaps, type AbsenceOverlaps as Overlaps } from '@/features/availability/api/list-absence-overlaps';
import { useReplaceAssignment } from '@/features/availability/api/replace-assignment';

type Overlap = Overlaps['assignments'][number];
type Suggestion = Overlap['suggestions'][number];

interface Asked {
  overlap: Overlap;
  suggestion: Suggestion;
}

const fullName = (person: { first_name: string; last_name: string }) => `${person.first_name} ${person.last_name}`;

/** For a manager deciding an absence: the accepted missions it would leave uncovered, each
 * with the replacements the conflict checks suggest, and a button to replace the absent
 * person by one of them (after a confirmation). Approving cancels none of them. */
export function AbsenceOverlaps({ windowId, absentName }: { windowId: number; absentName?: string }) {
  const { t, tError } = useLocale();
  const { formatDateTime } = useDates();
  const overlaps = useAbsenceOverlaps(windowId);
  const replace = useReplaceAssignment();
  const [asked, setAsked] = useState<Asked | null>(null);
  const [done, setDone] = useState<{ mission: string; name: string } | null>(null);
  if (overlaps.isPending) return <Spinner label={t('loading')} />;
  if (overlaps.isError) return <ErrorState error={overlaps.error} onRetry={() => void overlaps.refetch()} />;
  const items = overlaps.data.assignments;
  const who = absentName ?? t('absence_overlaps_absent');
  const confirm = (choice: Asked) =>
    replace.mutate(
      { assignment_id: choice.overlap.assignment_id, replacement_user_id: choice.suggestion.user_id },
      {
        onSuccess: () => setDone({ mission: choice.overlap.mission_title, name: fullName(choice.suggestion) }),
        onSettled: () => setAsked(null),
      },
    );
  return (
    <div className="space-y-2">
      {done ? (
        <Alert variant="success">{t('absence_overlaps_replaced', { name: done.name, mission: done.mission })}</Alert>
      ) : null}
      {replace.isError ? <Alert variant="danger">{tError(replace.error)}</Alert> : null}
      {items.length === 0 ? (
        <p className="text-muted-foreground">{t('absence_overlaps_none')}</p>
      ) : (
        <div className="space-y-2 rounded-md border border-warning bg-warning-soft p-3">
          <p className="font-medium">{t('absence_overlaps_title', { count: items.length })}</p>
          <ul className="space-y-2">
            {items.map((item) => (
              <li key={item.assignment_id} className="space-y-1">
                <div>
                  <span className="font-medium">{item.mission_title}</span>{' '}
                  <span className="text-muted-foreground">
                    ({item.role_name}) {formatDateTime(item.starts_at)} - {formatDateTime(item.ends_at)}
                  </span>
                </div>
                {item.suggestions.length === 0 ? (
                  <div className="text-muted-foreground">{t('absence_overlaps_no_suggestion')}</div>
                ) : (
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-muted-foreground">{t('absence_overlaps_replace_by')}</span>
                    {item.suggestions.map((suggestion) => (
                      <Button
                        key={suggestion.user_id}
                        size="sm"
                        variant="secondary"
                        disabled={replace.isPending}
                        aria-label={t('absence_overlaps_replace_with', { name: fullName(suggestion), mission: item.mission_title })}
                        onClick={() => {
                          replace.reset();
                          setDone(null);
                          setAsked({ overlap: item, suggestion });
                        }}
                      >
                        {fullName(suggestion)}
                      </Button>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">{t('absence_overlaps_hint')}</p>
        </div>
      )}
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t('conflicts_replace_title', { who, name: fullName(asked.suggestion) }) : ''}
        description={asked ? t('conflicts_replace_confirm', { who, name: fullName(asked.suggestion) }) : undefined}
        confirmLabel={t('conflicts_replace')}
        cancelLabel={t('action_cancel')}
        loading={replace.isPending}
        onCancel={() => setAsked(null)}
        onConfirm={() => asked && confirm(asked)}
      />
    </div>
  );
}
