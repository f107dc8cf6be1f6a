import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ImportWizard } from '@/features/imports/components/import-wizard';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

const uploaded = {
  id: 9,
  kind: 'people',
  file_name: 'equipe.csv',
  headers: ['Matricule', 'Prenom', 'Nom', 'Contrat', 'Remarque'],
  preview: [['E1', 'Ana', 'Roux', 'CDI', 'ok']],
  row_count: 2,
  fields: [
    { name: 'external_id', required: false },
    { name: 'first_name', required: true },
    { name: 'last_name', required: true },
    { name: 'employment_type', required: true },
    { name: 'notes', required: false },
  ],
  suggested_mapping: {
    external_id: 'Matricule',
    first_name: 'Prenom',
    last_name: 'Nom',
    employment_type: 'Contrat',
    notes: null,
  },
  expires_at: '2027-01-01T11:00:00Z',
};
const checked = {
  id: 9,
  kind: 'people',
  row_count: 2,
  valid_count: 1,
  invalid_count: 1,
  errors: [
    {
      row: 3,
      column: 'Prenom',
      field: 'first_name',
      code: 'user.invalid_first_name',
      params: {},
      message: 'first_name needs 1 to 100 characters',
    },
  ],
};

type Call = { url: string; method: string; body: unknown };

function stubApi() {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const raw = init?.body;
      const body = raw instanceof FormData ? raw : raw ? JSON.parse(String(raw)) : null;
      calls.push({ url, method: init?.method ?? 'GET', body });
      if (url.endsWith('/imports')) return jsonResponse(uploaded, 201);
      if (url.endsWith('/validate')) return jsonResponse(checked);
      if (url.endsWith('/commit')) return jsonResponse({ id: 9, kind: 'people', mode: 'valid_rows', created: 1, updated: 0, skipped: 1 });
      return jsonResponse({}, 404);
    }),
  );
  return calls;
}

describe('ImportWizard', () => {
  it('sends the file as a form, posts the edited mapping, words row errors by their code and imports the valid rows', async () => {
    const calls = stubApi();
    const user = userEvent.setup();
    renderWithProviders(<ImportWizard />);

    const file = new File(['Matricule;Prenom\nE1;Ana\n'], 'equipe.csv', { type: 'text/csv' });
    await user.upload(screen.getByLabelText(fr.import_file), file);
    await user.click(screen.getByRole('button', { name: fr.import_send }));

    expect(await screen.findByText(msg(fr.import_file_summary, { file: 'equipe.csv', rows: 2 }))).toBeInTheDocument();
    const form = calls[0]!.body as FormData;
    expect(form.get('kind')).toBe('people');
    expect((form.get('file') as File).name).toBe('equipe.csv');
    expect(screen.getByLabelText(`${fr.import_field_first_name} *`)).toHaveValue('Prenom');
    expect(within(screen.getByRole('table', { name: fr.import_preview })).getByText('Roux')).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText(fr.import_field_notes), 'Remarque');
    await user.click(screen.getByRole('button', { name: fr.import_check }));
    expect(calls[1]!.body).toEqual({ mapping: { ...uploaded.suggested_mapping, notes: 'Remarque' } });

    const errors = await screen.findByRole('table', { name: fr.import_errors });
    expect(within(errors).getByText(fr.error_user_invalid_first_name)).toBeInTheDocument();
    expect(within(errors).getByText('Prenom')).toBeInTheDocument();

    await user.click(screen.getByLabelText(fr.import_mode_valid_rows));
    await user.click(screen.getByRole('button', { name: fr.import_run }));
    expect(calls[2]!.body).toEqual({ mapping: { ...uploaded.suggested_mapping, notes: 'Remarque' }, mode: 'valid_rows' });
    expect(await screen.findByText(msg(fr.import_result, { created: 1, updated: 0, skipped: 1 }))).toBeInTheDocument();
  });

  it('names every required field left without a column under it, without calling the API, and keeps the mapping when coming back', async () => {
    const calls = stubApi();
    const user = userEvent.setup();
    renderWithProviders(<ImportWizard />);
    await user.upload(screen.getByLabelText(fr.import_file), new File(['x'], 'equipe.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: fr.import_send }));
    const first = await screen.findByLabelText(`${fr.import_field_first_name} *`);
    await user.selectOptions(first, '');
    await user.selectOptions(screen.getByLabelText(`${fr.import_field_last_name} *`), '');
    await user.click(screen.getByRole('button', { name: fr.import_check }));
    expect(await screen.findAllByText(fr.import_column_required)).toHaveLength(2);
    expect(first).toHaveAccessibleDescription(fr.import_column_required);
    expect(calls).toHaveLength(1);

    await user.selectOptions(first, 'Prenom');
    await user.selectOptions(screen.getByLabelText(`${fr.import_field_last_name} *`), 'Nom');
    await user.click(screen.getByRole('button', { name: fr.import_check }));
    await screen.findByRole('table', { name: fr.import_errors });
    await user.click(screen.getByRole('button', { name: fr.import_back_to_mapping }));
    expect(screen.getByLabelText(`${fr.import_field_first_name} *`)).toHaveValue('Prenom');
  });
});
