import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { apiSort, UsersList } from '@/features/users/components/users-list';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const person = (id: number, first: string, last: string) => ({
  id,
  first_name: first,
  last_name: last,
  email: null,
  phone: null,
  employment_type: 'INTERMITTENT',
  skills: [],
  tags: [],
  notes: '',
  account_id: null,
  created_at: '2027-06-01T10:00:00Z',
  updated_at: '2027-06-01T10:00:00Z',
});

/** The API's one page of 50 out of 120, and every query string the list asked for. */
function stub() {
  const asked: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const query = new URL(String(input), 'http://test').searchParams;
      asked.push(query);
      const page = Number(query.get('page'));
      return jsonResponse({ items: [person(page, 'Lea', `Page${page}`)], page, page_size: 50, total: 120 });
    }),
  );
  return asked;
}

describe('UsersList', () => {
  it('maps a column sort to the API sort keys', () => {
    expect(apiSort([])).toBeUndefined();
    expect(apiSort([{ id: 'name', desc: false }])).toBe('last_name,first_name');
    expect(apiSort([{ id: 'name', desc: true }])).toBe('-last_name,-first_name');
    expect(apiSort([{ id: 'employment', desc: false }])).toBe('employment_type,last_name,first_name');
  });

  it('lets the API sort and page: a header click asks for the sorted first page', async () => {
    const asked = stub();
    renderWithProviders(<UsersList />);
    expect(await screen.findByRole('link', { name: 'Lea Page1' })).toBeInTheDocument();
    expect(screen.getByText(fr.pagination_page.replace('{page}', '1').replace('{pages}', '3'))).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: fr.pagination_next }));
    expect(await screen.findByRole('link', { name: 'Lea Page2' })).toBeInTheDocument();
    expect(asked.at(-1)?.get('page')).toBe('2');

    const byName = new RegExp(fr.table_sort_by.replace('{column}', fr.users_col_name));
    await userEvent.click(screen.getByRole('button', { name: byName }));
    await waitFor(() => expect(asked.at(-1)?.get('sort')).toBe('last_name,first_name'));
    expect(asked.at(-1)?.get('page')).toBe('1');
    expect(screen.getByRole('columnheader', { name: new RegExp(fr.users_col_name) })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(screen.getByRole('button', { name: byName }));
    await waitFor(() => expect(asked.at(-1)?.get('sort')).toBe('-last_name,-first_name'));

    // A new search keeps the chosen order.
    await userEvent.type(screen.getByRole('searchbox', { name: fr.users_filter_q }), 'lea');
    await userEvent.click(screen.getByRole('button', { name: fr.users_search_submit }));
    await waitFor(() => expect(asked.at(-1)?.get('q')).toBe('lea'));
    expect(asked.at(-1)?.get('sort')).toBe('-last_name,-first_name');
    // Skills and tags are not sortable.
    expect(screen.getByRole('columnheader', { name: fr.users_col_skills })).not.toHaveAttribute('aria-sort');
  });
});
