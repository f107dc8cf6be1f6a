import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { addDays, dayInZone } from '@/lib/dates';
import type { User } from '@/features/users/api/list-users';
import { UserProfile } from '@/features/users/components/user-profile';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const today = dayInZone(Date.now(), 'Europe/Paris');

const user: User = {
  id: 7,
  first_name: 'Eric',
  last_name: 'Lambert',
  employment_type: 'CDI',
  email: null,
  phone: null,
  account_id: null,
  skills: [
    { name: 'cariste', level: 4, valid_until: '2001-03-31', reference: 'R489-007' },
    { name: 'ssiap', level: 2, valid_until: addDays(today, 5), reference: null },
    { name: 'son', level: 3, valid_until: null, reference: null },
  ],
  tags: [],
  notes: '',
  rate_profile: null,
  legal_ids: null,
  documents: null,
  created_at: '2027-01-01T00:00:00Z',
  updated_at: '2027-01-01T00:00:00Z',
};

const text = (key: keyof typeof fr, vars: Record<string, string | number>) =>
  Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), fr[key]);

describe('UserProfile skills', () => {
  it('shows each certification with its last day, number and an expired / expiring badge', () => {
    renderWithProviders(<UserProfile user={user} canReadRates={false} />);
    expect(screen.getByLabelText(text('users_cert_state_of', { skill: 'cariste', state: fr.users_cert_expired }))).toBeInTheDocument();
    expect(screen.getByLabelText(text('users_cert_state_of', { skill: 'ssiap', state: fr.users_cert_expiring }))).toBeInTheDocument();
    expect(screen.queryByLabelText(text('users_cert_state_of', { skill: 'son', state: fr.users_cert_expired }))).not.toBeInTheDocument();
    expect(screen.getByText(text('users_cert_reference', { reference: 'R489-007' }), { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.users_skills_edit })).not.toBeInTheDocument();
  });

  it('lets a manager change an expiry and a number, and sends the whole list', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => jsonResponse({ ...user, ...JSON.parse(String(init?.body ?? '{}')) }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<UserProfile user={user} canReadRates={false} canEdit />);
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_edit }));
    const until = screen.getByLabelText(text('users_skill_valid_until_n', { n: 1 }));
    await userEvent.clear(until);
    await userEvent.type(until, '2030-06-30');
    await userEvent.type(screen.getByLabelText(text('users_skill_reference_n', { n: 3 })), 'SON-1');
    await userEvent.click(screen.getByRole('button', { name: text('users_skill_remove_n', { n: 2 }) }));
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_save }));

    expect(await screen.findByRole('status')).toHaveTextContent(fr.users_skills_saved);
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH')!;
    expect(url).toBe('/api/v1/users/7');
    expect(JSON.parse(String(init?.body))).toEqual({
      skills: [
        { name: 'cariste', level: 4, valid_until: '2030-06-30', reference: 'R489-007' },
        { name: 'son', level: 3, valid_until: null, reference: 'SON-1' },
      ],
    });
  });

  it('puts a refused value next to its field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(
          { error: { code: 'user.invalid_skill_reference', message: 'too long', details: { index: 1, skill: 'ssiap', field: 'reference' } } },
          422,
        ),
      ),
    );
    renderWithProviders(<UserProfile user={user} canReadRates={false} canEdit />);
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_edit }));
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_save }));
    const field = screen.getByLabelText(text('users_skill_reference_n', { n: 2 }));
    expect(await screen.findByText(fr.error_user_invalid_skill_reference)).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText(text('users_skill_reference_n', { n: 1 }))).not.toHaveAttribute('aria-invalid');
  });

  it('refuses an unnamed line or a skill twice before asking the server', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(user));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<UserProfile user={user} canReadRates={false} canEdit />);
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_edit }));
    await userEvent.click(screen.getByRole('button', { name: fr.users_skill_add }));
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_save }));
    expect(screen.getByText(fr.users_skill_need_name)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(text('users_skill_name_n', { n: 4 })), 'Cariste');
    await userEvent.click(screen.getByRole('button', { name: fr.users_skills_save }));
    const form = screen.getByRole('form', { name: fr.users_skills_editor_title });
    expect(within(form).getByText(text('users_skill_duplicate', { name: 'cariste' }))).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
