import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { useLocaleStore } from '@/lib/i18n/locale-store';
import { jsonResponse, renderWithProviders } from '@/testing/render';

import { text } from './catalog';
import ExportsPage from './exports';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const base = {
  project_id: null,
  user_id: null,
  excel_fr: true,
  error_code: null,
  content_type: '',
  filename: '',
  size: 0,
  created_by: 1,
  created_at: '2027-08-02T08:00:00Z',
  finished_at: null,
  expires_at: '2027-08-09T08:00:00Z',
  expired: false,
  download_url: null,
};
const running = { ...base, id: 3, kind: 'monthly_totals', format: 'csv', month: '2027-07', status: 'running', progress: 50 };
const ready = {
  ...running,
  status: 'done',
  progress: 100,
  filename: 'paie-monthly-totals-2027-07.csv',
  download_url: '/api/v1/payroll/exports/3/download',
};
const failed = { ...base, id: 2, kind: 'statement', format: 'pdf', month: '2023-12', status: 'failed', progress: 100, error_code: 'payroll.no_rule_set' };

type Call = { url: string; method: string; body: unknown };

/** A fake API: `lists` are the successive answers of the exports list (the last repeats). */
function serve(role: string, lists: unknown[][]): Call[] {
  const calls: Call[] = [];
  let reads = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
      calls.push({ url, method, body });
      if (url === '/api/v1/auth/me') return jsonResponse({ role });
      if (url.startsWith('/api/v1/projects')) return jsonResponse({ items: [{ id: 5, name: 'Festival' }], total: 1 });
      if (method === 'POST' && url === '/api/v1/payroll/exports/') {
        return jsonResponse({ ...base, id: 9, ...(body as object), status: 'queued', progress: 0 }, 202);
      }
      if (url.startsWith('/api/v1/payroll/exports/?')) {
        const items = lists[Math.min(reads, lists.length - 1)] ?? [];
        reads += 1;
        return jsonResponse({ items, total: items.length });
      }
      return jsonResponse({ error: { code: 'not_found', message: 'unexpected' } }, 404);
    }),
  );
  return calls;
}

describe('ExportsPage for a manager', () => {
  it('queues an export of the chosen month and project, for Excel FR', async () => {
    const calls = serve('manager', [[]]);
    renderWithProviders(<ExportsPage />);

    expect(await screen.findByRole('heading', { level: 1, name: text('fr', 'exports_title') })).toBeInTheDocument();
    expect(await screen.findByText(text('fr', 'exports_empty'))).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(text('fr', 'exports_month')), { target: { value: '2027-07' } });
    await screen.findByRole('option', { name: 'Festival' });
    await userEvent.selectOptions(screen.getByLabelText(text('fr', 'project')), '5');
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'export_totals_csv') }));

    expect(await screen.findByText(text('fr', 'export_queued_note'))).toBeInTheDocument();
    const posted = calls.find((call) => call.method === 'POST');
    expect(posted?.body).toEqual({ kind: 'monthly_totals', format: 'csv', month: '2027-07', project: 5, excel_fr: true });
    for (const label of ['export_totals_xlsx', 'export_statements_pdf', 'export_office_csv', 'export_office_xlsx'] as const) {
      expect(screen.getByRole('button', { name: text('fr', label) })).toBeInTheDocument();
    }
  });

  it('shows progress while running, polls, then offers the download', async () => {
    serve('admin', [[running, failed], [ready, failed]]);
    renderWithProviders(<ExportsPage />);

    const table = await screen.findByRole('table', { name: text('fr', 'exports_recent') });
    expect(within(table).getByText(text('fr', 'export_status_running', { progress: 50 }))).toBeInTheDocument();
    expect(within(table).getByText(text('fr', 'failure_payroll_no_rule_set'))).toBeInTheDocument();
    expect(within(table).queryByRole('link')).toBeNull();

    // Polled every 2 s while one is running: the next read finds it done.
    const link = await screen.findByRole(
      'link',
      { name: text('fr', 'download_of', { file: 'paie-monthly-totals-2027-07.csv' }) },
      { timeout: 5000 },
    );
    expect(link).toHaveAttribute('href', '/api/v1/payroll/exports/3/download');
    expect(within(table).getByText(text('fr', 'export_status_done'))).toBeInTheDocument();
  });

  it('says why an export was refused, in English too', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/v1/auth/me') return jsonResponse({ role: 'manager' });
        if (url.startsWith('/api/v1/projects')) return jsonResponse({ items: [], total: 0 });
        if (init?.method === 'POST') {
          return jsonResponse({ error: { code: 'payroll.invalid_month', message: 'bad month', details: { field: 'month' } } }, 400);
        }
        return jsonResponse({ items: [], total: 0 });
      }),
    );
    act(() => useLocaleStore.getState().setLocale('en'));
    renderWithProviders(<ExportsPage />);

    await userEvent.click(await screen.findByRole('button', { name: text('en', 'export_office_xlsx') }));

    expect(await screen.findByText('Choose a month as YYYY-MM (for example 2027-07).')).toBeInTheDocument();
  });
});

describe('ExportsPage for a tech', () => {
  it('offers only their own statement, as PDF or CSV', async () => {
    const calls = serve('tech', [[]]);
    renderWithProviders(<ExportsPage />);

    await userEvent.click(await screen.findByRole('button', { name: text('fr', 'export_mine_pdf') }));

    expect(screen.getByRole('button', { name: text('fr', 'export_mine_csv') })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: text('fr', 'export_totals_csv') })).toBeNull();
    expect(screen.queryByLabelText(text('fr', 'project'))).toBeNull();
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true));
    const posted = calls.find((call) => call.method === 'POST');
    expect(posted?.body).toMatchObject({ kind: 'statement', format: 'pdf' });
    expect(posted?.body).not.toHaveProperty('project');
  });
});
