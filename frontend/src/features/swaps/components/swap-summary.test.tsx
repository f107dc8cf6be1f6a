import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Swap } from '@/features/swaps/api/list-my-swaps';
import { SwapSummary } from '@/features/swaps/components/swap-summary';
import fr from '@/locales/fr.json';
import { renderWithProviders } from '@/testing/render';

const side = (id: number, title: string) => ({
  assignment_id: id,
  mission_id: id,
  mission_title: title,
  mission_role_id: id,
  role_name: 'son',
  starts_at: '2027-07-10T17:00:00Z',
  ends_at: '2027-07-10T23:00:00Z',
});

const swap = (extra: Partial<Swap> = {}): Swap => ({
  id: 1,
  kind: 'handover',
  status: 'proposed',
  offered: side(1, 'Concert du soir'),
  wanted: null,
  proposer_user_id: 1,
  proposer_name: 'Paul Morel',
  target_user_id: null,
  target_name: null,
  colleague_user_id: null,
  colleague_name: null,
  comment: null,
  requires_approval: true,
  accepted_at: null,
  decided_at: null,
  decision_comment: null,
  applied_at: null,
  closed_at: null,
  new_assignment_id: null,
  new_target_assignment_id: null,
  created_at: '2027-07-01T10:00:00Z',
  updated_at: '2027-07-01T10:00:00Z',
  side: null,
  eligible: null,
  ...extra,
});

describe('SwapSummary', () => {
  it('says an open handover goes to any available colleague', () => {
    renderWithProviders(<SwapSummary swap={swap()} />);
    const between = fr.swap_between.replace('{proposer}', 'Paul Morel');
    expect(screen.getByText(between.replace('{colleague}', fr.swap_anyone))).toBeInTheDocument();
    expect(screen.getByText(fr.swap_kind_handover)).toBeInTheDocument();
    expect(screen.getByText(fr.swap_status_proposed)).toBeInTheDocument();
  });

  it('shows both missions of a swap and who accepted it', () => {
    renderWithProviders(
      <SwapSummary
        swap={swap({
          kind: 'swap',
          status: 'accepted_by_colleague',
          wanted: side(2, 'Bal du 14 juillet'),
          target_user_id: 2,
          target_name: 'Cleo Durand',
          colleague_user_id: 2,
          colleague_name: 'Cleo Durand',
          comment: 'Merci !',
        })}
      />,
    );
    const between = fr.swap_between.replace('{proposer}', 'Paul Morel');
    expect(screen.getByText(between.replace('{colleague}', 'Cleo Durand'))).toBeInTheDocument();
    expect(screen.getByText(/^Contre : Bal du 14 juillet/)).toBeInTheDocument();
    expect(screen.getByText(fr.swap_status_accepted_by_colleague)).toBeInTheDocument();
    expect(screen.getByText('Message : Merci !')).toBeInTheDocument();
  });
});
