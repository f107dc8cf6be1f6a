import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

import { NotificationsList } from './notifications-list';
import { text } from './catalog';

afterEach(() => vi.unstubAllGlobals());

const item = (id: number, read: boolean) => ({
  id,
  kind: 'assignment.declined',
  title: `Notification ${id}`,
  body: '',
  data: {},
  read_at: read ? '2027-07-01T10:00:00Z' : null,
  created_at: '2027-07-01T09:00:00Z',
});

describe('NotificationsList', () => {
  it('lists notifications, counts unread ones and marks one read', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return jsonResponse(item(1, true));
      return jsonResponse({ items: [item(1, false), item(2, true)], unread: 1 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<NotificationsList />);
    expect(await screen.findByText('1 notification non lue')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'mark_read_of', { title: 'Notification 1' }) }));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/notifications/1/read', expect.objectContaining({ method: 'POST' }));
  });

  it('shows the empty state', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ items: [], unread: 0 })));
    renderWithProviders(<NotificationsList />);
    expect(await screen.findByText('Aucune notification.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tout marquer comme lu' })).toBeDisabled();
  });

  it('answers an invitation still waiting from its notification, and only that one', async () => {
    const invitation = (id: number, assignmentId: number) => ({
      ...item(id, false),
      kind: 'invitation',
      title: `Invitation ${id}`,
      data: { assignment_id: assignmentId, invitation_id: 100 + id },
    });
    let pending = [{ id: 7 }];
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.startsWith('/api/v1/assignments?')) return pageResponse(pending);
      if (url === '/api/v1/assignments/7/accept') {
        pending = [];
        return jsonResponse({ id: 7, status: 'ACCEPTED', reserve: false });
      }
      if (init?.method === 'POST') return jsonResponse(item(1, true));
      return jsonResponse({ items: [invitation(1, 7), invitation(2, 8)], unread: 2 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<NotificationsList />);
    const accept = await screen.findByRole('button', { name: text('fr', 'accept_of', { title: 'Invitation 1' }) });
    // Assignment 8 was answered elsewhere: no buttons on its notification.
    expect(screen.queryByRole('button', { name: text('fr', 'accept_of', { title: 'Invitation 2' }) })).toBeNull();
    await userEvent.click(accept);
    expect(await screen.findByText(text('fr', 'answer_accepted'))).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/assignments/7/accept', expect.objectContaining({ method: 'POST' }));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/notifications/1/read', expect.objectContaining({ method: 'POST' }));
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: text('fr', 'accept_of', { title: 'Invitation 1' }) })).toBeNull(),
    );
  });
});
