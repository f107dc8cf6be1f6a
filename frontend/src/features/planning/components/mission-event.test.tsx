import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { USER_DRAG_TYPE } from '@/features/planning/components/crew-list';
import { MissionEvent } from '@/features/planning/components/mission-event';
import fr from '@/locales/fr.json';

function dataTransfer(data: Record<string, string>) {
  return { types: Object.keys(data), getData: (type: string) => data[type] ?? '', dropEffect: 'none' };
}

const props = {
  label: 'Mission Montage, 5 juil. 2027 08:00',
  title: 'Montage',
  time: '08:00 - 13:00',
  tone: 'info' as const,
  fill: '0/1',
  chips: [{ id: 1, label: 'Lea Martin (Invite)', status: 'INVITED' }],
  warnings: 2,
};

describe('MissionEvent', () => {
  it('names the mission, shows its assignments by status and its warnings', () => {
    render(<MissionEvent {...props} />);
    const group = screen.getByRole('group', { name: props.label });
    expect(group).toHaveAttribute('data-tone', 'info');
    expect(screen.getByText('Lea Martin (Invite)')).toHaveAttribute('data-status', 'INVITED');
    expect(screen.getByText(/2 alertes/)).toBeInTheDocument();
  });

  it('takes a user dropped from the crew list, and nothing else', () => {
    const onDropUser = vi.fn();
    render(<MissionEvent {...props} onDropUser={onDropUser} />);
    const group = screen.getByRole('group', { name: props.label });
    fireEvent.drop(group, { dataTransfer: dataTransfer({ 'text/plain': 'hello' }) });
    expect(onDropUser).not.toHaveBeenCalled();
    fireEvent.dragOver(group, { dataTransfer: dataTransfer({ [USER_DRAG_TYPE]: '7' }) });
    fireEvent.drop(group, { dataTransfer: dataTransfer({ [USER_DRAG_TYPE]: '7' }) });
    expect(onDropUser).toHaveBeenCalledWith(7);
  });

  it('shows the delivery state of each invitation and flags the undelivered ones', () => {
    render(
      <MissionEvent
        {...props}
        chips={[
          { id: 1, label: 'Lea Martin (Invite)', status: 'INVITED', delivery: 'no_channel' },
          { id: 2, label: 'Noe Petit (Invite)', status: 'INVITED', delivery: 'sent' },
          { id: 3, label: 'Ali Benali (Accepte)', status: 'ACCEPTED', delivery: null },
        ]}
      />,
    );
    const lea = screen.getByText('Lea Martin (Invite)').closest('li')!;
    expect(lea).toHaveAttribute('data-delivery', 'no_channel');
    expect(lea).toHaveTextContent('Lea Martin (Invite), Non joignable');
    expect(screen.getByText('Noe Petit (Invite)').closest('li')).toHaveTextContent(fr.planning_delivery_sent);
    expect(screen.getByText('Ali Benali (Accepte)').closest('li')).not.toHaveAttribute('data-delivery');
    expect(screen.getByText('1 invitation non remise')).toBeInTheDocument();
  });

  it('flags undelivered invitations in the compact views too', () => {
    render(<MissionEvent {...props} compact chips={[{ id: 1, label: '', status: 'INVITED', delivery: 'failed' }]} />);
    expect(screen.getByText('1 invitation non remise')).toBeInTheDocument();
  });

  it('does not announce the part of a mission past midnight twice', () => {
    render(<MissionEvent {...props} continuation />);
    expect(screen.queryByRole('group')).not.toBeInTheDocument();
  });
});

describe('MissionEvent in the timeline', () => {
  it('keeps the fill and a detail line when compact', () => {
    render(<MissionEvent {...props} compact detail="Cour - 08:00 - 13:00" />);
    expect(screen.getByText('0/1')).toBeInTheDocument();
    expect(screen.getByText('Cour - 08:00 - 13:00')).toBeInTheDocument();
    expect(screen.queryByText('Lea Martin (Invite)')).not.toBeInTheDocument();
  });
});
