import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';

import fr from '@/locales/fr.json';
import { RedirectIfAuthenticated, RequireAuth } from '@/features/auth/components/require-auth';
import { jsonResponse } from '@/testing/render';

function LoginProbe() {
  const location = useLocation();
  return <p>login page {location.search}</p>;
}

function renderGuarded() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/settings/members?tab=1']}>
        <Routes>
          <Route path="/login" element={<LoginProbe />} />
          <Route
            path="*"
            element={<RequireAuth>{(me) => <p>hello {me.account.email}</p>}</RequireAuth>}
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'cc_csrf=; max-age=0; path=/';
});

describe('RequireAuth', () => {
  it('sends a visitor without a session to login, remembering where they were going', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ error: { code: 'auth.unauthenticated', message: 'no' } }, 401)),
    );
    renderGuarded();
    expect(await screen.findByText(/login page/)).toHaveTextContent(
      'login page ?next=%2Fsettings%2Fmembers%3Ftab%3D1',
    );
  });

  it('renders the page with the session when there is one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse({
          account: { id: 1, email: 'direction@example.org', first_name: null, last_name: null, is_superuser: false },
          orgs: [],
          active_org_id: null,
          role: null,
        }),
      ),
    );
    renderGuarded();
    expect(await screen.findByText('hello direction@example.org')).toBeInTheDocument();
  });

  it('shows the error with a retry button when the server fails', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({ error: { code: 'internal', message: 'Internal error' } }, 500)),
    );
    renderGuarded();
    expect(await screen.findByRole('alert')).toHaveTextContent(fr.error_internal);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Internal error');
    expect(screen.getByRole('button', { name: /essayer/i })).toBeInTheDocument();
  });
});

function renderLoginPage() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/login']}>
        <Routes>
          <Route path="/" element={<p>home page</p>} />
          <Route path="/login" element={<RedirectIfAuthenticated><p>login form</p></RedirectIfAuthenticated>} />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const ME = {
  account: { id: 1, email: 'direction@example.org', first_name: null, last_name: null, is_superuser: false },
  orgs: [],
  active_org_id: null,
  role: null,
};

describe('RedirectIfAuthenticated', () => {
  it('shows the login form without asking the server when no session cookie exists', () => {
    const fetchMock = vi.fn(async () => jsonResponse(ME));
    vi.stubGlobal('fetch', fetchMock);
    renderLoginPage();
    expect(screen.getByText('login form')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends a visitor with a live session to the app', async () => {
    document.cookie = 'cc_csrf=token; path=/';
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(ME)));
    renderLoginPage();
    expect(await screen.findByText('home page')).toBeInTheDocument();
  });
});
