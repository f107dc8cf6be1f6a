import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { LoginForm } from '@/features/auth/components/login-form';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const ME = {
  account: { id: 3, email: 'camille@example.org', first_name: 'Camille', last_name: 'Roux', is_superuser: false },
  orgs: [],
  active_org_id: null,
  role: null,
  mfa_enabled: true,
  mfa_enrolment_required: false,
  actions: [],
};
const SESSION = { account_id: 3, org_id: null, access_token: 'a', csrf_token: 'c', token_type: 'Bearer', status: 'session' };

type Body = Record<string, unknown>;

function serve(onMfa: (body: Body) => Response) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://x').pathname;
    const body = init?.body ? (JSON.parse(String(init.body)) as Body) : {};
    if (path === '/api/v1/auth/login') {
      return jsonResponse({ status: 'mfa_required', challenge: 'signed-challenge', expires_in: 300 });
    }
    if (path === '/api/v1/auth/login/mfa') return onMfa(body);
    if (path === '/api/v1/auth/me') return jsonResponse(ME);
    return jsonResponse({ error: { code: 'not_found', message: 'no' } }, 404);
  });
}

async function passFirstStep() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(fr.field_email), 'camille@example.org');
  await user.type(screen.getByLabelText(fr.field_password), 'Sc3ne-Ouverte!');
  await user.click(screen.getByRole('button', { name: fr.login_submit }));
  return user;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LoginForm with two-step verification', () => {
  it('asks for the code after the password and signs in with it, trusting the device when asked', async () => {
    const fetchMock = serve(() => jsonResponse(SESSION));
    vi.stubGlobal('fetch', fetchMock);
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    const user = await passFirstStep();

    const code = await screen.findByLabelText(fr.field_mfa_code);
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(onSuccess).not.toHaveBeenCalled();
    await user.type(code, '12 34-56');
    expect(code).toHaveValue('123456');
    await user.click(screen.getByLabelText(fr.login_mfa_trust_device));
    await user.click(screen.getByRole('button', { name: fr.login_mfa_submit }));

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    const sent = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/auth/login/mfa'));
    expect(JSON.parse(String(sent?.[1]?.body))).toEqual({
      challenge: 'signed-challenge',
      code: '123456',
      trust_device: true,
    });
  });

  it('takes a recovery code as typed and shows a wrong code in French', async () => {
    const fetchMock = serve((body) =>
      body.code === 'abcde-fghjk'
        ? jsonResponse(SESSION)
        : jsonResponse({ error: { code: 'auth.mfa_invalid_code', message: 'Wrong' } }, 401),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    const user = await passFirstStep();

    await user.click(await screen.findByRole('button', { name: fr.login_mfa_use_recovery }));
    const field = screen.getByLabelText(fr.field_recovery_code);
    await user.type(field, 'zzzzz-zzzzz');
    await user.click(screen.getByRole('button', { name: fr.login_mfa_submit }));
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.error_auth_mfa_invalid_code);
    expect(onSuccess).not.toHaveBeenCalled();

    await user.clear(field);
    await user.type(field, 'abcde-fghjk');
    await user.click(screen.getByRole('button', { name: fr.login_mfa_submit }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
  });

  it('goes back to the password when the challenge expired', async () => {
    vi.stubGlobal(
      'fetch',
      serve(() => jsonResponse({ error: { code: 'auth.mfa_challenge_invalid', message: 'Expired' } }, 401)),
    );
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    const user = await passFirstStep();
    await user.type(await screen.findByLabelText(fr.field_mfa_code), '123456');
    await user.click(screen.getByRole('button', { name: fr.login_mfa_submit }));
    await user.click(await screen.findByRole('button', { name: fr.login_mfa_restart }));
    expect(screen.getByLabelText(fr.field_password)).toHaveValue('');
    expect(screen.queryByLabelText(fr.field_mfa_code)).not.toBeInTheDocument();
  });
});
