import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { Drawer } from '@/components/ui/drawer/drawer';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Ouvrir le menu
      </button>
      <Drawer open={open} title="Coulisses Crew" closeLabel="Fermer le menu" onClose={() => setOpen(false)}>
        <a href="/planning">Planning</a>
      </Drawer>
    </>
  );
}

describe('Drawer', () => {
  it('is a dialog named by its title that closes from its button and Escape, focus back on the opener', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Ouvrir le menu' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Coulisses Crew' });
    const close = screen.getByRole('button', { name: 'Fermer le menu' });
    await waitFor(() => expect(close).toHaveFocus());
    // Tab cycles inside: close button, link, back to the close button.
    await user.tab();
    expect(screen.getByRole('link', { name: 'Planning' })).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    expect(dialog).toBeInTheDocument();

    await user.click(close);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await waitFor(() => expect(opener).toHaveFocus());

    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'Coulisses Crew' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });
});
