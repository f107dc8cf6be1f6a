import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { MfaPanel } from '@/features/auth/components/mfa-panel';
import { jsonResponse, pageResponse, renderWithProviders } from '@/testing/render';

const OFF = { enabled: false, pending: false, confirmed_at: null, recovery_codes_left: 0, required: false };
const ON = { enabled: true, pending: false, confirmed_at: '2027-01-05T10:00:00Z', recovery_codes_left: 9, required: false };
const CODES = ['aaaaa-bbbbb', 'ccccc-ddddd', 'eeeee-fffff', 'ggggg-hhhhh', 'jjjjj-kkkkk', 'mmmmm-nnnnn', 'ppppp-qqqqq', 'rrrrr-sssss', 'ttttt-uuuuu', 'vvvvv-wwwww'];
const DEVICE = {
  id: 7,
  browser: 'Firefox sur Windows',
  created_at: '2027-01-05T10:00:00Z',
  last_used_at: '2027-01-06T10:00:00Z',
  expires_at: '2027-02-04T10:00:00Z',
  current: true,
};

type Handler = (init?: RequestInit) => Response;

function serve(routes: Record<string, Handler>) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://x').pathname;
    const handler = routes[`${init?.method ?? 'GET'} ${path}`];
    return handler ? handler(init) : jsonResponse({ error: { code: 'not_found', message: 'no' } }, 404);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MfaPanel', () => {
  it('enrols with the QR code and manual key, refuses a short code, then shows the recovery codes once', async () => {
    let enabled = false;
    const confirm = vi.fn((_init?: RequestInit) => {
      enabled = true;
      return jsonResponse({ recovery_codes: CODES });
    });
    vi.stubGlobal(
      'fetch',
      serve({
        'GET /api/v1/auth/mfa': () => jsonResponse(enabled ? { ...ON, recovery_codes_left: 10 } : OFF),
        'POST /api/v1/auth/mfa/enrolment': () =>
          jsonResponse({
            secret: 'JBSWY3DPEHPK3PXP',
            otpauth_uri: 'otpauth://totp/Coulisses%20Crew:camille@example.org?secret=JBSWY3DPEHPK3PXP',
            qr_svg_data_uri: 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
          }),
        'POST /api/v1/auth/mfa/enrolment/confirm': confirm,
        'GET /api/v1/auth/mfa/devices': () => pageResponse([]),
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<MfaPanel />);
    await user.click(await screen.findByRole('button', { name: fr.mfa_enrol_start }));

    expect(await screen.findByRole('img', { name: fr.mfa_enrol_qr_alt })).toHaveAttribute(
      'src',
      'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
    );
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeInTheDocument();
    const code = screen.getByLabelText(fr.field_mfa_code);
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '123');
    await user.click(screen.getByRole('button', { name: fr.mfa_enrol_confirm }));
    expect(await screen.findByText(fr.mfa_code_six_digits)).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();

    await user.type(code, '456');
    await user.click(screen.getByRole('button', { name: fr.mfa_enrol_confirm }));
    const list = await screen.findByRole('list', { name: fr.mfa_recovery_codes });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(CODES);
    expect(JSON.parse(String(confirm.mock.calls[0]?.[0]?.body))).toEqual({ code: '123456' });

    await user.click(screen.getByRole('button', { name: fr.mfa_recovery_codes_saved }));
    expect(await screen.findByText(fr.mfa_status_on)).toBeInTheDocument();
    expect(screen.queryByText(CODES[0]!)).not.toBeInTheDocument();
  });

  it('lists trusted devices and revokes one', async () => {
    let devices = [DEVICE];
    const revoke = vi.fn((_init?: RequestInit) => {
      devices = [];
      return jsonResponse(null, 204);
    });
    vi.stubGlobal(
      'fetch',
      serve({
        'GET /api/v1/auth/mfa': () => jsonResponse(ON),
        'GET /api/v1/auth/mfa/devices': () => pageResponse(devices),
        'DELETE /api/v1/auth/mfa/devices/7': revoke,
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<MfaPanel />);
    expect(await screen.findByText('9 codes de secours restants.')).toBeInTheDocument();
    expect(await screen.findByText(fr.mfa_devices_current)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: "Retirer l'appareil Firefox sur Windows" }));
    expect(await screen.findByText(fr.mfa_devices_none)).toBeInTheDocument();
    expect(revoke).toHaveBeenCalledTimes(1);
  });

  it('turns off only with the password and a code, and says when the password is wrong', async () => {
    const disable = vi.fn((init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { password: string };
      return body.password === 'Sc3ne-Ouverte!'
        ? jsonResponse(null, 204)
        : jsonResponse({ error: { code: 'auth.invalid_credentials', message: 'Wrong' } }, 400);
    });
    vi.stubGlobal(
      'fetch',
      serve({
        'GET /api/v1/auth/mfa': () => jsonResponse(ON),
        'GET /api/v1/auth/mfa/devices': () => pageResponse([]),
        'POST /api/v1/auth/mfa/disable': disable,
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<MfaPanel />);
    await user.click(await screen.findByRole('button', { name: fr.mfa_disable }));
    await user.click(screen.getByRole('button', { name: fr.mfa_disable_submit }));
    expect(screen.getAllByText(fr.form_required)).toHaveLength(2);
    expect(disable).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText(fr.field_current_password), 'pas-le-bon');
    await user.type(screen.getByLabelText(fr.field_mfa_or_recovery_code), '123456');
    await user.click(screen.getByRole('button', { name: fr.mfa_disable_submit }));
    expect(await screen.findByText(fr.password_current_wrong)).toBeInTheDocument();

    await user.clear(screen.getByLabelText(fr.field_current_password));
    await user.type(screen.getByLabelText(fr.field_current_password), 'Sc3ne-Ouverte!');
    await user.click(screen.getByRole('button', { name: fr.mfa_disable_submit }));
    await waitFor(() => expect(disable).toHaveBeenCalledTimes(2));
  });
});
