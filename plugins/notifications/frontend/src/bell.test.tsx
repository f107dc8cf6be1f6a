import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

import NotificationsBell from './bell';
import { text } from './catalog';

afterEach(() => vi.unstubAllGlobals());

const invitation = {
  id: 1,
  kind: 'invitation',
  title: 'Nouvelle mission proposee : Montage',
  body: '',
  data: { assignment_id: 7, invitation_id: 3 },
  read_at: null,
  created_at: '2027-07-01T09:00:00Z',
};

describe('NotificationsBell', () => {
  it('opens the newest notifications, answers an invitation in place, and closes on Escape', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/assignments?')) return pageResponse([{ id: 7 }]);
      if (init?.method === 'POST') return jsonResponse({ id: 7, status: 'ACCEPTED', reserve: false });
      return jsonResponse({ items: [invitation], unread: 1, page: 1, page_size: 50, total: 1 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<NotificationsBell />);
    const bell = await screen.findByRole('button', { name: '1 notification non lue' });
    expect(bell).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(bell);
    expect(bell).toHaveAttribute('aria-expanded', 'true');
    const accept = await screen.findByRole('button', { name: text('fr', 'accept_of', { title: invitation.title }) });
    await userEvent.click(accept);
    expect(await screen.findByText(text('fr', 'answer_accepted'))).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/assignments/7/accept', expect.objectContaining({ method: 'POST' }));
    expect(screen.getByRole('link', { name: text('fr', 'see_all') })).toHaveAttribute('href', '/plugins/notifications/inbox');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: text('fr', 'title') })).toBeNull());
    expect(bell).toHaveFocus();
  });
});
