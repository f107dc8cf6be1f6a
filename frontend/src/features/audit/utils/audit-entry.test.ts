import { describe, expect, it } from 'vitest';

import {
  actionMessageKey,
  classifyValue,
  codeMessageKey,
  fieldChanges,
  fieldMessageKey,
  otherDetails,
  REDACTED,
} from '@/features/audit/utils/audit-entry';

describe('fieldChanges', () => {
  it('lists the changed fields in the order of after, with their before value', () => {
    expect(
      fieldChanges({
        before: { title: 'Exploitation', ends_at: '2027-07-10T23:00:00+00:00' },
        after: { title: 'Exploitation Cour', ends_at: '2027-07-11T00:00:00+00:00' },
      }),
    ).toEqual([
      { field: 'title', before: 'Exploitation', after: 'Exploitation Cour' },
      { field: 'ends_at', before: '2027-07-10T23:00:00+00:00', after: '2027-07-11T00:00:00+00:00' },
    ]);
  });

  it('flattens nested objects to parent.child rows and keeps nulls', () => {
    expect(
      fieldChanges({
        before: { enabled: false, config: { greeting: 'Salut', old: 1 } },
        after: { enabled: true, config: { greeting: 'Bonjour', old: null } },
      }),
    ).toEqual([
      { field: 'enabled', before: false, after: true },
      { field: 'config.greeting', before: 'Salut', after: 'Bonjour' },
      { field: 'config.old', before: 1, after: null },
    ]);
    expect(fieldChanges({ before: { org: null }, after: { org: { max_hours_day: 11 } } })).toEqual([
      { field: 'org', before: null, after: { max_hours_day: 11 } },
    ]);
  });

  it('finds no change in a payload without after', () => {
    expect(fieldChanges({ slug: 'festival' })).toEqual([]);
    expect(fieldChanges({ after: 'not an object' })).toEqual([]);
  });
});

describe('otherDetails', () => {
  it('keeps every key but before and after', () => {
    expect(otherDetails({ via: 'link', user_id: 4, before: {}, after: {} })).toEqual([
      ['via', 'link'],
      ['user_id', 4],
    ]);
  });
});

describe('classifyValue', () => {
  it.each([
    [null, { kind: 'empty' }],
    ['', { kind: 'empty' }],
    [[], { kind: 'empty' }],
    [REDACTED, { kind: 'redacted' }],
    [true, { kind: 'boolean', value: true }],
    ['2027-07-11T00:00:00+00:00', { kind: 'instant', value: '2027-07-11T00:00:00+00:00' }],
    ['2027-07-11T00:00:00Z', { kind: 'instant', value: '2027-07-11T00:00:00Z' }],
    ['PUBLISHED', { kind: 'code', value: 'PUBLISHED' }],
    ['2027-07-11', { kind: 'text', value: '2027-07-11' }],
    ['Cour', { kind: 'text', value: 'Cour' }],
    [2150, { kind: 'text', value: '2150' }],
    [['son', 'lumiere'], { kind: 'text', value: 'son, lumiere' }],
    [[{ name: 'son', level: 3 }, { name: 'cariste' }], { kind: 'text', value: 'son (3), cariste' }],
    [{ a: 1 }, { kind: 'text', value: '{"a":1}' }],
  ])('%j shows as %j', (value, expected) => {
    expect(classifyValue(value)).toEqual(expected);
  });
});

describe('message keys', () => {
  it('derive catalog keys from actions, fields and codes', () => {
    expect(actionMessageKey('mission.role_updated')).toBe('audit_action_mission_role_updated');
    expect(actionMessageKey('conflict_rules.updated')).toBe('audit_action_conflict_rules_updated');
    expect(fieldMessageKey('ends_at')).toBe('audit_field_ends_at');
    expect(codeMessageKey('PUBLISHED')).toBe('audit_value_published');
  });
});
