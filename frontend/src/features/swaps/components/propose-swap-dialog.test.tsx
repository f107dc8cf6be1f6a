import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ProposeSwapDialog } from '@/features/swaps/components/propose-swap-dialog';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const colleague = { id: 4, account_id: 40, first_name: 'Noe', last_name: 'Roy' };
const theirMission = { id: 77, role_name: 'lumiere', reserve: false, starts_at: '2099-07-10T18:00:00Z' };

function stub() {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return jsonResponse({ id: 1 }, 201);
      }
      const url = String(input);
      const items = url.includes('/users') ? [colleague] : url.includes('/assignments') ? [theirMission] : [];
      return jsonResponse({ items, page: 1, page_size: 200, total: items.length });
    }),
  );
  return posted;
}

function open(onSent = vi.fn()) {
  renderWithProviders(
    <ProposeSwapDialog open assignmentId={5} missionTitle="Concert" accountId={1} onClose={() => {}} onSent={onSent} />,
  );
}

describe('ProposeSwapDialog', () => {
  it('hands a mission over to anyone eligible with no colleague chosen', async () => {
    const posted = stub();
    const onSent = vi.fn();
    open(onSent);
    await userEvent.click(screen.getByRole('button', { name: fr.swap_send }));
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    expect(posted).toEqual([{ assignment_id: 5, kind: 'handover', target_user_id: null, target_assignment_id: null, comment: null }]);
  });

  it('asks a swap for the colleague and one of their missions', async () => {
    const posted = stub();
    open();
    await userEvent.click(screen.getByRole('radio', { name: fr.swap_field_kind_swap }));
    const send = screen.getByRole('button', { name: fr.swap_send });
    expect(send).toBeDisabled();
    await userEvent.selectOptions(await screen.findByLabelText(fr.swap_field_colleague), 'Noe Roy');
    const theirs = await screen.findByLabelText(fr.swap_field_their_mission);
    await screen.findByRole('option', { name: /lumiere/ });
    await userEvent.selectOptions(theirs, '77');
    await userEvent.type(screen.getByLabelText(fr.swap_field_comment), '  merci  ');
    await userEvent.click(send);
    await waitFor(() =>
      expect(posted).toEqual([{ assignment_id: 5, kind: 'swap', target_user_id: 4, target_assignment_id: 77, comment: 'merci' }]),
    );
  });
});
