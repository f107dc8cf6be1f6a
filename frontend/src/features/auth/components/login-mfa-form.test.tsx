import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { LoginMfaForm } from '@/features/auth/components/login-mfa-form';
import fr from '@/locales/fr.json';
import { jsonResponse, renderWithProviders } from '@/testing/render';

afterEach(() => vi.unstubAllGlobals());

function stub() {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      // The second step, then the session's `me` the login reads back.
      if (init?.method === 'POST') sent.push(JSON.parse(String(init.body)));
      return jsonResponse({ account_id: 1 });
    }),
  );
  return sent;
}

describe('LoginMfaForm', () => {
  it('asks for the 6 digits of the app, keeping only digits, and sends the trust choice', async () => {
    const sent = stub();
    const onSuccess = vi.fn();
    renderWithProviders(<LoginMfaForm challenge="c1" onSuccess={onSuccess} onRestart={() => {}} />);
    const submit = screen.getByRole('button', { name: fr.login_mfa_submit });
    await userEvent.click(submit);
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    const code = screen.getByLabelText(fr.field_mfa_code);
    await userEvent.type(code, '12a34');
    expect(code).toHaveValue('1234');
    await userEvent.click(submit);
    expect(await screen.findByText(fr.mfa_code_six_digits)).toBeInTheDocument();
    await userEvent.type(code, '56');
    await userEvent.click(screen.getByRole('checkbox', { name: fr.login_mfa_trust_device }));
    await userEvent.click(submit);
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(sent).toEqual([{ challenge: 'c1', code: '123456', trust_device: true }]);
  });

  it('takes a recovery code as typed after switching, and keeps the trust choice', async () => {
    const sent = stub();
    renderWithProviders(<LoginMfaForm challenge="c2" onSuccess={() => {}} onRestart={() => {}} />);
    await userEvent.type(screen.getByLabelText(fr.field_mfa_code), '12');
    await userEvent.click(screen.getByRole('checkbox', { name: fr.login_mfa_trust_device }));
    await userEvent.click(screen.getByRole('button', { name: fr.login_mfa_use_recovery }));
    const code = screen.getByLabelText(fr.field_recovery_code);
    expect(code).toHaveValue('');
    await userEvent.type(code, ' abcd-efgh ');
    await userEvent.click(screen.getByRole('button', { name: fr.login_mfa_submit }));
    await waitFor(() => expect(sent).toEqual([{ challenge: 'c2', code: 'abcd-efgh', trust_device: true }]));
  });
});
