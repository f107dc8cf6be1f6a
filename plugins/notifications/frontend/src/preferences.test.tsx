import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { useLocaleStore } from '@/lib/i18n/locale-store';
import { jsonResponse, renderWithProviders } from '@/testing/render';
import fr from '@/locales/fr.json';

import { text } from './catalog';
import PreferencesPage from './preferences';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => useLocaleStore.getState().setLocale('fr'));
});

const prefs = {
  locale: null,
  quiet_start: '22:00',
  quiet_end: '08:00',
  quiet_hours_from_org: true,
  channels: { invitation: ['email', 'telegram', 'in_app'], reminder: ['email', 'in_app'] },
  kinds: ['invitation', 'reminder'],
  available_channels: ['email', 'telegram', 'in_app'],
  timezone: 'Europe/Paris',
};

function api(telegram: Record<string, unknown>) {
  const calls: { url: string; method: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined;
    calls.push({ url, method, body });
    if (url === '/api/v1/notifications/preferences/' || url === '/api/v1/notifications/preferences') {
      if (method === 'PUT') return jsonResponse({ ...prefs, channels: (body as { channels: unknown }).channels });
      return jsonResponse(prefs);
    }
    if (url.endsWith('/telegram/status')) return jsonResponse(telegram);
    if (url.endsWith('/telegram/link_code')) {
      return jsonResponse({ code: 'K7Q2', url: 'https://t.me/crew_bot?start=K7Q2', bot_username: 'crew_bot', expires_in_hours: 24 }, 201);
    }
    if (url.endsWith('/telegram/link') && method === 'DELETE') return jsonResponse(null, 204);
    return jsonResponse({ detail: 'unexpected' }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

describe('PreferencesPage', () => {
  it('shows channels per kind and saves the changed choice with the whole set', async () => {
    const calls = api({ bot_configured: false, bot_username: null, linked: false });
    renderWithProviders(<PreferencesPage />);

    const reminders = await screen.findByRole('group', { name: text('fr', 'kind_reminder') });
    const telegram = within(reminders).getByRole('checkbox', { name: text('fr', 'channel_telegram') });
    expect(telegram).not.toBeChecked();
    expect(within(reminders).getByRole('checkbox', { name: text('fr', 'channel_email') })).toBeChecked();
    expect(await screen.findByText(text('fr', 'telegram_unavailable'))).toBeInTheDocument();
    // The org's quiet hours: the bounds are not editable until the member takes their own.
    expect(screen.getByLabelText(text('fr', 'quiet_start'))).toBeDisabled();
    // The zone in words, not its IANA id.
    expect(screen.getByText(text('fr', 'quiet_hint', { zone: 'heure de Paris' }))).toBeInTheDocument();

    await userEvent.click(telegram);
    await userEvent.click(within(reminders).getByRole('checkbox', { name: text('fr', 'channel_email') }));
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'save') }));

    expect(await screen.findByText(text('fr', 'saved'))).toBeInTheDocument();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.body).toEqual({
      locale: null,
      quiet_start: null,
      quiet_end: null,
      channels: { invitation: ['email', 'telegram', 'in_app'], reminder: ['telegram', 'in_app'] },
    });
  });

  it('gets a Telegram link code, in English', async () => {
    act(() => useLocaleStore.getState().setLocale('en'));
    api({ bot_configured: true, bot_username: 'crew_bot', linked: false });
    renderWithProviders(<PreferencesPage />);

    await userEvent.click(await screen.findByRole('button', { name: 'Get a link code' }));
    expect(await screen.findByText('Link code: K7Q2')).toBeInTheDocument();
    expect(screen.getByText(text('en', 'telegram_code_hint', { code: 'K7Q2', bot: 'crew_bot', hours: 24 }))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open Telegram' })).toHaveAttribute('href', 'https://t.me/crew_bot?start=K7Q2');
  });

  it('unlinks a linked Telegram account after confirming', async () => {
    const calls = api({ bot_configured: true, bot_username: 'crew_bot', linked: true, username: 'lea', linked_at: '2027-07-01T09:00:00Z' });
    renderWithProviders(<PreferencesPage />);

    expect(await screen.findByText(/Li\u00e9 \u00e0 @lea\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'telegram_unlink') }));
    const dialog = await screen.findByRole('dialog', { name: text('fr', 'telegram_unlink_confirm') });
    await userEvent.click(within(dialog).getByRole('button', { name: text('fr', 'telegram_unlink') }));
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'DELETE' && call.url.endsWith('/telegram/link'))).toBe(true));
  });

  it("asks for both ends of the member's own quiet hours before saving", async () => {
    const calls = api({ bot_configured: false, bot_username: null, linked: false });
    renderWithProviders(<PreferencesPage />);
    await userEvent.click(await screen.findByRole('checkbox', { name: text('fr', 'quiet_from_org') }));
    const start = screen.getByLabelText(text('fr', 'quiet_start'));
    await userEvent.clear(start);
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'save') }));
    expect(await screen.findByText(fr.form_required)).toBeInTheDocument();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
    await userEvent.type(start, '23:00');
    await userEvent.click(screen.getByRole('button', { name: text('fr', 'save') }));
    await vi.waitFor(() => expect(calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ quiet_start: '23:00' }));
  });
});
