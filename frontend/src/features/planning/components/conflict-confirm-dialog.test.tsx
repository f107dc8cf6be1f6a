import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { ConflictConfirmDialog, type ConflictProposal } from '@/features/planning/components/conflict-confirm-dialog';
import { describeConflict } from '@/lib/conflict-text';
import fr from '@/locales/fr.json';
import { renderWithProviders } from '@/testing/render';

const proposal = (action: ConflictProposal['action']): ConflictProposal => ({
  action,
  confirm: vi.fn(),
  cancel: vi.fn(),
  conflicts: [
    {
      kind: 'overlap',
      user: { id: 4, first_name: 'Lea', last_name: 'Martin', employment_type: 'CDI' },
      assignments: [{ id: 31, mission_id: 3, mission_role_id: 5, project_id: 1, status: 'ACCEPTED', starts_at: '2027-07-10T12:00:00Z', ends_at: '2027-07-10T18:00:00Z', timezone: 'Europe/Paris' }, { id: null, mission_id: 4, mission_role_id: 6, project_id: 1, status: 'INVITED', starts_at: '2027-07-10T16:00:00Z', ends_at: '2027-07-10T22:00:00Z', timezone: 'Europe/Paris' }],
      hours: 2,
      limit_hours: null,
      confirmed: false,
      message: 'Lea Martin has overlapping assignments',
      target_assignment_id: null,
    },
    {
      kind: 'missing_skill',
      user: { id: 4, first_name: 'Lea', last_name: 'Martin', employment_type: 'CDI' },
      assignments: [{ id: null, mission_id: 4, mission_role_id: 6, project_id: 1, status: 'INVITED', starts_at: '2027-07-10T16:00:00Z', ends_at: '2027-07-10T22:00:00Z', timezone: 'Europe/Paris' }],
      missing_skills: ['son'],
      confirmed: false,
      message: 'Lea Martin lacks: son',
      target_assignment_id: null,
    },
  ],
});

describe('ConflictConfirmDialog', () => {
  it('lists the conflicts in the catalog words and confirms', async () => {
    const p = proposal('invite');
    renderWithProviders(<ConflictConfirmDialog proposal={p} />);
    const dialog = screen.getByRole('dialog', { name: fr.check_title_invite });
    expect(dialog).toHaveTextContent(fr.check_intro_other.replace('{count}', '2'));
    const options = { locale: 'fr' as const, timeZone: 'Europe/Paris' };
    const [overlapConflict, skillConflict] = p.conflicts;
    const overlap = describeConflict(overlapConflict!, options);
    expect(overlap).toContain('Lea Martin');
    expect(dialog).toHaveTextContent(overlap);
    expect(dialog).toHaveTextContent(describeConflict(skillConflict!, options));
    expect(dialog).not.toHaveTextContent(overlapConflict!.message);
    expect(dialog).toHaveAccessibleDescription(expect.stringContaining(overlap));
    await userEvent.click(screen.getByRole('button', { name: fr.check_confirm_invite }));
    expect(p.confirm).toHaveBeenCalledTimes(1);
    expect(p.cancel).not.toHaveBeenCalled();
  });

  it('cancels a move on Escape and on the cancel button', async () => {
    const p = proposal('move');
    renderWithProviders(<ConflictConfirmDialog proposal={p} />);
    expect(screen.getByRole('dialog', { name: fr.check_title_move })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(p.cancel).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: fr.action_cancel }));
    expect(p.cancel).toHaveBeenCalledTimes(2);
    expect(p.confirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: fr.check_confirm_move })).toBeInTheDocument();
  });
});
