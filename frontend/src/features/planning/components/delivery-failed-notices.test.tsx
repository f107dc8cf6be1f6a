import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { DeliveryFailedNotices, missionPlanningPath } from '@/features/planning/components/delivery-failed-notices';
import fr from '@/locales/fr.json';
import { FakeEventSource } from '@/testing/fake-event-source';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const event = {
  org_id: 1,
  invitation_id: 40,
  assignment_id: 7,
  mission_id: 3,
  user_id: 2,
  delivery_status: 'no_channel',
  channel: null,
  error: 'no email address',
  inviter_account_id: 11,
};

beforeEach(() => {
  FakeEventSource.instances = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) =>
      url.includes('/missions/')
        ? jsonResponse({ id: 3, title: 'Montage', starts_at: '2027-07-05T22:30:00Z' })
        : jsonResponse({ id: 2, first_name: 'Lea', last_name: 'Martin' }),
    ),
  );
});
afterEach(() => vi.unstubAllGlobals());

function emit(data: unknown) {
  act(() => FakeEventSource.open().forEach((source) => source.emit('InvitationDeliveryFailed', data)));
}

describe('DeliveryFailedNotices', () => {
  it('tells the inviter whose invitation did not arrive, for which mission, and links to it', async () => {
    renderWithProviders(<DeliveryFailedNotices accountId={11} />);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    emit(event);
    const alert = await screen.findByRole('alert');
    await vi.waitFor(() =>
      expect(alert).toHaveTextContent(
        fr.planning_delivery_failed_notice.replace('{name}', 'Lea Martin').replace('{mission}', 'Montage'),
      ),
    );
    expect(alert).toHaveTextContent(fr.planning_delivery_error_no_email);
    // The mission's day in the org zone (Europe/Paris by default): 00:30 on 6 July.
    expect(screen.getByRole('link', { name: 'Ouvrir la mission Montage' })).toHaveAttribute(
      'href',
      '/planning?date=2027-07-06&mission=3',
    );
    await userEvent.click(screen.getByRole('button', { name: "Masquer l'alerte sur l'invitation de Lea Martin" }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it("shows nothing for another member's invitation", async () => {
    renderWithProviders(<DeliveryFailedNotices accountId={11} />);
    emit({ ...event, inviter_account_id: 12 });
    emit({ nonsense: true });
    await new Promise((done) => setTimeout(done, 0));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('builds the planning link of a mission without a known date', () => {
    expect(missionPlanningPath(3, undefined, 'Europe/Paris')).toBe('/planning?mission=3');
  });
});
