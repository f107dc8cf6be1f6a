import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ColumnDef } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';

import { DataTable, TablePagination, useDataTable } from '@/components/ui/data-table/data-table';
import fr from '@/locales/fr.json';
import { renderWithProviders } from '@/testing/render';

interface Row {
  name: string;
  hours: number;
}

const columns: ColumnDef<Row>[] = [
  { id: 'name', accessorFn: (r) => r.name, header: 'Nom', meta: { rowHeader: true } },
  { id: 'hours', accessorFn: (r) => r.hours, header: 'Heures', meta: { className: 'text-right' } },
  { id: 'note', header: 'Note', cell: () => '-' },
];

function Harness({ rows, pageSize }: { rows: Row[]; pageSize?: number }) {
  const table = useDataTable({ data: rows, columns, pageSize });
  return (
    <>
      <DataTable table={table} caption="Equipe" empty="Personne" />
      <TablePagination table={table} />
    </>
  );
}

const names = () => screen.getAllByRole('rowheader').map((c) => c.textContent);

describe('DataTable', () => {
  it('sorts on a header click, says so with aria-sort, and leaves columns without a value unsortable', async () => {
    renderWithProviders(<Harness rows={[{ name: 'Noe', hours: 2 }, { name: 'Ana', hours: 9 }, { name: 'Lea', hours: 5 }]} />);
    expect(screen.getByRole('table', { name: 'Equipe' })).toBeInTheDocument();
    expect(names()).toEqual(['Noe', 'Ana', 'Lea']);
    const hours = screen.getByRole('button', { name: new RegExp(fr.table_sort_by.replace('{column}', 'Heures')) });
    // Numbers sort the largest first (TanStack's default), names from A.
    await userEvent.click(hours);
    expect(names()).toEqual(['Ana', 'Lea', 'Noe']);
    expect(screen.getByRole('columnheader', { name: /Heures/ })).toHaveAttribute('aria-sort', 'descending');
    await userEvent.click(hours);
    expect(names()).toEqual(['Noe', 'Lea', 'Ana']);
    expect(screen.getByRole('columnheader', { name: /Heures/ })).toHaveAttribute('aria-sort', 'ascending');
    await userEvent.click(screen.getByRole('button', { name: new RegExp(fr.table_sort_by.replace('{column}', 'Nom')) }));
    expect(names()).toEqual(['Ana', 'Lea', 'Noe']);
    expect(screen.getByRole('columnheader', { name: 'Note' })).not.toHaveAttribute('aria-sort');
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
  });

  it('pages the rows and says when none is left', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ name: `P${i}`, hours: i }));
    renderWithProviders(<Harness rows={rows} pageSize={2} />);
    expect(names()).toEqual(['P0', 'P1']);
    expect(screen.getByText(fr.pagination_page.replace('{page}', '1').replace('{pages}', '3'))).toBeInTheDocument();
    expect(screen.getByRole('button', { name: fr.pagination_previous })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: fr.pagination_next }));
    await userEvent.click(screen.getByRole('button', { name: fr.pagination_next }));
    expect(names()).toEqual(['P4']);
    expect(screen.getByRole('button', { name: fr.pagination_next })).toBeDisabled();
  });

  it('fills an empty body with its empty text across every column', () => {
    renderWithProviders(<Harness rows={[]} />);
    const cell = screen.getByRole('cell', { name: 'Personne' });
    expect(cell).toHaveAttribute('colspan', '3');
  });
});
