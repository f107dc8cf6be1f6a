/**
 * The contract between the web app (the host) and a plugin's page module.
 *
 * Before importing a plugin module the host sets `globalThis.__coulisses_host__`
 * to a `CoulissesHost`. A plugin bundle never ships its own React: its Vite
 * config aliases `react` and `react/jsx-runtime` to this package's shims, which
 * read the host's. Types only come from the libraries; values from the host.
 */
import type { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as ReactModule from 'react';
import type * as JsxRuntime from 'react/jsx-runtime';
import type { Link, useNavigate, useParams, useSearchParams } from 'react-router';

export const HOST_GLOBAL = '__coulisses_host__';
/** Bumped on a breaking change of this contract; a plugin may check it. */
export const HOST_CONTRACT_VERSION = 1;

type Body = unknown;
export interface HostApi {
  /** Same-origin JSON calls with the session cookies, CSRF header and one refresh on 401;
   * a failure rejects with an error carrying `status`, `code` and `message`. */
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body?: Body) => Promise<T>;
  patch: <T>(path: string, body?: Body) => Promise<T>;
  delete: <T>(path: string) => Promise<T>;
}

export interface HostLocale {
  /** `fr` (default) or `en`. */
  locale: string;
  /** An API error's words in the current locale, from its stable code. */
  tError: (error: unknown) => string;
}

export interface HostUi {
  Button: ReactModule.ComponentType<
    ReactModule.ButtonHTMLAttributes<HTMLButtonElement> & {
      variant?: 'primary' | 'secondary' | 'danger' | 'ghost' | 'link' | null;
      size?: 'sm' | 'md' | 'lg' | null;
      loading?: boolean;
    }
  >;
  Card: ReactModule.ComponentType<ReactModule.HTMLAttributes<HTMLDivElement>>;
  CardHeader: ReactModule.ComponentType<ReactModule.HTMLAttributes<HTMLDivElement>>;
  CardTitle: ReactModule.ComponentType<ReactModule.HTMLAttributes<HTMLHeadingElement>>;
  CardDescription: ReactModule.ComponentType<ReactModule.HTMLAttributes<HTMLParagraphElement>>;
  Alert: ReactModule.ComponentType<ReactModule.HTMLAttributes<HTMLDivElement> & { variant?: 'info' | 'success' | 'danger' | 'warning' | null }>;
  Spinner: ReactModule.ComponentType<{ label: string; size?: 'sm' | 'md' | 'lg' | null; className?: string }>;
  EmptyState: ReactModule.ComponentType<{ title: string; description?: ReactModule.ReactNode; action?: ReactModule.ReactNode; className?: string }>;
  Input: ReactModule.ComponentType<Omit<ReactModule.InputHTMLAttributes<HTMLInputElement>, 'size'>>;
  Field: ReactModule.ComponentType<{
    label: ReactModule.ReactNode;
    hint?: ReactModule.ReactNode;
    error?: string;
    className?: string;
    children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => ReactModule.ReactNode;
  }>;
}

export interface CoulissesHost {
  version: number;
  React: typeof ReactModule;
  jsxRuntime: typeof JsxRuntime;
  router: {
    Link: typeof Link;
    useNavigate: typeof useNavigate;
    useParams: typeof useParams;
    useSearchParams: typeof useSearchParams;
  };
  query: {
    useQuery: typeof useQuery;
    useMutation: typeof useMutation;
    useQueryClient: typeof useQueryClient;
  };
  api: HostApi;
  useLocale: () => HostLocale;
  ui: HostUi;
}

/** The host's shared modules; throws when the module runs outside the web app. */
export function host(): CoulissesHost {
  const found = (globalThis as Record<string, unknown>)[HOST_GLOBAL] as CoulissesHost | undefined;
  if (!found) throw new Error('Coulisses plugin module loaded outside the web app (no host)');
  return found;
}
