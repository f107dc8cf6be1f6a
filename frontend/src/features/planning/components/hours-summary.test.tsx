import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { PlanningUser } from '@/features/planning/api/get-planning';
import { HoursSummary } from '@/features/planning/components/hours-summary';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { renderWithProviders } from '@/testing/render';

const user = (id: number, first: string, planned: number, accepted: number): PlanningUser => ({
  id,
  first_name: first,
  last_name: 'Martin',
  employment_type: 'Intermittent',
  planned_minutes: planned,
  accepted_minutes: accepted,
});

describe('HoursSummary', () => {
  it('lists planned and accepted hours per person, in French by default', () => {
    renderWithProviders(<HoursSummary users={[user(1, 'Lea', 1830, 360), user(2, 'Noe', 45, 0), user(3, 'Ines', 0, 0)]} />);
    const table = screen.getByRole('table', { name: fr.planning_hours_title });
    const lea = within(table).getByRole('row', { name: /Lea Martin/ });
    expect(within(lea).getAllByRole('cell').map((c) => c.textContent)).toEqual(['30 h 30', '6 h']);
    const noe = within(table).getByRole('row', { name: /Noe Martin/ });
    expect(within(noe).getAllByRole('cell').map((c) => c.textContent)).toEqual(['45 min', '0 min']);
    // Someone with only declined or cancelled assignments has no hours to show.
    expect(within(table).queryByRole('row', { name: /Ines/ })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: new RegExp(fr.planning_hours_planned) })).toHaveAttribute('aria-sort', 'descending');
  });

  it('puts the most planned first, and sorts by any column on a click', async () => {
    renderWithProviders(<HoursSummary users={[user(2, 'Noe', 45, 0), user(1, 'Lea', 1830, 360), user(4, 'Ana', 600, 600)]} />);
    const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent);
    expect(names()).toEqual(['Lea Martin', 'Ana Martin', 'Noe Martin']);
    await userEvent.click(screen.getByRole('button', { name: new RegExp(fr.planning_hours_planned) }));
    expect(names()).toEqual(['Noe Martin', 'Ana Martin', 'Lea Martin']);
    await userEvent.click(screen.getByRole('button', { name: new RegExp(fr.planning_hours_person) }));
    expect(names()).toEqual(['Ana Martin', 'Lea Martin', 'Noe Martin']);
    expect(screen.getByRole('columnheader', { name: new RegExp(fr.planning_hours_person) })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('speaks English on choice and says when nobody is planned', () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    try {
      renderWithProviders(<HoursSummary users={[user(1, 'Lea', 95, 95)]} />);
      const lea = screen.getByRole('row', { name: /Lea Martin/ });
      expect(within(lea).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1 h 35 min', '1 h 35 min']);
    } finally {
      act(() => useLocaleStore.getState().setLocale('fr'));
    }
    renderWithProviders(<HoursSummary users={[]} />);
    expect(screen.getByText(fr.planning_hours_empty)).toBeInTheDocument();
    expect(en.planning_hours_empty).not.toBe(fr.planning_hours_empty);
  });
});
