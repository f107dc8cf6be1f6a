import { describe, expect, it } from 'vitest';

import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { conflictWhen, describeConflict, type Conflict } from '@/lib/conflict-text';
import { formatDateTime, formatTime } from '@/lib/dates';
import type { Locale } from '@/lib/i18n/locale-store';

const PARIS = 'Europe/Paris';
const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');

function assignment(id: number, startsAt: string, endsAt: string, timezone = PARIS): Conflict['assignments'][number] {
  return { id, mission_id: id, mission_role_id: id, project_id: 1, status: 'ACCEPTED', starts_at: startsAt, ends_at: endsAt, timezone };
}

const base = {
  user: { id: 3, first_name: 'Gaelle', last_name: 'Martin', employment_type: 'Intermittent' },
  confirmed: true,
  target_assignment_id: 2,
  message: 'An English sentence for integrators',
  assignments: [
    assignment(1, '2027-07-12T16:00:00Z', '2027-07-12T21:00:00Z'),
    assignment(2, '2027-07-12T20:00:00Z', '2027-07-12T23:00:00Z'),
  ],
};

// One example per kind; the Record type makes tsc fail when the API gains a kind.
const EXAMPLES: Record<Conflict['kind'], Conflict> = {
  overlap: { ...base, kind: 'overlap', hours: 1 },
  min_rest: { ...base, kind: 'min_rest', hours: 9.5, limit_hours: 11 },
  max_hours_day: { ...base, kind: 'max_hours_day', day: '2027-07-12', hours: 13, limit_hours: 12 },
  max_hours_week: { ...base, kind: 'max_hours_week', week: '2027-W28', hours: 50, limit_hours: 48 },
  unavailable: { ...base, kind: 'unavailable', unavailable: [{ starts_at: '2027-07-12T00:00:00Z', ends_at: '2027-07-13T00:00:00Z' }] },
  missing_skill: { ...base, kind: 'missing_skill', missing_skills: ['cariste', 'sst'] },
  skill_expired: { ...base, kind: 'skill_expired', expired_skills: [{ name: 'caces', valid_until: '2027-07-01' }] },
};

const kinds = Object.keys(EXAMPLES) as Conflict['kind'][];
const say = (conflict: Conflict, locale: Locale) => describeConflict(conflict, { locale, timeZone: PARIS });

describe('conflict sentences', () => {
  it.each(kinds)('words %s in French and in English, every placeholder filled', (kind) => {
    const conflict = EXAMPLES[kind];
    const french = say(conflict, 'fr');
    const english = say(conflict, 'en');
    for (const text of [french, english]) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text).toContain('Gaelle Martin');
      expect(text).not.toContain(conflict.message);
    }
    expect(french).not.toBe(english);
    // No ISO date or time in the text.
    expect(french).not.toMatch(/\d{4}-\d{2}|T\d{2}:/);
  });

  it('gives times on the mission clock, in the UI language', () => {
    const overlap = say(EXAMPLES.overlap, 'fr');
    expect(overlap).toContain(fill(fr.conflict_when, { start: '12 juil. 2027, 18:00', end: '23:00' }));
    expect(overlap).toContain('1 h');
    const en1800 = formatDateTime('2027-07-12T16:00:00Z', { timeZone: PARIS, locale: 'en' });
    expect(en1800).toMatch(/^Jul 12, 2027, 6:00\sPM$/);
    expect(say(EXAMPLES.overlap, 'en')).toContain(fill(en.conflict_when, { start: en1800, end: formatTime('2027-07-12T21:00:00Z', { timeZone: PARIS, locale: 'en' }) }));
    expect(say(EXAMPLES.min_rest, 'fr')).toContain('9 h 30');
    expect(say(EXAMPLES.max_hours_day, 'fr')).toContain('12 juil. 2027');
    // The ISO week 2027-W28 is the week of Monday 12 July.
    expect(say(EXAMPLES.max_hours_week, 'fr')).toContain(fr.conflict_text_max_hours_week.split('{week}')[0]!.replace('{name}', 'Gaelle Martin').replace('{hours}', '50 h'));
    expect(say(EXAMPLES.max_hours_week, 'fr')).toContain('12 juil. 2027');
    expect(say(EXAMPLES.skill_expired, 'en')).toContain(en.conflicts_expired_skill.replace('{name}', 'caces').replace('{date}', 'Jul 1, 2027'));
  });

  it('names the mission timezone when it is not the org one, and spells both days of a night', () => {
    const montreal = assignment(4, '2027-07-13T00:00:00Z', '2027-07-13T05:00:00Z', 'America/Montreal');
    expect(conflictWhen(montreal, { locale: 'fr', timeZone: PARIS })).toBe(
      fill(fr.conflict_when_zone, { start: '12 juil. 2027, 20:00', end: '13 juil. 2027, 01:00', zone: 'heure de Montreal' }),
    );
    expect(conflictWhen(montreal, { locale: 'en', timeZone: PARIS })).toContain('(Montreal time)');
    expect(conflictWhen(montreal, { locale: 'fr', timeZone: 'America/Montreal' })).not.toContain('heure de');
  });

  it('names the absence type of an approved absence', () => {
    const conges = { id: 1, code: 'conges', label: 'Conges', color: '#888888' };
    const typed = { ...EXAMPLES.unavailable, absence_types: [conges] };
    expect(say(typed, 'fr')).toMatch(/^Gaelle Martin est en absence pendant .+ \(Conges, approuv.e\)\.$/);
    expect(say(typed, 'en')).toMatch(/^Gaelle Martin is away during .+ \(Conges, approved\)\.$/);
    expect(say(EXAMPLES.unavailable, 'fr')).not.toContain('Conges');
  });
});
