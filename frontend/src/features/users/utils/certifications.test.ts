import { describe, expect, it } from 'vitest';

import { certificationState, skillErrorTarget, toRows, toSkillsBody } from '@/features/users/utils/certifications';

describe('certificationState', () => {
  const today = '2027-07-01';
  it.each([
    [null, 'none'],
    ['', 'none'],
    ['2027-06-30', 'expired'],
    ['2027-07-01', 'expiring'], // its last valid day
    ['2027-07-31', 'expiring'], // 30 days ahead, included
    ['2027-08-01', 'valid'],
  ] as const)('%s on 2027-07-01 is %s', (validUntil, state) => {
    expect(certificationState(validUntil, today)).toBe(state);
  });

  it('takes another horizon', () => {
    expect(certificationState('2027-07-10', today, 7)).toBe('valid');
    expect(certificationState('2027-07-08', today, 7)).toBe('expiring');
  });
});

describe('skills form rows', () => {
  it('round-trips skills, empty strings meaning none', () => {
    const rows = toRows([
      { name: 'cariste', level: 4, valid_until: '2028-03-31', reference: 'R489' },
      { name: 'son', level: 2, valid_until: null, reference: null },
    ]);
    expect(rows[1]).toEqual({ name: 'son', level: 2, validUntil: '', reference: '' });
    expect(toSkillsBody([...rows.slice(0, 1), { ...rows[1]!, reference: '  ' }])).toEqual({
      skills: [
        { name: 'cariste', level: 4, valid_until: '2028-03-31', reference: 'R489' },
        { name: 'son', level: 2, valid_until: null, reference: null },
      ],
    });
  });

  it('points at an unnamed line or a skill given twice', () => {
    const row = { level: 1, validUntil: '', reference: '' };
    expect(toSkillsBody([{ ...row, name: 'son' }, { ...row, name: ' ' }])).toEqual({ problem: { kind: 'empty_name', index: 1 } });
    expect(toSkillsBody([{ ...row, name: 'Cariste' }, { ...row, name: 'cariste ' }])).toEqual({
      problem: { kind: 'duplicate', index: 1, name: 'cariste' },
    });
  });

  it('reads the line and field of an API error', () => {
    expect(skillErrorTarget({ index: 2, skill: 'cariste', field: 'valid_until' })).toEqual({ index: 2, field: 'valid_until' });
    expect(skillErrorTarget([{ key: 'x' }])).toBeNull();
    expect(skillErrorTarget(undefined)).toBeNull();
  });
});
