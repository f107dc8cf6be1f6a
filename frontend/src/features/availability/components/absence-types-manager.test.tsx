import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { AbsenceTypesManager } from '@/features/availability/components/absence-types-manager';
import fr from '@/locales/fr.json';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

const msg = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

const type = (id: number, code: string, label: string, extra: Record<string, unknown> = {}) => ({
  id,
  code,
  label,
  color: '#2563eb',
  requires_approval: true,
  active: true,
  windows: 0,
  created_at: '2027-01-01T10:00:00Z',
  updated_at: '2027-01-01T10:00:00Z',
  ...extra,
});

type Call = { url: string; method: string; body: unknown };

function stubApi(items: unknown[], answer: (call: Call) => Response | undefined = () => undefined) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const call = { url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : null };
      calls.push(call);
      return answer(call) ?? pageResponse(items);
    }),
  );
  return calls;
}

describe('AbsenceTypesManager', () => {
  it('lists the types, deactivates one and offers deletion only for unused ones', async () => {
    const calls = stubApi([type(1, 'conges', 'Conges', { windows: 2 }), type(2, 'formation', 'Formation')], (call) =>
      call.method === 'PATCH' ? jsonResponse(type(1, 'conges', 'Conges', { active: false, windows: 2 })) : undefined,
    );
    renderWithProviders(<AbsenceTypesManager />);
    await screen.findByText('Conges');
    expect(screen.queryByRole('button', { name: msg(fr.absence_types_delete, { label: 'Conges' }) })).toBeNull();
    expect(screen.getByRole('button', { name: msg(fr.absence_types_delete, { label: 'Formation' }) })).toBeInTheDocument();

    const active = screen.getByRole('switch', { name: msg(fr.absence_types_active_of, { label: 'Conges' }) });
    expect(active).toHaveAttribute('aria-checked', 'true');
    await userEvent.click(active);
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url).toMatch(/\/absence-types\/1$/);
    expect(patch?.body).toEqual({ active: false });
  });

  it('creates a type and words a refused code in French', async () => {
    const calls = stubApi([type(1, 'conges', 'Conges')], (call) =>
      call.method === 'POST'
        ? jsonResponse({ error: { code: 'absence_type.duplicate_code', message: 'taken', details: { code: 'conges' } } }, 409)
        : undefined,
    );
    renderWithProviders(<AbsenceTypesManager />);
    await screen.findByText('Conges');
    const form = screen.getByRole('button', { name: fr.absence_types_add_submit }).closest('form')!;
    await userEvent.type(within(form).getByLabelText(fr.absence_types_label), 'Conges payes');
    await userEvent.type(within(form).getByLabelText(fr.absence_types_code), 'conges');
    await userEvent.click(within(form).getByRole('switch', { name: fr.absence_types_requires_approval }));
    await userEvent.click(screen.getByRole('button', { name: fr.absence_types_add_submit }));
    expect(await screen.findByText(fr.error_absence_type_duplicate_code)).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ code: 'conges', label: 'Conges payes', color: '#6b7280', requires_approval: false });
  });
});
