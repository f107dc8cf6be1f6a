/**
 * What a plugin page or widget imports from the web app: `import { api, useQuery, Button } from
 * '@coulisses/plugin-ui'`. Every value is the host's own (one React, one router, one
 * query client, the same session), read when the plugin module is evaluated.
 */
import type { Catalog, TextVars } from './catalog';
import { host, HOST_CONTRACT_VERSION, type CoulissesHost } from './host';

const shared: CoulissesHost = host();

export { HOST_CONTRACT_VERSION };
export type {
  CoulissesHost,
  HostApi,
  HostDates,
  HostFormSchema,
  HostForms,
  HostLiveHandler,
  HostLocale,
  HostTable,
  HostTableOptions,
  HostUi,
} from './host';
export { catalog } from './catalog';
export type { Catalog, CatalogKey, PluralBase, TextVars, Words } from './catalog';
export type { ColumnDef, Row, SortingState, VisibilityState } from '@tanstack/react-table';

export const { api, useLocale, useDates, useLiveEvents } = shared;
export const { Link, useNavigate, useParams, useSearchParams } = shared.router;
export const { useQuery, useMutation, useQueryClient } = shared.query;
export const { useDataTable, DataTable, TablePagination } = shared.table;
export const { z, useZodForm, useFormText, TIME_OF_DAY } = shared.forms;
export const {
  Button,
  Card,
  CardHeader,
  CardTitle,
  CardDescription,
  Alert,
  Spinner,
  EmptyState,
  Input,
  Field,
  Badge,
  ConfirmDialog,
  ErrorState,
} = shared.ui;

/** The text of `texts` for `locale`, else its French one: a plugin keeps its own words. */
export function pick(texts: { fr: string } & Record<string, string>, locale: string): string {
  return texts[locale] ?? texts.fr;
}

/**
 * A plugin's catalog (`catalog(TEXTS)`, from `@coulisses/plugin-ui/catalog`) in the
 * member's locale: `t(key, vars)`, with the host's `locale` and `tError` (an API error's
 * code in words, from the web app's catalog).
 */
export function useCatalog<Key extends string>(words: Catalog<Key>) {
  const { locale, tError } = useLocale();
  return { locale, tError, t: (key: Key, vars?: TextVars) => words.text(locale, key, vars) };
}
