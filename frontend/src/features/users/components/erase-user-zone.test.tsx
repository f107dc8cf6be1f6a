import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { User } from '@/features/users/api/list-users';
import { EraseUserZone, sameName } from '@/features/users/components/erase-user-zone';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const user: User = {
  id: 12,
  first_name: 'Zoe',
  last_name: 'Bernard',
  employment_type: 'Intermittent',
  email: 'zoe@example.org',
  phone: null,
  account_id: null,
  skills: [],
  tags: [],
  notes: '',
  rate_profile: null,
  legal_ids: {},
  documents: [],
  created_at: '2027-01-05T10:00:00Z',
  updated_at: '2027-01-05T10:00:00Z',
  erased_at: null,
};

describe('sameName', () => {
  it.each([
    ['Zoe Bernard', true],
    ['  zoe   BERNARD ', true],
    ['Zoe', false],
    ['', false],
    ['Zoe Bernardo', false],
  ])('%j matches "Zoe Bernard": %s', (typed, expected) => {
    expect(sameName(typed, 'Zoe Bernard')).toBe(expected);
  });
});

describe('EraseUserZone', () => {
  it('erases only once the full name and a reason are typed, and sends both', async () => {
    const fetchMock = vi.fn(async () =>
      jsonResponse({ user_id: 12, display_name: 'Personne effacee #12', erased_at: '2027-02-01T10:00:00Z' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<EraseUserZone user={user} />);

    await userEvent.click(screen.getByRole('button', { name: fr.privacy_erase_button }));
    const confirm = screen.getByRole('button', { name: fr.privacy_erase_confirm });
    expect(confirm).toBeDisabled();
    const nameLabel = fr.privacy_erase_confirm_label.replace('{name}', 'Zoe Bernard');
    await userEvent.type(screen.getByLabelText(nameLabel), 'Zoe');
    await userEvent.type(screen.getByLabelText(fr.privacy_erase_reason_label), 'Demande du 1er fevrier');
    expect(confirm).toBeDisabled();
    await userEvent.type(screen.getByLabelText(nameLabel), ' bernard');
    expect(confirm).toBeEnabled();
    await userEvent.click(confirm);

    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/users/12/erase');
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ confirm: 'Zoe bernard', reason: 'Demande du 1er fevrier' });
  });

  it('shows the refusal of the server in French', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({ error: { code: 'user.erase_last_owner', message: 'last owner' } }, 409),
      ),
    );
    renderWithProviders(<EraseUserZone user={user} />);
    await userEvent.click(screen.getByRole('button', { name: fr.privacy_erase_button }));
    const nameLabel = fr.privacy_erase_confirm_label.replace('{name}', 'Zoe Bernard');
    await userEvent.type(screen.getByLabelText(nameLabel), 'Zoe Bernard');
    await userEvent.type(screen.getByLabelText(fr.privacy_erase_reason_label), 'depart');
    await userEvent.click(screen.getByRole('button', { name: fr.privacy_erase_confirm }));
    expect(await screen.findByText(fr.error_user_erase_last_owner)).toBeInTheDocument();
  });

  it('says when an erased person was erased, with no button', () => {
    renderWithProviders(<EraseUserZone user={{ ...user, erased_at: '2027-02-01T10:00:00Z' }} />);
    expect(screen.getByText(fr.privacy_erased_notice.split('{date}')[0]!, { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: fr.privacy_erase_button })).not.toBeInTheDocument();
  });
});
