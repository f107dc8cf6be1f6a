import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { NotificationsList } from '@/features/notifications/components/notifications-list';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

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
    await userEvent.click(screen.getByRole('button', { name: fr.notifications_mark_read_of.replace('{title}', 'Notification 1') }));
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/notifications/1/read', expect.objectContaining({ method: 'POST' }));
  });

  it('shows the empty state', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse({ items: [], unread: 0 })));
    renderWithProviders(<NotificationsList />);
    expect(await screen.findByText('Aucune notification.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tout marquer comme lu' })).toBeDisabled();
  });
});
