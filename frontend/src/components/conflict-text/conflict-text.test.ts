import { describe, expect, it } from 'vitest';

import { conflictText, type ConflictLike } from '@/components/conflict-text/conflict-text';
import { translate, type MessageKey, type MessageVars } from '@/lib/i18n/translate';
import fr from '@/locales/fr.json';

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => vars[name] ?? match);

const tools = (locale: 'fr' | 'en') => ({
  t: (key: MessageKey, vars?: MessageVars) => translate(locale, key, vars),
  locale,
  formatDay: (day: string) => `<${day}>`,
  formatDateTime: (value: string) => `<${value}>`,
});

const base: ConflictLike = {
  kind: 'overlap',
  user: { id: 1, first_name: 'Lea', last_name: 'Martin', employment_type: 'CDI' },
  assignments: [
    { id: null, mission_id: 1, mission_role_id: 1, project_id: 1, status: 'INVITED', starts_at: '2027-07-10T17:00:00Z', ends_at: '2027-07-10T21:00:00Z' },
  ],
  hours: 2.5,
  limit_hours: 11,
  day: '2027-07-10',
  week: '2027-W27',
  missing_skills: ['son', 'cariste'],
  expired_skills: [{ name: 'habilitation', valid_until: '2027-07-09' }],
};

describe('conflictText', () => {
  it('says each kind from the catalog in French, with the figures in the locale', () => {
    expect(conflictText(base, tools('fr'))).toBe(fill(fr.conflict_text_overlap, { name: 'Lea Martin', hours: '2,5' }));
    expect(conflictText({ ...base, kind: 'min_rest' }, tools('fr'))).toBe(
      fill(fr.conflict_text_min_rest, { name: 'Lea Martin', hours: '2,5', limit: '11' }),
    );
    expect(conflictText({ ...base, kind: 'max_hours_day' }, tools('fr'))).toBe(
      fill(fr.conflict_text_max_hours_day, { name: 'Lea Martin', hours: '2,5', limit: '11', day: '<2027-07-10>' }),
    );
    expect(conflictText({ ...base, kind: 'max_hours_week' }, tools('fr'))).toContain('la semaine 2027-W27');
    expect(conflictText({ ...base, kind: 'unavailable' }, tools('fr'))).toContain('<2027-07-10T17:00:00Z>');
    expect(conflictText({ ...base, kind: 'missing_skill' }, tools('fr'))).toContain('son, cariste');
    expect(conflictText({ ...base, kind: 'skill_expired' }, tools('fr'))).toContain(
      fill(fr.conflicts_expired_skill, { name: 'habilitation', date: '<2027-07-09>' }),
    );
  });

  it('says the same in English', () => {
    expect(conflictText(base, tools('en'))).toBe('Lea Martin has two assignments at the same time (2.5 h of overlap).');
    expect(conflictText({ ...base, kind: 'max_hours_day' }, tools('en'))).toBe('Lea Martin works 2.5 h on <2027-07-10> (limit 11 h).');
  });

  it('leaves no placeholder for any kind, in either language', () => {
    const kinds = ['overlap', 'max_hours_day', 'max_hours_week', 'min_rest', 'unavailable', 'missing_skill', 'skill_expired'] as const;
    for (const kind of kinds) {
      for (const locale of ['fr', 'en'] as const) {
        expect(conflictText({ ...base, kind }, tools(locale))).not.toMatch(/[{}]|conflict_text/);
      }
    }
  });
});
