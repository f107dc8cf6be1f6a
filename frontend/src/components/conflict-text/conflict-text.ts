/**
 * A conflict as a sentence of the message catalog, built from the API's stable kind and
 * figures (never its English `message`): used by the planning's confirm dialog and
 * warnings and by the conflicts page.
 */
import type { Schema } from '@/lib/api/types';
import type { MessageKey, MessageVars } from '@/lib/i18n/translate';

export type ConflictLike = Pick<
  Schema<'ConflictOut'>,
  'kind' | 'user' | 'assignments' | 'hours' | 'limit_hours' | 'day' | 'week' | 'missing_skills' | 'expired_skills'
>;

export interface ConflictTextTools {
  t: (key: MessageKey, vars?: MessageVars) => string;
  locale: string;
  formatDay: (isoDate: string) => string;
  formatDateTime: (value: string) => string;
}

export function conflictText(conflict: ConflictLike, { t, locale, formatDay, formatDateTime }: ConflictTextTools): string {
  const hours = (value: number | null | undefined) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value ?? 0);
  const name = [conflict.user.first_name, conflict.user.last_name].filter(Boolean).join(' ');
  const first = conflict.assignments[0];
  const vars: MessageVars = {
    name,
    hours: hours(conflict.hours),
    limit: hours(conflict.limit_hours),
    day: conflict.day ? formatDay(conflict.day) : '',
    week: conflict.week ?? '',
    when: first ? formatDateTime(first.starts_at) : '',
    skills:
      conflict.kind === 'skill_expired'
        ? (conflict.expired_skills ?? [])
            .map((s) => t('conflicts_expired_skill', { name: s.name, date: formatDay(s.valid_until) }))
            .join(', ')
        : (conflict.missing_skills ?? []).join(', '),
  };
  return t(`conflict_text_${conflict.kind}`, vars);
}
