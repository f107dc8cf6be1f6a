import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { MfaPolicyCard, SwapPolicyCard } from '@/features/members/components/org-policy-card';
import { jsonResponse, renderWithProviders } from '@/testing/render';

const ORG = { id: 1, name: 'Festival', slug: 'festival', timezone: 'Europe/Paris', locale: 'fr', mfa_required_for_admins: false };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('MfaPolicyCard', () => {
  it('turns the policy on with a PATCH of that field alone, then tells the app to read the account again', async () => {
    const patch = vi.fn((init?: RequestInit) => jsonResponse({ ...ORG, ...(JSON.parse(String(init?.body)) as object) }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        if (new URL(url, 'http://x').pathname !== '/api/v1/orgs/current') {
          return jsonResponse({ error: { code: 'not_found', message: 'no' } }, 404);
        }
        return method === 'PATCH' ? patch(init) : jsonResponse(ORG);
      }),
    );
    const onChanged = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<MfaPolicyCard onChanged={onChanged} />);
    const toggle = await screen.findByRole('switch', { name: fr.mfa_policy_label });
    expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(toggle).toHaveAccessibleDescription(fr.mfa_policy_hint);

    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'true'));
    expect(JSON.parse(String(patch.mock.calls[0]?.[0]?.body))).toEqual({ mfa_required_for_admins: true });
    expect(onChanged).toHaveBeenCalledTimes(1);
    expect(screen.getByText(fr.mfa_policy_saved)).toBeInTheDocument();
  });

  it('says in French when the change is refused', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) =>
        (init?.method ?? 'GET') === 'PATCH'
          ? jsonResponse({ error: { code: 'auth.forbidden', message: 'Forbidden' } }, 403)
          : jsonResponse(ORG),
      ),
    );
    const onChanged = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<MfaPolicyCard onChanged={onChanged} />);
    await user.click(await screen.findByRole('switch', { name: fr.mfa_policy_label }));
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.error_auth_forbidden);
    expect(onChanged).not.toHaveBeenCalled();
    expect(screen.getByRole('switch', { name: fr.mfa_policy_label })).toHaveAttribute('aria-checked', 'false');
  });
});

describe('SwapPolicyCard', () => {
  it('reads approval as required when the org never chose, and turns it off with its own field', async () => {
    const patch = vi.fn((init?: RequestInit) => jsonResponse({ ...ORG, ...(JSON.parse(String(init?.body)) as object) }));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => ((init?.method ?? 'GET') === 'PATCH' ? patch(init) : jsonResponse(ORG))),
    );
    const user = userEvent.setup();
    renderWithProviders(<SwapPolicyCard />);
    const toggle = await screen.findByRole('switch', { name: fr.swap_policy_label });
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(toggle).toHaveAccessibleDescription(fr.swap_policy_hint);

    await user.click(toggle);
    await waitFor(() => expect(toggle).toHaveAttribute('aria-checked', 'false'));
    expect(JSON.parse(String(patch.mock.calls[0]?.[0]?.body))).toEqual({ swaps_require_approval: false });
    expect(screen.getByText(fr.swap_policy_saved)).toBeInTheDocument();
  });
});
