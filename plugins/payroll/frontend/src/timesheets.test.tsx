import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { useLocaleStore } from '@/lib/i18n/locale-store';
import { jsonResponse, renderWithProviders } from '@/testing/render';

import { text } from './catalog';
import TimesheetsPage from './timesheets';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const base = {
  user_id: 1,
  mission_id: 10,
  project_id: 5,
  project_name: 'Festival',
  role_name: 'technicien son',
  place: 'Cour',
  timezone: 'Europe/Paris',
  planned_minutes: 300,
  comment: '',
  validated_by: null,
  validated_at: null,
  updated_by: null,
  updated_at: '2027-07-06T08:00:00Z',
};

// Tuesday 6 July 2027, Paris (UTC+2): planned 18:00-23:00.
const lea = {
  ...base,
  id: 1,
  assignment_id: 101,
  user_name: 'Lea Martin',
  mission_title: 'Concert du soir',
  planned_start: '2027-07-06T16:00:00Z',
  planned_end: '2027-07-06T21:00:00Z',
  actual_start: '2027-07-06T16:00:00Z',
  actual_end: '2027-07-06T23:30:00Z',
  break_minutes: 30,
  actual_minutes: 420,
  status: 'submitted',
  editable: true,
};
const zoe = {
  ...base,
  id: 2,
  assignment_id: 102,
  user_id: 2,
  user_name: 'Zoe Bernard',
  mission_title: 'Balances',
  planned_start: '2027-07-06T12:00:00Z',
  planned_end: '2027-07-06T14:00:00Z',
  planned_minutes: 120,
  actual_start: '2027-07-06T12:00:00Z',
  actual_end: '2027-07-06T14:00:00Z',
  break_minutes: 0,
  actual_minutes: 120,
  status: 'validated',
  validated_by: 7,
  validated_at: '2027-07-06T22:00:00Z',
  editable: false,
};

type Call = { url: string; method: string; body: unknown };

function serve(role: string, items: unknown[], answers: Record<string, Response> = {}): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      calls.push({ url, method, body });
      const answer = answers[`${method} ${url}`];
      if (answer) return answer;
      if (url === '/api/v1/auth/me') return jsonResponse({ role });
      if (url.startsWith('/api/v1/projects')) return jsonResponse({ items: [{ id: 5, name: 'Festival' }], total: 1 });
      if (url.endsWith('/history?page_size=200')) {
        return jsonResponse({
          items: [
            { id: 1, action: 'validated', actor: 7, at: '2027-07-06T22:00:00Z', before: { status: 'submitted' }, after: { status: 'validated' }, reason: null },
            { id: 2, action: 'corrected', actor: 7, at: '2027-07-07T08:00:00Z', before: { break_minutes: 0 }, after: { break_minutes: 15 }, reason: 'pause oubliee' },
          ],
          total: 2,
        });
      }
      if (url.startsWith('/api/v1/payroll/timesheets/?')) return jsonResponse({ items, total: items.length, timezone: 'Europe/Paris' });
      if (method === 'POST' && url === '/api/v1/payroll/timesheets/validate') return jsonResponse({ validated: 1, already_validated: 1 });
      if (method === 'POST' || method === 'PATCH') return jsonResponse({ ...lea, ...(body as object) });
      return jsonResponse({ error: { code: 'not_found', message: 'unexpected' } }, 404);
    }),
  );
  return calls;
}

describe('TimesheetsPage for a manager', () => {
  it('shows planned beside actual and validates the whole day, all or nothing', async () => {
    const calls = serve('manager', [zoe, lea]);
    renderWithProviders(<TimesheetsPage />);

    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /Lea Martin/ });
    expect(within(row).getByText('18:00 \u2013 23:00')).toBeInTheDocument();
    expect(within(row).getByText('18:00 \u2013 01:30')).toBeInTheDocument();
    expect(within(row).getByText('7 h')).toBeInTheDocument();
    expect(within(row).getByText(text('fr', 'status_submitted'))).toBeInTheDocument();
    // A validated line is corrected, not edited nor validated again.
    const validated = within(table).getByRole('row', { name: /Zoe Bernard/ });
    expect(within(validated).queryByRole('button', { name: text('fr', 'edit_of', { name: 'Zoe Bernard' }) })).toBeNull();
    expect(within(validated).getByRole('button', { name: text('fr', 'correct_of', { name: 'Zoe Bernard' }) })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText(text('fr', 'day')), { target: { value: '2027-07-06' } });
    await vi.waitFor(() => expect(calls.some((call) => call.url.includes('day=2027-07-06'))).toBe(true));
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'validate_day') }));
    const dialog = await screen.findByRole('dialog', { name: text('fr', 'validate_day_confirm') });
    await userEvent.click(within(dialog).getByRole('button', { name: text('fr', 'validate_day') }));

    expect(await screen.findByText(text('fr', 'validated_count', { count: 1 }))).toBeInTheDocument();
    const bulk = calls.find((call) => call.method === 'POST' && call.url.endsWith('/timesheets/validate'));
    expect(bulk?.body).toEqual({ day: '2027-07-06' });
  });

  it('validates one line, and corrects a validated one with a reason', async () => {
    const calls = serve('admin', [zoe, lea]);
    renderWithProviders(<TimesheetsPage />);

    await userEvent.click(await screen.findByRole('button', { name: text('fr', 'validate_of', { name: 'Lea Martin' }) }));
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url.endsWith('/101/validate'))).toBe(true));

    await userEvent.click(screen.getByRole('button', { name: text('fr', 'correct_of', { name: 'Zoe Bernard' }) }));
    const form = screen.getByRole('form', { name: text('fr', 'correct_of', { name: 'Zoe Bernard' }) });
    const breaks = within(form).getByLabelText(text('fr', 'breaks'));
    await userEvent.clear(breaks);
    await userEvent.type(breaks, '2000');
    // No reason and breaks past a day: both said under their fields, nothing sent.
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'correct') }));
    expect(await within(form).findByText(text('fr', 'breaks_range'))).toBeInTheDocument();
    expect(within(form).getByLabelText(text('fr', 'reason'))).toHaveAccessibleDescription(fr.form_required);
    expect(calls.some((call) => call.url.endsWith('/102/correct'))).toBe(false);
    await userEvent.clear(breaks);
    await userEvent.type(breaks, '15');
    await userEvent.type(within(form).getByLabelText(text('fr', 'reason')), 'pause oubliee');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'correct') }));

    await vi.waitFor(() => expect(calls.some((call) => call.url.endsWith('/102/correct'))).toBe(true));
    const correction = calls.find((call) => call.url.endsWith('/102/correct'));
    expect(correction?.body).toEqual({
      actual_start: '2027-07-06T12:00:00.000Z',
      actual_end: '2027-07-06T14:00:00.000Z',
      break_minutes: 15,
      comment: '',
      reason: 'pause oubliee',
    });
  });

  it('shows a line history with what changed and why', async () => {
    serve('manager', [zoe]);
    renderWithProviders(<TimesheetsPage />);

    await userEvent.click(await screen.findByRole('button', { name: text('fr', 'history_of', { name: 'Zoe Bernard' }) }));

    const history = await screen.findByRole('list', { name: text('fr', 'history_of', { name: 'Zoe Bernard' }) });
    expect(within(history).getByText(text('fr', 'history_reason', { reason: 'pause oubliee' }))).toBeInTheDocument();
    expect(within(history).getByText(/break_minutes : 0 \u2192 15/)).toBeInTheDocument();
  });
});

describe('TimesheetsPage for a tech', () => {
  it('enters actual times past midnight and breaks on their own line', async () => {
    const draft = { ...lea, actual_start: null, actual_end: null, break_minutes: 0, actual_minutes: null, status: 'draft' };
    const calls = serve('tech', [draft, zoe]);
    renderWithProviders(<TimesheetsPage />);

    const form = await screen.findByRole('form', { name: text('fr', 'edit_of', { name: 'Lea Martin' }) });
    // Prefilled with the planned times: a tech only changes what differs.
    expect(within(form).getByLabelText(text('fr', 'start'))).toHaveValue('18:00');
    fireEvent.change(within(form).getByLabelText(text('fr', 'end')), { target: { value: '01:30' } });
    const breaks = within(form).getByLabelText(text('fr', 'breaks'));
    await userEvent.clear(breaks);
    await userEvent.type(breaks, '30');
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));

    expect(await screen.findByText(text('fr', 'saved'))).toBeInTheDocument();
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.url).toBe('/api/v1/payroll/timesheets/101');
    expect(patch?.body).toEqual({
      actual_start: '2027-07-06T16:00:00.000Z',
      actual_end: '2027-07-06T23:30:00.000Z',
      break_minutes: 30,
      comment: '',
    });
    // The validated line is read-only.
    expect(screen.getByText(text('fr', 'locked'))).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('words a refused entry from its error code', async () => {
    serve('tech', [lea], {
      'PATCH /api/v1/payroll/timesheets/101': jsonResponse(
        { error: { code: 'payroll.timesheet_invalid_break', message: 'no', details: { field: 'break_minutes', assignment_id: 101 } } },
        422,
      ),
    });
    renderWithProviders(<TimesheetsPage />);

    const form = await screen.findByRole('form', { name: text('fr', 'edit_of', { name: 'Lea Martin' }) });
    await userEvent.click(within(form).getByRole('button', { name: text('fr', 'save') }));

    expect(await within(form).findByText(fr.error_payroll_timesheet_invalid_break)).toBeInTheDocument();
  });

  it('speaks English when the member chose it', async () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    serve('tech', []);
    renderWithProviders(<TimesheetsPage />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Timesheets' })).toBeInTheDocument();
    expect(await screen.findByText(text('en', 'empty_mine'))).toBeInTheDocument();
  });
});
