/**
 * The contract between the web app (the host) and a plugin's page or widget module.
 *
 * Before importing a plugin module the host sets `globalThis.__coulisses_host__`
 * to a `CoulissesHost`. A plugin bundle never ships its own React: its Vite
 * config aliases `react` and `react/jsx-runtime` to this package's shims, which
 * read the host's. Types only come from the libraries; values from the host.
 */
import type { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RowData, Table, TableOptions } from '@tanstack/react-table';
import type { FieldError, UseFormProps, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type * as ReactModule from 'react';
import type * as JsxRuntime from 'react/jsx-runtime';
import type { Link, useNavigate, useParams, useSearchParams } from 'react-router';

export const HOST_GLOBAL = '__coulisses_host__';
/** Bumped on a breaking change of this contract (additions keep it); a plugin may check it. */
export const HOST_CONTRACT_VERSION = 1;

type Body = unknown;
export interface HostApi {
  /** Same-origin JSON calls with the session cookies, CSRF header and one refresh on 401;
   * a failure rejects with an error carrying `status`, `code` and `message`. */
  get: <T>(path: string) => Promise<T>;
  post: <T>(path: string, body?: Body) => Promise<T>;
  patch: <T>(path: string, body?: Body) => Promise<T>;
  /** Added in contract 1 (additive): a full replacement, e.g. a plugin's preferences. */
  put: <T>(path: string, body?: Body) => Promise<T>;
  delete: <T>(path: string) => Promise<T>;
}

export interface HostLocale {
  /** `fr` (default) or `en`. */
  locale: string;
  /** An API error's words in the current locale, from its stable code. */
  tError: (error: unknown) => string;
}

/** Dates and times in the org's time zone and the member's locale (the app's formatters). */
export interface HostDates {
  timeZone: string;
  formatDate: (value: string | Date) => string;
  formatDateTime: (value: string | Date) => string;
  formatTime: (value: string | Date) => string;
  /** Added in contract 1 (additive): a timezone in words ("heure de Paris"), never `Europe/Paris`. */
  formatZone: (timeZone: string) => string;
}

/** A handler of a live event kind: receives the event's parsed JSON `data` (null if none). */
export type HostLiveHandler = (data: unknown) => void;

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
  /** Added in contract 1 (additive). A small rounded label. */
  Badge: ReactModule.ComponentType<
    ReactModule.HTMLAttributes<HTMLSpanElement> & { variant?: 'neutral' | 'success' | 'info' | 'danger' | 'warning' | null }
  >;
  /** Added in contract 1 (additive). A modal confirmation (Radix UI dialog: focus trap, Escape, focus back to the opener). */
  ConfirmDialog: ReactModule.ComponentType<{
    open: boolean;
    title: string;
    description?: ReactModule.ReactNode;
    confirmLabel: string;
    cancelLabel: string;
    destructive?: boolean;
    loading?: boolean;
    onConfirm: () => void;
    onCancel: () => void;
  }>;
  /** Added in contract 1 (additive). An API error's words and a retry button. */
  ErrorState: ReactModule.ComponentType<{ error: unknown; onRetry?: () => void }>;
}

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** The cell names its row (`<th scope="row">`): one column per table. */
    rowHeader?: boolean;
    /** Classes of the column's cells, header included (alignment, `whitespace-nowrap`, ...). */
    className?: string;
  }
}

/** Options of `useDataTable`: TanStack Table's, without the row models the host adds. */
export type HostTableOptions<T> = Omit<TableOptions<T>, 'getCoreRowModel'> & {
  /** Rows per page when the table pages the data itself. */
  pageSize?: number;
};

/**
 * Added in contract 1 (additive): the app's tables on TanStack Table. `useDataTable` sorts,
 * filters and pages on the client (`manual*` options for an API that does); `DataTable`
 * draws sortable headers (`aria-sort`, "sort by" in the member's language), a row header
 * per row, an empty line and optional `<tr>` footer rows; `TablePagination` pages.
 */
export interface HostTable {
  useDataTable: <T>(options: HostTableOptions<T>) => Table<T>;
  DataTable: <T>(props: {
    table: Table<T>;
    caption: string;
    empty?: ReactModule.ReactNode;
    compact?: boolean;
    rowClassName?: string | ((row: T) => string | undefined);
    footer?: ReactModule.ReactNode;
  }) => ReactModule.ReactNode;
  TablePagination: <T>(props: { table: Table<T> }) => ReactModule.ReactNode;
}

/** A zod schema of a form's values (an object). */
export type HostFormSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/**
 * Added in contract 1 (additive): the app's forms, react-hook-form driven by a zod schema.
 * A schema's messages are catalog keys (`z.string().min(1, 'form_required')`): `useFormText`
 * words them in the member's language, the app's keys first, then `own` (the plugin's texts).
 * `z` is the app's zod (run without `eval`, as the page's Content-Security-Policy requires).
 */
export interface HostForms {
  z: typeof z;
  useZodForm: <S extends HostFormSchema>(
    schema: S,
    props?: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'>,
  ) => UseFormReturn<z.input<S>, unknown, z.output<S>>;
  useFormText: (own?: (key: string) => string | undefined) => (error: Pick<FieldError, 'message'> | undefined) => string | undefined;
  /** A time of day as `<input type="time">` gives it (`HH:MM`): `z.string().regex(TIME_OF_DAY, ...)`. */
  TIME_OF_DAY: RegExp;
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
  /** Added in contract 1 (additive): the app's date formatters (org time zone, locale). */
  useDates: () => HostDates;
  /**
   * Added in contract 1 (additive): listens to the kinds of `handlers` on the app's one
   * shared live stream (`GET /api/v1/events`) while `enabled`; the latest handlers are
   * called. Returns the stream's state.
   */
  useLiveEvents: (handlers: Record<string, HostLiveHandler>, enabled?: boolean) => 'connecting' | 'open' | 'closed';
  table: HostTable;
  forms: HostForms;
}

/** The host's shared modules; throws when the module runs outside the web app. */
export function host(): CoulissesHost {
  const found = (globalThis as Record<string, unknown>)[HOST_GLOBAL] as CoulissesHost | undefined;
  if (!found) throw new Error('Coulisses plugin module loaded outside the web app (no host)');
  return found;
}
