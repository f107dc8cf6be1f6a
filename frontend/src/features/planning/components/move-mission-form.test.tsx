import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { MoveMissionForm } from '@/features/planning/components/move-mission-form';
import fr from '@/locales/fr.json';

const label = (key: 'planning_move_starts' | 'planning_move_ends') => fr[key].replace('{zone}', 'heure de Paris');

describe('MoveMissionForm', () => {
  it('shows the times on the mission clock and sends the new ones as instants', async () => {
    const onMove = vi.fn();
    render(
      <MoveMissionForm startsAt="2027-07-05T17:00:00Z" endsAt="2027-07-05T23:00:00Z" timeZone="Europe/Paris" pending={false} onMove={onMove} />,
    );
    const start = screen.getByLabelText(label('planning_move_starts'));
    expect(start).toHaveValue('2027-07-05T19:00');
    expect(screen.getByLabelText(label('planning_move_ends'))).toHaveValue('2027-07-06T01:00');
    await userEvent.clear(start);
    await userEvent.type(start, '2027-07-05T20:00');
    await userEvent.click(screen.getByRole('button', { name: fr.planning_move_submit }));
    expect(onMove).toHaveBeenCalledWith('2027-07-05T18:00:00Z', '2027-07-05T23:00:00Z');
  });

  it('refuses an end before the start, and says why', async () => {
    const onMove = vi.fn();
    render(
      <MoveMissionForm startsAt="2027-07-05T17:00:00Z" endsAt="2027-07-05T23:00:00Z" timeZone="Europe/Paris" pending={false} onMove={onMove} />,
    );
    const end = screen.getByLabelText(label('planning_move_ends'));
    await userEvent.clear(end);
    await userEvent.type(end, '2027-07-05T18:00');
    await userEvent.click(screen.getByRole('button', { name: fr.planning_move_submit }));
    expect(onMove).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(fr.planning_move_invalid);
  });
});
