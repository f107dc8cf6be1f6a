import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AvailabilityPanel } from '@/features/availability/components/availability-panel';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const type = (id: number, label: string, active = true) => ({
  id,
  code: label.toLowerCase(),
  label,
  color: '#2563eb',
  requires_approval: true,
  active,
  windows: 0,
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-01T10:00:00Z',
});

type Call = { url: string; method: string; body: Record<string, unknown> | null };

function stubApi() {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call = { url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null };
      calls.push(call);
      if (call.method === 'POST') return jsonResponse({ id: 1, ...call.body, status: 'REQUESTED' }, 201);
      if (url.includes('/absence-types')) return pageResponse([type(1, 'Conges'), type(2, 'Maladie'), type(3, 'Ancien', false)]);
      return pageResponse([]);
    }),
  );
  return calls;
}

describe('AvailabilityPanel absence request', () => {
  it('offers the active absence types and sends the chosen one with the request', async () => {
    const calls = stubApi();
    renderWithProviders(<AvailabilityPanel userId={7} canDecide={false} canCreate />);
    const form = (await screen.findByRole('button', { name: fr.availability_request_submit })).closest('form')!;
    const select = within(form).getByLabelText(fr.absence_type);
    await within(select).findByRole('option', { name: 'Conges' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([fr.absence_type_none, 'Conges', 'Maladie']);

    await userEvent.selectOptions(select, 'Maladie');
    await userEvent.type(within(form).getByLabelText(fr.availability_start_date), '2027-07-10');
    await userEvent.click(within(form).getByRole('button', { name: fr.availability_request_submit }));
    expect(await screen.findByText(fr.availability_requested)).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ user_id: 7, kind: 'unavailable', absence_type_id: 2 });
  });

  it('hides the type for an availability and sends none', async () => {
    const calls = stubApi();
    renderWithProviders(<AvailabilityPanel userId={7} canDecide={false} canCreate />);
    const form = (await screen.findByRole('button', { name: fr.availability_request_submit })).closest('form')!;
    await userEvent.selectOptions(within(form).getByLabelText(fr.availability_kind), 'available');
    expect(within(form).queryByLabelText(fr.absence_type)).toBeNull();
    await userEvent.type(within(form).getByLabelText(fr.availability_start_date), '2027-07-10');
    await userEvent.click(within(form).getByRole('button', { name: fr.availability_request_submit }));
    await screen.findByText(fr.availability_requested);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).not.toHaveProperty('absence_type_id');
  });

  it('asks a weekly window for its days and a number of weeks under the fields, then sends the rule', async () => {
    const calls = stubApi();
    renderWithProviders(<AvailabilityPanel userId={7} canDecide={false} canCreate />);
    const form = (await screen.findByRole('button', { name: fr.availability_request_submit })).closest('form')!;
    const submit = within(form).getByRole('button', { name: fr.availability_request_submit });
    await userEvent.click(submit);
    expect(await within(form).findByText(fr.availability_need_start)).toBeInTheDocument();
    await userEvent.click(within(form).getByRole('radio', { name: fr.availability_weekly }));
    await userEvent.type(within(form).getByLabelText(fr.availability_first_date), '2027-07-05');
    const weeks = within(form).getByLabelText(fr.availability_weeks);
    await userEvent.clear(weeks);
    await userEvent.type(weeks, '200');
    await userEvent.click(submit);
    expect(await within(form).findByText(fr.availability_need_days)).toBeInTheDocument();
    expect(within(form).getByText(fr.availability_weeks_range)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.clear(weeks);
    await userEvent.type(weeks, '2');
    await userEvent.click(within(form).getByRole('checkbox', { name: fr.weekday_mo }));
    await userEvent.click(within(form).getByRole('checkbox', { name: fr.weekday_we }));
    await userEvent.click(submit);
    await screen.findByText(fr.availability_requested);
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toMatchObject({ start_date: '2027-07-05', start_time: '09:00', duration_minutes: 540 });
    expect(String(post?.body?.rrule)).toContain('BYDAY=MO,WE');
  });
});
