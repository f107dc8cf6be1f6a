import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { UNDO_SECONDS, UndoToast } from '@/components/ui/toast/undo-toast';
import fr from '@/locales/fr.json';

afterEach(() => vi.useRealTimers());

const label = fr.undo_for.replace('{message}', 'Lea is invited');

describe('UndoToast', () => {
  it('sends the inverse call on Undo and says when it is done', async () => {
    const undo = vi.fn(async () => ({}));
    render(<UndoToast offer={{ message: 'Lea is invited', undoneMessage: 'Invitation cancelled', undo }} onClose={() => {}} />);
    expect(screen.getByRole('region', { name: fr.undo })).toHaveTextContent('Lea is invited');
    // The action was announced by the screen; the toast announces only what Undo does.
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await userEvent.click(screen.getByRole('button', { name: label }));
    expect(undo).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('status')).toHaveTextContent('Invitation cancelled');
    expect(screen.queryByRole('button', { name: label })).not.toBeInTheDocument();
  });

  it('shows the error of a failed inverse call', async () => {
    const undo = vi.fn(async () => {
      throw new Error('boom');
    });
    render(<UndoToast offer={{ message: 'Lea is invited', undoneMessage: 'x', undo }} onClose={() => {}} />);
    await userEvent.click(screen.getByRole('button', { name: label }));
    expect(await screen.findByText(fr.error_generic)).toBeInTheDocument();
  });

  it('closes by itself after a few seconds, not before', () => {
    vi.useFakeTimers();
    const onClose = vi.fn();
    render(<UndoToast offer={{ message: 'm', undoneMessage: 'u', undo: async () => ({}) }} onClose={onClose} />);
    act(() => vi.advanceTimersByTime(UNDO_SECONDS * 1000 - 1));
    expect(onClose).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
