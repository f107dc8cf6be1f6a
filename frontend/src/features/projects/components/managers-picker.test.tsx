import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ManagersPicker } from '@/features/projects/components/managers-picker';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const member = (accountId: number, role: string, first: string | null, last: string | null, email: string | null) => ({
  account_id: accountId,
  role,
  first_name: first,
  last_name: last,
  email,
  joined_at: '2027-01-01T00:00:00Z',
});

function stubMembers() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.includes('/orgs/current/members?')
        ? pageResponse([
            member(1, 'owner', 'Lea', 'Martin', 'lea@example.org'),
            member(2, 'manager', 'Hugo', 'Bernard', null),
            member(3, 'tech', 'Ines', 'Petit', 'ines@example.org'),
            member(4, 'admin', null, null, 'regie@example.org'),
          ])
        : jsonResponse({ error: { code: 'not_found', message: 'no' } }, 404),
    ),
  );
}

function Harness({ initial, onChange }: { initial: number[]; onChange: (ids: number[]) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <ManagersPicker
      value={value}
      hint="hint"
      onChange={(ids) => {
        setValue(ids);
        onChange(ids);
      }}
    />
  );
}

describe('ManagersPicker', () => {
  it('lists the members who may manage, checked as given, and toggles them', async () => {
    stubMembers();
    const changes: number[][] = [];
    renderWithProviders(<Harness initial={[4]} onChange={(ids) => changes.push(ids)} />);
    const group = screen.getByRole('group', { name: fr.projects_wizard_managers });
    const lea = await screen.findByRole('checkbox', { name: 'Lea Martin (lea@example.org)' });
    // A tech may not manage; a hidden email leaves the name alone; no name leaves the email.
    expect(screen.queryByRole('checkbox', { name: /Ines/ })).toBeNull();
    const hugo = screen.getByRole('checkbox', { name: 'Hugo Bernard' });
    const regie = screen.getByRole('checkbox', { name: 'regie@example.org' });
    expect(group).toContainElement(lea);
    expect(regie).toBeChecked();
    expect(lea).not.toBeChecked();
    await userEvent.click(lea);
    await userEvent.click(regie);
    expect(changes).toEqual([[4, 1], [1]]);
    expect(lea).toBeChecked();
    expect(regie).not.toBeChecked();
    expect(hugo).not.toBeChecked();
  });

  it('shows the choice without letting it change when disabled', async () => {
    stubMembers();
    renderWithProviders(<ManagersPicker value={[1]} onChange={() => undefined} disabled />);
    const lea = await screen.findByRole('checkbox', { name: 'Lea Martin (lea@example.org)' });
    expect(lea).toBeChecked();
    expect(lea).toBeDisabled();
  });
});
