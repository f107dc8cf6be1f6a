import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { useLocaleStore } from '@/lib/i18n/locale-store';
import { jsonResponse, renderWithProviders } from '@/testing/render';

import AccountingPage, { formulaText, parseCents } from './accounting';
import { text } from './catalog';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const zero = {
  base_cents: 0,
  night_cents: 0,
  sunday_cents: 0,
  holiday_cents: 0,
  may_1_cents: 0,
  minimum_call_cents: 0,
  meal_cents: 0,
  overtime_cents: 0,
  cachets: 0,
  night_minutes: 0,
  sunday_minutes: 0,
  holiday_minutes: 0,
  overtime_minutes: 0,
};
const lea = {
  ...zero,
  user_id: 1,
  name: 'Lea Martin',
  employment_type: 'Intermittent',
  currency: 'EUR',
  planned_minutes: 660,
  confirmed_minutes: 420,
  actual_minutes: 0,
  missing_rate: 0,
  base_cents: 14000,
  night_cents: 1000,
  sunday_cents: 2000,
  gross_cents: 17000,
  night_minutes: 120,
  sunday_minutes: 90,
  projects: [{ project_id: 5, name: 'Festival', gross_cents: 17000 }],
};
const zoe = {
  ...zero,
  user_id: 2,
  name: 'Zoe Bernard',
  employment_type: 'CDD',
  currency: 'EUR',
  planned_minutes: 120,
  confirmed_minutes: 120,
  actual_minutes: 120,
  missing_rate: 1,
  base_cents: 4000,
  gross_cents: 4000,
  cachets: 2,
  projects: [{ project_id: 6, name: 'Tournee', gross_cents: 4000 }],
};
const report = {
  items: [lea, zoe],
  total: 2,
  month: '2027-07',
  timezone: 'Europe/Paris',
  totals: [{ ...zero, currency: 'EUR', planned_minutes: 780, confirmed_minutes: 540, actual_minutes: 120, missing_rate: 1, base_cents: 18000, night_cents: 1000, sunday_cents: 2000, gross_cents: 21000 }],
};
const nightLine = {
  kind: 'night',
  assignment_id: 7,
  week_start: null,
  tier: null,
  minutes: 120,
  unit: 'hour',
  quantity: '2.0000',
  rate_cents: 2000,
  premium_pct: '25',
  amount_cents: 1000,
  currency: 'EUR',
  source: 'planned',
  rule_set: { profile: 'prestataires_2717', employment_type: 'intermittent_a8', effective_from: '2024-01-01', label: '' },
  explanation: {
    formula: 'minutes / 60 x rate_cents_per_hour x premium_pct / 100',
    values: { minutes: '120', rate_cents_per_hour: '2000', premium_pct: '25', exact_cents: '1000' },
    exact_cents: '1000',
    periods: [{ start: '2027-07-10T22:00:00Z', end: '2027-07-11T00:00:00Z', minutes: 120, timezone: 'Europe/Paris', local_start: '2027-07-11T00:00:00+02:00' }],
    sources: {},
    times: { source: 'planned', start: '2027-07-10T19:00:00Z', end: '2027-07-11T00:00:00Z', break_minutes: 0 },
  },
};

const recap = {
  items: [
    { project_id: 5, name: 'Festival', currency: 'EUR', planned_minutes: 660, confirmed_minutes: 420, actual_minutes: 0, missing_rate: 0, gross_cents: 17000, forecast_cents: 25000, forecast_from: '2027-07', forecast_to: '2027-07', budget_cents: 20000, margin_cents: -5000, over_budget: true },
    { project_id: 6, name: 'Tournee', currency: 'EUR', planned_minutes: 120, confirmed_minutes: 120, actual_minutes: 120, missing_rate: 0, gross_cents: 4000, forecast_cents: 10000, forecast_from: '2027-07', forecast_to: '2027-08', budget_cents: null, margin_cents: null, over_budget: false },
  ],
  total: 2,
  month: '2027-07',
  timezone: 'Europe/Paris',
  totals: [{ currency: 'EUR', planned_minutes: 780, confirmed_minutes: 540, actual_minutes: 120, gross_cents: 21000 }],
};

type Call = { url: string; method: string; body: unknown };

function serve(): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      calls.push({ url, method, body });
      if (url.startsWith('/api/v1/projects')) return jsonResponse({ items: [{ id: 5, name: 'Festival' }], total: 1 });
      if (url.startsWith('/api/v1/payroll/reports/monthly/1')) {
        return jsonResponse({ user_id: 1, name: 'Lea Martin', month: '2027-07', timezone: 'Europe/Paris', planned_minutes: 660, confirmed_minutes: 420, actual_minutes: 0, missing_rate: 0, totals: { EUR: 17000 }, lines: [nightLine] });
      }
      if (url.startsWith('/api/v1/payroll/reports/monthly')) return jsonResponse(report);
      if (url.startsWith('/api/v1/payroll/reports/projects')) return jsonResponse(recap);
      if (url === '/api/v1/auth/me') return jsonResponse({ role: 'manager' });
      if (method === 'PUT' && url === '/api/v1/payroll/projects/5/budget') return jsonResponse({ project_id: 5, amount_cents: 2000000, currency: 'EUR' });
      if (method === 'POST' && url === '/api/v1/payroll/exports/') return jsonResponse({ id: 9, status: 'queued' }, 202);
      return jsonResponse({ error: { code: 'not_found', message: 'unexpected' } }, 404);
    }),
  );
  return calls;
}

function rowNames(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

describe('AccountingPage', () => {
  it('shows the month per person with a totals row, sorts, and chooses columns', async () => {
    const calls = serve();
    renderWithProviders(<AccountingPage />);

    fireEvent.change(screen.getByLabelText(text('fr', 'exports_month')), { target: { value: '2027-07' } });
    const table = await screen.findByRole('table', { name: text('fr', 'accounting_title') });
    expect(calls.some((c) => c.url.startsWith('/api/v1/payroll/reports/monthly?month=2027-07'))).toBe(true);
    expect(rowNames(table)).toEqual(['Lea Martin', 'Zoe Bernard1 affectations sans tarif (non pay\u00e9es)', 'Total (EUR)']);
    expect(within(table).getByText(/^170,00\s\u20ac$/)).toBeInTheDocument();
    expect(within(table).getByText(/^210,00\s\u20ac$/)).toBeInTheDocument();

    await userEvent.click(within(table).getByRole('button', { name: new RegExp(`Trier par ${text('fr', 'col_gross')}`) }));
    expect(rowNames(table)[0]).toBe('Lea Martin');
    expect(within(table).getByRole('columnheader', { name: /Brut/ })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(within(table).getByRole('button', { name: new RegExp(`Trier par ${text('fr', 'col_gross')}`) }));
    expect(rowNames(table)[0]).toMatch(/^Zoe Bernard/);

    expect(within(table).queryByRole('columnheader', { name: /Contrat/ })).toBeNull();
    await userEvent.click(screen.getByText(text('fr', 'accounting_columns'), { selector: 'summary' }));
    await userEvent.click(screen.getByRole('checkbox', { name: text('fr', 'col_type') }));
    expect(within(table).getByRole('columnheader', { name: /Contrat/ })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: text('fr', 'line_night') }));
    expect(within(table).queryByRole('columnheader', { name: /Nuit/ })).toBeNull();
  });

  it('opens a person with each line and how it was computed', async () => {
    serve();
    renderWithProviders(<AccountingPage />);
    fireEvent.change(screen.getByLabelText(text('fr', 'exports_month')), { target: { value: '2027-07' } });
    const table = await screen.findByRole('table', { name: text('fr', 'accounting_title') });

    await userEvent.click(within(table).getByRole('button', { name: 'Lea Martin' }));
    const detail = await screen.findByRole('table', { name: text('fr', 'accounting_detail_of', { name: 'Lea Martin' }) });
    expect(within(detail).getByText(text('fr', 'line_night'))).toBeInTheDocument();
    expect(within(detail).getByText('25 %')).toBeInTheDocument();
    await userEvent.click(within(detail).getByRole('button', { name: text('fr', 'accounting_how') }));
    expect(within(detail).getByText('Minutes / 60 x Taux horaire (centimes) x Majoration (%) / 100')).toBeInTheDocument();
    expect(within(detail).getByText(text('fr', 'accounting_rounding'))).toBeInTheDocument();
    expect(within(detail).getByText(/^Heures pr\u00e9vues de la mission/)).toBeInTheDocument();
    expect(within(detail).getByText(/^R\u00e8gles : Prestataires techniques \(IDCC 2717\), Intermittent \(annexe 8\), en vigueur depuis le /)).toBeInTheDocument();
  });

  it('queues an export of the month and points to the exports page', async () => {
    const calls = serve();
    renderWithProviders(<AccountingPage />);
    fireEvent.change(screen.getByLabelText(text('fr', 'exports_month')), { target: { value: '2027-07' } });
    await screen.findByRole('option', { name: 'Festival' });
    await userEvent.selectOptions(screen.getByLabelText(text('fr', 'project')), '5');
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'export_totals_xlsx') }));

    expect(await screen.findByRole('link', { name: text('fr', 'accounting_open_exports') })).toHaveAttribute('href', '/plugins/payroll/exports');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ kind: 'monthly_totals', format: 'xlsx', month: '2027-07', project: 5 });
  });

  it('shows cachets, premium hours and gross by project in the column chooser, and filters by contract', async () => {
    const calls = serve();
    renderWithProviders(<AccountingPage />);
    fireEvent.change(screen.getByLabelText(text('fr', 'exports_month')), { target: { value: '2027-07' } });
    const table = await screen.findByRole('table', { name: text('fr', 'accounting_title') });

    expect(within(table).getByRole('columnheader', { name: /Heures de nuit/ })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Cachets/ })).toBeInTheDocument();
    expect(within(table).getByText('1,5')).toBeInTheDocument(); // Lea's 90 Sunday minutes
    expect(within(table).queryByRole('columnheader', { name: /Brut par projet/ })).toBeNull();
    await userEvent.click(screen.getByText(text('fr', 'accounting_columns'), { selector: 'summary' }));
    await userEvent.click(screen.getByRole('checkbox', { name: text('fr', 'col_by_project') }));
    await userEvent.click(screen.getByRole('checkbox', { name: text('fr', 'col_overtime_hours') }));
    expect(within(table).getByText(/^Tournee 40,00\s\u20ac$/)).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: /Heures sup\. \(h\)/ })).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText(text('fr', 'employment_filter')), 'CDI');
    expect(calls.some((c) => c.url.includes('employment_type=CDI'))).toBe(true);
  });

  it('recaps the month by project with the budget, the margin and the over-budget alert, and saves a budget', async () => {
    const calls = serve();
    renderWithProviders(<AccountingPage />);
    fireEvent.change(screen.getByLabelText(text('fr', 'exports_month')), { target: { value: '2027-07' } });
    const recapTable = await screen.findByRole('table', { name: text('fr', 'recap_title') });

    const festival = within(recapTable).getByRole('row', { name: /Festival/ });
    expect(within(festival).getByRole('alert')).toHaveTextContent(text('fr', 'recap_over_budget'));
    expect(within(festival).getByText(/^-50,00\s\u20ac$/)).toBeInTheDocument();
    expect(within(festival).getByText(/^250,00\s\u20ac$/)).toBeInTheDocument();
    const tour = within(recapTable).getByRole('row', { name: /Tournee/ });
    expect(within(tour).queryByRole('alert')).toBeNull();
    expect(within(tour).getByText(text('fr', 'recap_forecast_months', { from: '2027-07', to: '2027-08' }))).toBeInTheDocument();
    expect(within(recapTable).getByRole('rowheader', { name: 'Total (EUR)' })).toBeInTheDocument();

    const budget = within(festival).getByRole('textbox', { name: text('fr', 'recap_budget_of', { name: 'Festival', currency: 'EUR' }) });
    expect(budget).toHaveValue('200,00');
    await userEvent.clear(budget);
    await userEvent.type(budget, '12 x');
    expect(within(festival).getByText(text('fr', 'recap_budget_invalid'))).toBeInTheDocument();
    await userEvent.clear(budget);
    await userEvent.type(budget, '20 000,00');
    await userEvent.click(within(festival).getByRole('button', { name: text('fr', 'recap_save_budget') }));
    expect(await within(festival).findByRole('status')).toHaveTextContent(text('fr', 'recap_budget_saved'));
    expect(calls.find((c) => c.method === 'PUT')).toEqual({ url: '/api/v1/payroll/projects/5/budget', method: 'PUT', body: { amount_cents: 2000000, currency: 'EUR' } });
  });

  it('reads typed amounts as cents', () => {
    expect(parseCents('12 000,5')).toBe(1200050);
    expect(parseCents('7.25')).toBe(725);
    expect(parseCents('')).toBeNull();
    expect(parseCents('1,234')).toBeNaN();
  });

  it('words the formulas in English too, keeping unknown names', () => {
    expect(formulaText('en', 'days x fee_cents')).toBe('Days x Fee (cents)');
    expect(formulaText('fr', 'mystery x minutes')).toBe('mystery x Minutes');
  });
});
