import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { RetentionForm } from '@/features/retention/components/retention-form';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

describe('RetentionForm', () => {
  it('shows the current periods and saves both', async () => {
    const fetchMock = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'PUT'
        ? jsonResponse(JSON.parse(String(init.body)))
        : jsonResponse({ audit_days: 730, invitation_days: 365 }),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<RetentionForm />);

    const audit = await screen.findByLabelText(fr.privacy_retention_audit);
    expect(audit).toHaveValue(730);
    expect(screen.getByLabelText(fr.privacy_retention_invitations)).toHaveValue(365);
    await userEvent.clear(audit);
    await userEvent.type(audit, '400');
    await userEvent.click(screen.getByRole('button', { name: fr.privacy_retention_save }));

    expect(await screen.findByText(fr.privacy_retention_saved)).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT')!;
    expect(url).toBe('/api/v1/orgs/current/retention');
    expect(JSON.parse(String(init?.body))).toEqual({ audit_days: 400, invitation_days: 365 });
  });

  it('puts a bound refusal under its field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) =>
        init?.method === 'PUT'
          ? jsonResponse(
              {
                error: {
                  code: 'retention.out_of_bounds',
                  message: 'out',
                  details: { field: 'invitation_days', min: 30, max: 3650 },
                },
              },
              422,
            )
          : jsonResponse({ audit_days: 730, invitation_days: 365 }),
      ),
    );
    renderWithProviders(<RetentionForm />);
    await screen.findByLabelText(fr.privacy_retention_audit);
    await userEvent.click(screen.getByRole('button', { name: fr.privacy_retention_save }));
    const field = screen.getByLabelText(fr.privacy_retention_invitations);
    expect(await screen.findByText('Entre 30 et 3650 jours.')).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for a number before sending anything', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse({ audit_days: 730, invitation_days: 365 }));
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<RetentionForm />);
    const audit = await screen.findByLabelText(fr.privacy_retention_audit);
    await userEvent.clear(audit);
    await userEvent.click(screen.getByRole('button', { name: fr.privacy_retention_save }));
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    expect(audit).toHaveAttribute('aria-invalid', 'true');
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'PUT')).toEqual([]);
  });
});
