import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AbsenceTypesManager } from '@/features/availability/components/absence-types-manager';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

describe('AbsenceTypesManager', () => {
  it('checks a new type before sending it, then clears the label and code', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.method === 'POST') {
          posted.push(JSON.parse(String(init.body)));
          return jsonResponse({ id: 9, code: 'conges', label: 'Conges', color: '#6b7280', requires_approval: false, active: true, windows: 0 }, 201);
        }
        return jsonResponse({ items: [], page: 1, page_size: 50, total: 0 });
      }),
    );
    renderWithProviders(<AbsenceTypesManager />);
    const submit = await screen.findByRole('button', { name: fr.absence_types_add_submit });
    await userEvent.click(submit);
    expect(await screen.findAllByText(fr.form_required)).toHaveLength(2);
    await userEvent.type(screen.getByLabelText(fr.absence_types_label), 'Conges');
    const code = screen.getByRole('textbox', { name: new RegExp(fr.absence_types_code) });
    await userEvent.type(code, 'Conges payes');
    await userEvent.click(submit);
    expect(await screen.findByText(fr.absence_types_code_invalid)).toBeInTheDocument();
    expect(posted).toEqual([]);
    await userEvent.clear(code);
    await userEvent.type(code, 'conges');
    await userEvent.click(screen.getByRole('switch', { name: fr.absence_types_requires_approval }));
    await userEvent.click(submit);
    await waitFor(() =>
      expect(posted).toEqual([{ label: 'Conges', code: 'conges', color: '#6b7280', requires_approval: false }]),
    );
    await waitFor(() => expect(code).toHaveValue(''));
  });
});
