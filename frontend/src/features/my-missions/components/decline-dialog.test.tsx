import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { DeclineDialog } from '@/features/my-missions/components/decline-dialog';
import { renderWithProviders } from '@/testing/render';

describe('DeclineDialog', () => {
  it('hands the typed reason to onConfirm', async () => {
    const onConfirm = vi.fn();
    renderWithProviders(
      <DeclineDialog open missionTitle="Concert du 14" onConfirm={onConfirm} onCancel={() => undefined} />,
    );
    await userEvent.type(screen.getByLabelText('Motif (facultatif)', { selector: 'textarea' }), 'malade');
    await userEvent.click(screen.getByRole('button', { name: 'Refuser', hidden: true }));
    expect(onConfirm).toHaveBeenCalledWith('malade');
  });

  it('shows the API error it is given', () => {
    renderWithProviders(
      <DeclineDialog open missionTitle="x" error="Trop tard" onConfirm={() => undefined} onCancel={() => undefined} />,
    );
    expect(screen.getByText('Trop tard')).toBeInTheDocument();
  });
});
