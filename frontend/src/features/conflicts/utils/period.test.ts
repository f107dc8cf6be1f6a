import { describe, expect, it } from 'vitest';

import { conflictPeriod, type ProjectSpan } from '@/features/conflicts/utils/period';

const project = (name: string, starts_on: string | null, ends_on: string | null, status = 'ACTIVE'): ProjectSpan => ({
  name,
  status,
  starts_on,
  ends_on,
});

describe('conflictPeriod', () => {
  it('opens on the project running today, from today to its end', () => {
    const period = conflictPeriod([project('Festival', '2027-07-01', '2027-07-31')], '2027-07-12');
    expect(period).toEqual({ from: '2027-07-12', to: '2027-07-31', project: 'Festival' });
  });

  it('opens on the next project when none runs today', () => {
    const projects = [project('Tournee', '2027-09-01', '2027-09-20'), project('Festival', '2027-07-01', '2027-07-31')];
    expect(conflictPeriod(projects, '2027-05-02')).toEqual({ from: '2027-07-01', to: '2027-07-31', project: 'Festival' });
  });

  it('keeps at most 62 days', () => {
    const period = conflictPeriod([project('Saison', '2027-01-01', '2027-12-31')], '2026-12-01');
    expect(period).toEqual({ from: '2027-01-01', to: '2027-03-03', project: 'Saison' });
  });

  it('leaves out archived, finished and undated projects, then falls back to 30 days', () => {
    const projects = [
      project('Archive', '2027-07-01', '2027-07-31', 'ARCHIVED'),
      project('Fini', '2027-01-01', '2027-02-01'),
      project('Sans dates', null, null),
    ];
    expect(conflictPeriod(projects, '2027-06-01')).toEqual({ from: '2027-06-01', to: '2027-07-01', project: null });
  });
});
