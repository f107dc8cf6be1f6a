import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ExpiringCertifications } from '@/features/users/components/expiring-certifications';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const item = (over: Record<string, unknown>) => ({
  user_id: 1,
  first_name: 'Gaelle',
  last_name: 'Masson',
  skill: 'cariste',
  level: 3,
  valid_until: '2027-07-06',
  reference: 'R489-118',
  status: 'expiring',
  days_left: 5,
  affected_assignments: 0,
  next_affected_starts_at: null,
  ...over,
});

const page = {
  items: [
    item({ user_id: 2, first_name: 'Eric', last_name: 'Lambert', valid_until: '2027-06-29', status: 'expired', days_left: -2, reference: null, affected_assignments: 2, next_affected_starts_at: '2027-07-13T06:00:00Z' }),
    item({}),
  ],
  page: 1,
  page_size: 50,
  total: 2,
  today: '2027-07-01',
  within_days: 30,
};

describe('ExpiringCertifications', () => {
  it('lists what to renew with its state, number and the missions it affects', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(page)));
    renderWithProviders(<ExpiringCertifications />);
    const eric = (await screen.findByRole('link', { name: 'Eric Lambert' })).closest('li')!;
    expect(eric).toHaveTextContent(fr.users_cert_expired);
    expect(eric).toHaveTextContent(fr.certifications_expired_since_other.replace('{count}', '2'));
    expect(eric).toHaveTextContent(fr.certifications_missions_other.replace('{count}', '2').split('{date}')[0]!);
    expect(screen.getByRole('link', { name: 'Eric Lambert' })).toHaveAttribute('href', '/users/2');
    const gaelle = screen.getByRole('link', { name: 'Gaelle Masson' }).closest('li')!;
    expect(gaelle).toHaveTextContent(fr.users_cert_expiring);
    expect(gaelle).toHaveTextContent(fr.certifications_days_left_other.replace('{count}', '5'));
    expect(gaelle).toHaveTextContent(fr.users_cert_reference.replace('{reference}', 'R489-118'));
    expect(gaelle).toHaveTextContent(fr.certifications_no_mission);
    expect(screen.getByText(fr.certifications_count_other.replace('{count}', '2'))).toBeInTheDocument();
  });

  it('asks again with another horizon', async () => {
    const fetchMock = vi.fn(async (_url: string) => jsonResponse({ ...page, items: [], total: 0 }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<ExpiringCertifications />);
    expect(await screen.findByText(fr.certifications_empty)).toBeInTheDocument();
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/users/certifications/expiring?within_days=30&page=1&page_size=50');
    await userEvent.selectOptions(screen.getByLabelText(fr.certifications_within), '90');
    await vi.waitFor(() => expect(fetchMock.mock.calls.at(-1)?.[0]).toContain('within_days=90'));
  });
});
