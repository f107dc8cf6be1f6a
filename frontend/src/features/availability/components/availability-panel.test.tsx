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
});
