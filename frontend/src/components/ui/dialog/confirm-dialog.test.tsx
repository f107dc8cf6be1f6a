import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { ConfirmDialog } from '@/components/ui/dialog/confirm-dialog';

function Harness({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Supprimer
      </button>
      <ConfirmDialog
        open={open}
        title="Supprimer ce lieu ?"
        description="Cette action est definitive."
        confirmLabel="Supprimer le lieu"
        cancelLabel="Annuler"
        destructive
        onConfirm={onConfirm}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}

describe('ConfirmDialog', () => {
  it('is named and described, starts on the safe button, cancels on Escape and gives focus back', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn();
    render(<Harness onConfirm={onConfirm} />);
    const opener = screen.getByRole('button', { name: 'Supprimer' });
    await user.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Supprimer ce lieu ?' });
    expect(dialog).toHaveAccessibleDescription('Cette action est definitive.');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Annuler' })).toHaveFocus());

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
    expect(onConfirm).not.toHaveBeenCalled();

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Supprimer le lieu' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});
