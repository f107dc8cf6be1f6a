import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { Drawer } from '@/components/ui/drawer/drawer';

describe('Drawer', () => {
  it('is a dialog named by its title that closes from its button, Escape and the backdrop only', async () => {
    const onClose = vi.fn();
    render(
      <Drawer open title="Coulisses Crew" closeLabel="Fermer le menu" onClose={onClose}>
        <a href="/planning">Planning</a>
      </Drawer>,
    );
    // jsdom has no showModal: the dialog is open as soon as the browser would show it.
    const dialog = document.querySelector('dialog')!;
    dialog.setAttribute('open', '');
    expect(screen.getByRole('dialog', { name: 'Coulisses Crew' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Fermer le menu' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('link', { name: 'Planning' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    fireEvent.click(dialog);
    expect(onClose).toHaveBeenCalledTimes(3);
  });
});
