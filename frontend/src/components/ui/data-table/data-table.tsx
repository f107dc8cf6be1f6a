/**
 * The app's tables on TanStack Table: `useDataTable` builds the table (client-side sort,
 * filter and pages by default; `manual*` for a list the API sorts and pages), `DataTable`
 * renders it with sortable headers (a button with `aria-sort`), a row header per row and
 * a line for an empty result, and `TablePagination` moves between pages.
 */
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type Header,
  type Table,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';

import type { HostTableOptions } from '@coulisses/plugin-ui/host';
import { Button } from '@/components/ui/button/button';
import { cn } from '@/lib/cn';
import { useLocale } from '@/lib/i18n/use-locale';

// Column `meta` (`rowHeader`, `className`) is declared with the plugin contract
// (packages/plugin-ui/src/host.ts), which plugins' tables share.
type DataTableOptions<T> = HostTableOptions<T>;

/** A TanStack table with the app's defaults: rows sort, filter and page on the client. */
export function useDataTable<T>({ pageSize, initialState, ...options }: DataTableOptions<T>): Table<T> {
  // TanStack Table hands out fresh functions on each render; the React Compiler skips the
  // components that call this, which is what the library expects.
  // eslint-disable-next-line react-hooks/incompatible-library
  return useReactTable<T>({
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: options.manualSorting ? undefined : getSortedRowModel(),
    getFilteredRowModel: options.manualFiltering ? undefined : getFilteredRowModel(),
    getPaginationRowModel: pageSize && !options.manualPagination ? getPaginationRowModel() : undefined,
    autoResetPageIndex: !options.manualPagination,
    initialState: pageSize ? { ...initialState, pagination: { pageIndex: 0, pageSize } } : initialState,
    ...options,
  });
}

function ariaSort(sorted: false | 'asc' | 'desc') {
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined;
}

function HeaderCell<T>({ header, cellClass }: { header: Header<T, unknown>; cellClass: string }) {
  const { t } = useLocale();
  const column = header.column;
  const content = header.isPlaceholder ? null : flexRender(column.columnDef.header, header.getContext());
  const className = cn(cellClass, 'font-medium', column.columnDef.meta?.className);
  if (!column.getCanSort()) {
    return (
      <th scope="col" className={className}>
        {content}
      </th>
    );
  }
  const sorted = column.getIsSorted();
  const label = typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id;
  return (
    <th scope="col" className={className} aria-sort={ariaSort(sorted) ?? 'none'}>
      {/* relative: the sr-only hint stays inside the table's scrolling box. */}
      <button
        type="button"
        className="relative inline-flex items-center gap-1 font-medium hover:text-foreground"
        onClick={column.getToggleSortingHandler()}
      >
        {content}
        <span aria-hidden="true">{t(sorted === 'asc' ? 'table_sort_icon_asc' : sorted === 'desc' ? 'table_sort_icon_desc' : 'table_sort_icon_none')}</span>
        <span className="sr-only">{t('table_sort_by', { column: label })}</span>
      </button>
    </th>
  );
}

/**
 * A table's rows under sortable headers. `caption` names the table for screen readers;
 * `empty` fills the body when no row matches; `compact` fits a side panel (no frame);
 * `rowClassName` styles every row or each from its data; `footer` holds `<tr>` rows of
 * totals (build their cells from `table.getVisibleLeafColumns()`).
 */
export function DataTable<T>({
  table,
  caption,
  empty,
  compact = false,
  rowClassName,
  footer,
}: {
  table: Table<T>;
  caption: string;
  empty?: ReactNode;
  compact?: boolean;
  rowClassName?: string | ((row: T) => string | undefined);
  footer?: ReactNode;
}) {
  const rows = table.getRowModel().rows;
  const headCell = compact ? 'py-1 pr-2 text-xs' : 'px-4 py-2';
  const bodyCell = compact ? 'py-1 pr-2' : 'px-4 py-3';
  const grid = (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className={compact ? 'text-muted-foreground' : 'border-b border-border bg-muted/60 text-muted-foreground'}>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <HeaderCell key={header.id} header={header} cellClass={headCell} />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-6 text-center text-muted-foreground">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr
            key={row.id}
            className={cn(
              compact ? 'border-t border-border' : 'border-b border-border last:border-0',
              typeof rowClassName === 'function' ? rowClassName(row.original) : rowClassName,
            )}
          >
            {row.getVisibleCells().map((cell) => {
              const meta = cell.column.columnDef.meta;
              const content = flexRender(cell.column.columnDef.cell, cell.getContext());
              return meta?.rowHeader ? (
                <th key={cell.id} scope="row" className={cn(bodyCell, 'text-left font-normal', meta.className)}>
                  {content}
                </th>
              ) : (
                <td key={cell.id} className={cn(bodyCell, meta?.className)}>
                  {content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
      {footer ? <tfoot>{footer}</tfoot> : null}
    </table>
  );
  if (compact) return grid;
  // relative: the sr-only texts (absolutely placed) scroll with the table, not the page.
  return <div className="relative overflow-x-auto rounded-lg border border-border bg-surface">{grid}</div>;
}

/** Previous / next page with "page N of M"; nothing when everything fits on one page. */
export function TablePagination<T>({ table }: { table: Table<T> }) {
  const { t } = useLocale();
  const pages = Math.max(1, table.getPageCount());
  if (pages <= 1) return null;
  const page = table.getState().pagination.pageIndex + 1;
  return (
    <nav aria-label={t('pagination_label')} className="flex flex-wrap items-center gap-3">
      <Button size="sm" variant="secondary" disabled={!table.getCanPreviousPage()} onClick={() => table.previousPage()}>
        {t('pagination_previous')}
      </Button>
      <span className="text-sm" aria-live="polite">
        {t('pagination_page', { page, pages })}
      </span>
      <Button size="sm" variant="secondary" disabled={!table.getCanNextPage()} onClick={() => table.nextPage()}>
        {t('pagination_next')}
      </Button>
    </nav>
  );
}
