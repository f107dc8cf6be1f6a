import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { MembersTable } from '@/features/members/components/members-table';
import type { Member } from '@/features/members/api/list-members';
import fr from '@/locales/fr.json';
import { pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const member = (id: number, role: string, email: string | null, first: string | null): Member => ({
  account_id: id,
  email,
  first_name: first,
  last_name: first ? 'Durand' : null,
  role,
  joined_at: '2027-01-05T10:00:00Z',
});

function rowOf(text: string): HTMLElement {
  return screen.getByText(text).closest('tr')!;
}

describe('MembersTable', () => {
  it('shows a tech names and roles, their own address only, and no controls', async () => {
    // As the API answers a tech: colleagues' addresses are null.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        pageResponse([member(1, 'owner', null, 'Marie'), member(2, 'tech', 'moi@example.org', 'Tom'), member(3, 'tech', null, null)]),
      ),
    );
    renderWithProviders(<MembersTable canManage={false} canManageOwners={false} actorAccountId={2} />);
    expect(await screen.findByText('Marie Durand')).toBeInTheDocument();
    expect(screen.getByText('moi@example.org')).toBeInTheDocument();
    expect(screen.getByText('#3')).toBeInTheDocument();
    expect(within(rowOf('Tom Durand')).getByText(fr.members_you)).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Retirer/ })).not.toBeInTheDocument();
  });

  it('lets an admin change roles but neither touch owners nor make one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => pageResponse([member(1, 'owner', 'marie@example.org', 'Marie'), member(3, 'tech', 'lea@example.org', 'Lea')])),
    );
    renderWithProviders(<MembersTable canManage canManageOwners={false} actorAccountId={9} />);
    const select = await screen.findByRole('combobox', { name: fr.members_role_of.replace('{email}', 'lea@example.org') });
    const options = within(select).getAllByRole('option').map((o) => o.getAttribute('value'));
    expect(options).toEqual(['tech', 'manager', 'admin']);
    expect(within(rowOf('Marie Durand')).queryByRole('combobox')).not.toBeInTheDocument();
    expect(within(rowOf('Lea Durand')).getByRole('button', { name: fr.members_remove_of.replace('{email}', 'lea@example.org') })).toBeInTheDocument();
  });

  it('lets an owner make owners', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => pageResponse([member(3, 'tech', 'lea@example.org', 'Lea')])));
    renderWithProviders(<MembersTable canManage canManageOwners actorAccountId={9} />);
    const select = await screen.findByRole('combobox');
    expect(within(select).getAllByRole('option').map((o) => o.getAttribute('value'))).toContain('owner');
  });
});
