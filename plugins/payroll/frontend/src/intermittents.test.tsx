import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { useLocaleStore } from '@/lib/i18n/locale-store';
import { jsonResponse, renderWithProviders } from '@/testing/render';

import { text } from './catalog';
import IntermittentsPage from './intermittents';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const window = { as_of: '2027-07-31', from_day: '2026-08-01', to_day: '2027-07-31', threshold_minutes: 30420, profile_updated_at: null, counted: null };
const tom = {
  ...window,
  user_id: 3,
  name: 'Tom Petit',
  annexe: 8,
  worked_minutes: 0,
  cachets: 0,
  cachet_minutes: 0,
  elsewhere_minutes: 0,
  elsewhere_note: '',
  total_minutes: 0,
  missing_minutes: 30420,
  reached: false,
  assignments: 0,
};
const zoe = {
  ...tom,
  user_id: 2,
  name: 'Zoe Bernard',
  annexe: 10,
  worked_minutes: 240,
  cachets: 3,
  cachet_minutes: 2160,
  total_minutes: 2400,
  missing_minutes: 28020,
  assignments: 4,
};
const zoeCounted = {
  ...zoe,
  counted: [
    {
      assignment_id: 11,
      mission_id: 7,
      mission_title: 'Concert',
      role_name: 'chanteuse',
      starts_at: '2027-07-02T18:00:00Z',
      ends_at: '2027-07-02T21:00:00Z',
      source: 'cachet',
      minutes: 720,
    },
  ],
};
const identity = {
  legal_name: '',
  address: '',
  siret: null,
  siren: null,
  ape: null,
  idcc: null,
  licences: [],
  guso: false,
  missing: ['legal_name', 'address', 'siret', 'ape', 'idcc'],
  updated_by: null,
  updated_at: null,
};

const engagement = {
  user_id: 3,
  name: 'Tom Petit',
  nir: '185057800608491' as string | null,
  project_id: 5,
  project_name: 'Festival',
  first_day: '2027-07-05',
  last_day: '2027-07-08',
  first_start: '2027-07-05T12:00:00Z',
  last_end: '2027-07-08T10:00:00Z',
  missions: 3,
  assignment_ids: [1, 2, 3],
  planned_minutes: 720,
  dpae: { status: 'to_declare', opens_at: '2027-06-27T12:00:00Z', due_at: '2027-07-05T12:00:00Z', id: null, declared_on: null, reference: null },
};
const late = {
  ...engagement,
  user_id: 2,
  name: 'Zoe Bernard',
  first_day: '2027-07-11',
  last_day: '2027-07-11',
  missions: 1,
  dpae: { ...engagement.dpae, status: 'overdue' },
};
const filed = {
  ...engagement,
  user_id: 4,
  name: 'Lea Martin',
  dpae: { ...engagement.dpae, status: 'declared', id: 77, declared_on: '2027-06-30', reference: 'DPAE-42' },
};

const aemRow = {
  user_id: 3,
  name: 'Tom Petit',
  nir: '185057800608491' as string | null,
  birth_date: '1985-05-17' as string | null,
  birth_place: 'Lyon (69)',
  civil_missing: [] as string[],
  project_id: 5,
  project_name: 'Festival',
  numero_objet: 'AB-1',
  job: 'technicien son',
  annexe: 8,
  contract_start: '2027-07-30',
  contract_end: '2027-08-01',
  ongoing: true,
  hours_minutes: 480,
  cachets: 0,
  days_worked: 2,
  gross_cents: 16000,
  currency: 'EUR',
  aem_type: 'initiale',
  cs_base_cents: 16000,
  cs_rate_pct: '15.50',
  cs_contribution_cents: 2480,
};
let aem = { month: '2027-07', employer_missing: [] as string[], rows: [aemRow] };

type Call = { url: string; method: string; body: unknown };

function serve(role: string, answers: Record<string, (body: unknown) => Response> = {}): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      calls.push({ url, method, body });
      const answer = answers[`${method} ${url.split('?')[0]}`];
      if (answer) return answer(body);
      if (url === '/api/v1/auth/me') return jsonResponse({ role });
      if (url.startsWith('/api/v1/payroll/intermittents/?')) {
        const items = url.includes('short=true') ? [tom, zoe] : [tom, zoe];
        return jsonResponse({ items, total: items.length, as_of: '2027-07-31' });
      }
      if (url.endsWith('/civil-status')) {
        return jsonResponse({ user_id: 2, birth_name: '', birth_date: null, birth_place: '', nationality: '', address: '', missing: ['birth_date', 'birth_place', 'address'] });
      }
      if (url.startsWith('/api/v1/payroll/intermittents/2')) return jsonResponse(zoeCounted);
      if (url === '/api/v1/payroll/identity') return jsonResponse(identity);
      if (url.startsWith('/api/v1/projects')) return jsonResponse({ items: [{ id: 5, name: 'Festival' }, { id: 6, name: 'Tournee' }], total: 2 });
      if (url.startsWith('/api/v1/payroll/projects/identity')) return jsonResponse({ items: [{ project_id: 5, numero_objet: 'AB-1' }], total: 1 });
      if (url.startsWith('/api/v1/payroll/aem?')) return jsonResponse(aem);
      if (url.startsWith('/api/v1/payroll/engagements')) {
        const items = url.includes('dpae=overdue') ? [late] : [engagement, late, filed];
        return jsonResponse({ items, total: items.length, from_day: '2027-06-01', to_day: '2027-08-30' });
      }
      return jsonResponse({ error: { code: 'not_found', message: 'unexpected' } }, 404);
    }),
  );
  return calls;
}

describe('IntermittentsPage for a manager', () => {
  it('lists who is short first, with the counted assignments and the window', async () => {
    const calls = serve('manager');
    renderWithProviders(<IntermittentsPage />);

    const list = await screen.findByRole('list', { name: text('fr', 'intermittents_title') });
    const names = within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names[0]).toContain('Tom Petit');
    expect(names[1]).toContain('Zoe Bernard');
    expect(within(list).getAllByText(text('fr', 'below'))).toHaveLength(2);
    // The tracker's window, and the engagements' one.
    expect(screen.getAllByText(/^Du [^\u00b7]+ au [^\u00b7]+$/)).toHaveLength(2);
    expect(within(list).getByText('3 (36 h)')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: text('fr', 'details_of', { name: 'Zoe Bernard' }) }));
    const detail = await screen.findByRole('table', { name: text('fr', 'details_of', { name: 'Zoe Bernard' }) });
    expect(within(detail).getByText(text('fr', 'source_cachet'))).toBeInTheDocument();
    expect(within(detail).getByText('12 h')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(text('fr', 'as_of')), { target: { value: '2027-08-15' } });
    await userEvent.click(screen.getByLabelText(text('fr', 'short_only')));
    await vi.waitFor(() => expect(calls.some((c) => c.url.includes('as_of=2027-08-15') && c.url.includes('short=true'))).toBe(true));
  });

  it('saves the annexe and the hours declared elsewhere, in minutes', async () => {
    const calls = serve('manager', { 'PUT /api/v1/payroll/intermittents/3': (body) => jsonResponse({ ...tom, ...(body as object) }) });
    renderWithProviders(<IntermittentsPage />);

    await userEvent.click(await screen.findByRole('button', { name: text('fr', 'profile_of', { name: 'Tom Petit' }) }));
    const form = screen.getByRole('form', { name: text('fr', 'profile_of', { name: 'Tom Petit' }) });
    await userEvent.selectOptions(within(form).getByLabelText(text('fr', 'annexe')), '10');
    const elsewhere = within(form).getByLabelText(text('fr', 'elsewhere_hours'));
    await userEvent.clear(elsewhere);
    await userEvent.type(elsewhere, '20000');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));
    expect(await within(form).findByText(text('fr', 'elsewhere_range'))).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    await userEvent.clear(elsewhere);
    await userEvent.type(elsewhere, '120.5');
    await userEvent.type(within(form).getByLabelText(text('fr', 'elsewhere_note')), 'Opera de Lyon');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));

    await vi.waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ annexe: 10, elsewhere_minutes: 7230, elsewhere_note: 'Opera de Lyon' }));
  });

  it('shows the identity read-only with what is missing', async () => {
    serve('manager');
    renderWithProviders(<IntermittentsPage />);

    const form = await screen.findByRole('form', { name: text('fr', 'identity_title') });
    expect(within(form).getByText(/^\u00c0 compl\u00e9ter : Raison sociale, Adresse, SIRET, Code APE, IDCC$/)).toBeInTheDocument();
    expect(within(form).getByLabelText(text('fr', 'field_siret'))).toBeDisabled();
    expect(within(form).queryByRole('button', { name: text('fr', 'save') })).toBeNull();
    expect(within(form).getByText(text('fr', 'identity_read_only'))).toBeInTheDocument();
  });
});

describe('IntermittentsPage engagements', () => {
  it('puts overdue DPAE first and records a filed one', async () => {
    const calls = serve('manager', { 'POST /api/v1/payroll/dpae': () => jsonResponse({ ...engagement, dpae: { ...engagement.dpae, status: 'declared', id: 9 } }, 201) });
    renderWithProviders(<IntermittentsPage />);

    const list = await screen.findByRole('list', { name: text('fr', 'engagements_title') });
    const names = within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(names).toEqual(['Zoe Bernard Festival', 'Tom Petit Festival', 'Lea Martin Festival']);
    expect(within(list).getByText(/^DPAE en retard/)).toBeInTheDocument();
    expect(within(list).getByText(/^DPAE d\u00e9pos\u00e9e le/)).toBeInTheDocument();
    expect(within(list).getByText(/R\u00e9f\. DPAE-42/)).toBeInTheDocument();

    await userEvent.click(within(list).getByRole('button', { name: text('fr', 'dpae_record_of', { name: 'Tom Petit', project: 'Festival' }) }));
    const form = screen.getByRole('form', { name: text('fr', 'dpae_record_of', { name: 'Tom Petit', project: 'Festival' }) });
    await userEvent.type(within(form).getByLabelText(text('fr', 'dpae_reference_field')), 'ACK-1');
    fireEvent.change(within(form).getByLabelText(text('fr', 'dpae_declared_on')), { target: { value: '2027-07-01' } });
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));

    await vi.waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ user: 3, project: 5, first_day: '2027-07-05', reference: 'ACK-1', declared_on: '2027-07-01' }),
    );

    await userEvent.click(screen.getByLabelText(text('fr', 'overdue_only')));
    await vi.waitFor(() => expect(calls.some((c) => c.url.includes('dpae=overdue'))).toBe(true));
  });

  it('removes a DPAE after confirmation', async () => {
    const calls = serve('manager', { 'DELETE /api/v1/payroll/dpae/77': () => new Response(null, { status: 204 }) });
    renderWithProviders(<IntermittentsPage />);

    const list = await screen.findByRole('list', { name: text('fr', 'engagements_title') });
    await userEvent.click(within(list).getByRole('button', { name: text('fr', 'dpae_remove_of', { name: 'Lea Martin', project: 'Festival' }) }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: text('fr', 'dpae_remove') }));

    await vi.waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/v1/payroll/dpae/77')).toBe(true));
  });
});

describe('IntermittentsPage contracts and AEM', () => {
  it('links each engagement to its CDDU contract PDF', async () => {
    serve('manager');
    renderWithProviders(<IntermittentsPage />);

    const list = await screen.findByRole('list', { name: text('fr', 'engagements_title') });
    const link = within(list).getByRole('link', { name: text('fr', 'contract_pdf_of', { name: 'Tom Petit', project: 'Festival' }) });
    expect(link).toHaveAttribute('href', '/api/v1/payroll/engagements/contract.pdf?user=3&project=5&first_day=2027-07-05');
  });

  it("shows the month's AEM lines with their Conges Spectacles base and the files", async () => {
    const calls = serve('manager');
    renderWithProviders(<IntermittentsPage />);

    fireEvent.change(await screen.findByLabelText(text('fr', 'aem_month')), { target: { value: '2027-07' } });
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/api/v1/payroll/aem?month=2027-07')).toBe(true));
    const table = await screen.findByRole('table', { name: text('fr', 'aem_table') });
    const cells = within(table).getAllByRole('cell').map((cell) => cell.textContent?.replace(/\s/g, ' '));
    expect(cells.slice(0, 3)).toEqual(['Tom Petit', 'Festival (AB-1)', '8']);
    expect(cells[3]).toMatch(/, en cours$/);
    expect(cells.slice(4, 7)).toEqual(['8', '0', '2']);
    expect(cells.slice(7)).toEqual(['160,00 \u20ac', '160,00 \u20ac', '24,80 \u20ac']);
    expect(within(table).getByText(text('fr', 'aem_col_cs_contribution', { rate: '15.50' }))).toBeInTheDocument();
    expect(within(table).queryByText(text('fr', 'aem_nir_missing'))).toBeNull();
    expect(screen.getByRole('link', { name: text('fr', 'aem_csv') })).toHaveAttribute('href', '/api/v1/payroll/aem/file?month=2027-07&format=csv');
    expect(screen.getByRole('link', { name: text('fr', 'aem_pdf') })).toHaveAttribute('href', '/api/v1/payroll/aem/file?month=2027-07&format=pdf');

    fireEvent.change(screen.getByLabelText(text('fr', 'aem_month')), { target: { value: '2027-08' } });
    await vi.waitFor(() => expect(calls.some((c) => c.url === '/api/v1/payroll/aem?month=2027-08')).toBe(true));
  });

  it("edits a person's civil status, saying what the AEM still needs", async () => {
    const calls = serve('manager', {
      'PUT /api/v1/payroll/intermittents/2/civil-status': (body) => jsonResponse({ ...(body as object), user_id: 2, missing: [] }),
    });
    renderWithProviders(<IntermittentsPage />);
    await userEvent.click(await screen.findByRole('button', { name: text('fr', 'civil_status_of', { name: 'Zoe Bernard' }) }));
    const form = await screen.findByRole('form', { name: text('fr', 'civil_status_of', { name: 'Zoe Bernard' }) });
    const needed = ['civil_birth_date', 'civil_birth_place', 'civil_address'].map((key) => text('fr', key as never)).join(', ');
    expect(within(form).getByText(text('fr', 'civil_missing', { fields: needed }))).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText(text('fr', 'civil_birth_date')), { target: { value: '1990-02-03' } });
    await userEvent.type(within(form).getByLabelText(text('fr', 'civil_birth_place')), 'Nancy (54)');
    await userEvent.type(within(form).getByLabelText(text('fr', 'civil_address')), '1 rue Haute');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));
    await vi.waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      birth_name: '',
      birth_date: '1990-02-03',
      birth_place: 'Nancy (54)',
      nationality: '',
      address: '1 rue Haute',
    });
    await vi.waitFor(() => expect(screen.queryByRole('form', { name: text('fr', 'civil_status_of', { name: 'Zoe Bernard' }) })).toBeNull());
  });

  it('flags a line whose person has no social security number recorded', async () => {
    aem = { ...aem, rows: [{ ...aemRow, nir: null, civil_missing: ['address'] }] };
    serve('manager');
    renderWithProviders(<IntermittentsPage />);
    fireEvent.change(await screen.findByLabelText(text('fr', 'aem_month')), { target: { value: '2027-07' } });
    const table = await screen.findByRole('table', { name: text('fr', 'aem_table') });
    expect(await within(table).findByText(text('fr', 'aem_nir_missing'))).toBeInTheDocument();
    expect(within(table).getByText(text('fr', 'aem_civil_missing'))).toBeInTheDocument();
    aem = { ...aem, rows: [aemRow] };
  });

  it('asks for the employer identity before the AEM files', async () => {
    aem = { ...aem, employer_missing: ['siret', 'idcc'] };
    serve('manager');
    renderWithProviders(<IntermittentsPage />);

    expect(await screen.findByText(text('fr', 'aem_missing', { fields: 'SIRET, IDCC' }))).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: text('fr', 'aem_csv') })).toBeNull();
    aem = { ...aem, employer_missing: [] };
  });
});

describe('IntermittentsPage projects', () => {
  it("shows each project's numero d'objet and saves one", async () => {
    const calls = serve('manager', { 'PUT /api/v1/payroll/projects/6/identity': () => jsonResponse({ project_id: 6, numero_objet: 'CD-2' }) });
    renderWithProviders(<IntermittentsPage />);

    const festival = await screen.findByRole('textbox', { name: text('fr', 'objet_of', { project: 'Festival' }) });
    expect(festival).toHaveValue('AB-1');
    const form = screen.getByRole('form', { name: text('fr', 'objet_of', { project: 'Tournee' }) });
    await userEvent.type(within(form).getByRole('textbox'), 'cd-2');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));

    expect(await within(form).findByText(text('fr', 'objet_saved'))).toBeInTheDocument();
    expect(within(form).getByRole('textbox')).toHaveValue('CD-2');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ numero_objet: 'cd-2' });
  });
});

describe('IntermittentsPage for an admin', () => {
  it('saves the identity and shows a wrong SIRET key on its field', async () => {
    let attempts = 0;
    const calls = serve('admin', {
      'PUT /api/v1/payroll/identity': (body) => {
        attempts += 1;
        if (attempts === 1) {
          return jsonResponse({ error: { code: 'payroll.siret_checksum', message: 'wrong key', details: { field: 'siret' } } }, 422);
        }
        return jsonResponse({ ...identity, ...(body as object), siren: '732829320', missing: ['address'] });
      },
    });
    renderWithProviders(<IntermittentsPage />);

    const form = await screen.findByRole('form', { name: text('fr', 'identity_title') });
    await userEvent.type(within(form).getByLabelText(text('fr', 'field_legal_name')), 'Les Tretaux');
    await userEvent.type(within(form).getByLabelText(text('fr', 'field_siret')), '73282932000075');
    await userEvent.type(within(form).getByLabelText(text('fr', 'licence_2')), 'PLATESV-R-2021-000123');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));

    const siret = within(form).getByLabelText(text('fr', 'field_siret'));
    await vi.waitFor(() => expect(siret).toHaveAttribute('aria-invalid', 'true'));
    expect(within(form).getByText(/cl\u00e9 de ce SIRET est fausse/)).toBeInTheDocument();

    await userEvent.clear(siret);
    await userEvent.type(siret, '73282932000074');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));
    expect(await within(form).findByText(text('fr', 'identity_saved'))).toBeInTheDocument();
    expect(within(form).getByText(/^\u00c0 compl\u00e9ter : Adresse$/)).toBeInTheDocument();
    expect(within(form).getByLabelText(text('fr', 'field_siret'))).toHaveValue('73282932000074');
    const saved = calls.filter((c) => c.method === 'PUT').at(-1)?.body;
    expect(saved).toEqual({
      legal_name: 'Les Tretaux',
      address: '',
      siret: '73282932000074',
      ape: null,
      idcc: null,
      guso: false,
      licences: [{ category: 2, number: 'PLATESV-R-2021-000123' }],
    });
  });
});

describe('IntermittentsPage for a tech', () => {
  it('shows their own count and no identity', async () => {
    serve('tech');
    renderWithProviders(<IntermittentsPage />);

    expect(await screen.findByText(text('fr', 'intermittents_tech_hint'))).toBeInTheDocument();
    expect(screen.queryByLabelText(text('fr', 'short_only'))).toBeNull();
    expect(screen.queryByRole('form', { name: text('fr', 'identity_title') })).toBeNull();
    expect(screen.queryByRole('list', { name: text('fr', 'engagements_title') })).toBeNull();
    expect(screen.queryByRole('button', { name: text('fr', 'profile_of', { name: 'Tom Petit' }) })).toBeNull();
  });
});
