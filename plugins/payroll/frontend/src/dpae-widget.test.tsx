import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, renderWithProviders } from '@/testing/render';

import { text } from './catalog';
import DpaeWidget, { INTERMITTENTS_PAGE } from './dpae-widget';

afterEach(() => vi.unstubAllGlobals());

function engagement(name: string, status: string, day: string) {
  return {
    user_id: name.length,
    name,
    project_id: 5,
    project_name: 'Festival',
    first_day: day,
    last_day: day,
    first_start: `${day}T12:00:00Z`,
    last_end: `${day}T16:00:00Z`,
    missions: 1,
    assignment_ids: [1],
    planned_minutes: 240,
    dpae: { status, opens_at: `${day}T00:00:00Z`, due_at: `${day}T12:00:00Z`, id: null, declared_on: null, reference: null },
  };
}

function serve(items: unknown[]) {
  const fetch = vi.fn(async () => jsonResponse({ items, total: items.length, from_day: '2027-06-01', to_day: '2027-08-30' }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('the DPAE dashboard card', () => {
  it('shows the overdue DPAE in red, then those to file, with a link to the engagements', async () => {
    const fetch = serve([
      engagement('Tom Petit', 'to_declare', '2027-07-10'),
      engagement('Zoe Bernard', 'overdue', '2027-07-01'),
      engagement('Lea Martin', 'declared', '2027-07-02'),
      engagement('Nina Roux', 'not_yet_open', '2027-08-20'),
    ]);
    renderWithProviders(<DpaeWidget />);

    expect(await screen.findByText(text('fr', 'dashboard_dpae_title'))).toBeInTheDocument();
    expect(screen.getByText(text('fr', 'dashboard_dpae_overdue', { count: 1 }))).toHaveClass('text-danger');
    expect(screen.getByText(text('fr', 'dashboard_dpae_due', { count: 1 }))).toBeInTheDocument();
    const lists = screen.getAllByRole('list');
    expect(within(lists[0]!).getByText('Zoe Bernard')).toBeInTheDocument();
    expect(within(lists[1]!).getByText('Tom Petit')).toBeInTheDocument();
    expect(screen.queryByText('Lea Martin')).toBeNull();
    expect(screen.queryByText('Nina Roux')).toBeNull();
    expect(screen.getByRole('link', { name: text('fr', 'dashboard_dpae_open') })).toHaveAttribute('href', INTERMITTENTS_PAGE);
    expect(fetch).toHaveBeenCalledWith('/api/v1/payroll/engagements?page_size=200', expect.anything());
  });

  it('renders nothing while no DPAE needs the manager', async () => {
    const fetch = serve([engagement('Lea Martin', 'declared', '2027-07-02')]);
    const { container } = renderWithProviders(<DpaeWidget />);

    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container).toBeEmptyDOMElement();
  });
});
