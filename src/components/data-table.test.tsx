import { MantineProvider } from '@mantine/core';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { render, screen, within } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table.tsx';

interface Item {
  id: string;
  name: string;
}
const features = tableFeatures({});
const column = createColumnHelper<typeof features, Item>();
const items: Item[] = Array.from({ length: 60 }, (_, index) => ({ id: `i${index}`, name: `Item ${index}` }));

/** Renders the table; returns, per row as it mounts, how many body rows were in the DOM in that commit. */
function renderTable(screenfulFirst: boolean) {
  const rowsAtMount: number[] = [];
  function Cell({ name }: { name: string }) {
    useLayoutEffect(() => {
      rowsAtMount.push(document.querySelectorAll('tbody tr').length);
    }, []);
    return name;
  }
  const columns = column.columns([
    column.accessor('name', { header: 'Name', cell: (info) => <Cell name={info.getValue()} /> }),
  ]);
  function Items() {
    const table = useTable({ features, columns, data: items, getRowId: (item) => item.id });
    return <DataTable table={table} caption="Items" screenfulFirst={screenfulFirst} />;
  }
  render(
    <MantineProvider>
      <Items />
    </MantineProvider>,
  );
  return rowsAtMount;
}

const bodyRows = () =>
  within(screen.getByRole('table', { name: 'Items' }))
    .getAllByRole('row')
    .slice(1);

describe('DataTable', () => {
  it('with screenfulFirst, commits a screenful of rows first and every row right after', async () => {
    const rowsAtMount = renderTable(true);
    expect(await screen.findByText('Item 59')).toBeInTheDocument();
    // jsdom has no layout (the table starts at 0) and a 768 px window: 20 rows of 40 px fit.
    expect(rowsAtMount).toEqual([...Array(20).fill(20), ...Array(40).fill(60)]);
    expect(bodyRows()).toHaveLength(60);
  });

  it('otherwise commits every row at once', () => {
    expect(renderTable(false)).toEqual(Array(60).fill(60));
    expect(bodyRows()).toHaveLength(60);
  });

  it("gives the rows Mantine's Table.Tr/Table.Td classes and data attributes", () => {
    renderTable(false);
    const [row] = bodyRows();
    expect(row).toHaveClass('mantine-Table-tr');
    expect(row).toHaveAttribute('data-with-row-border', 'true');
    expect(row).toHaveAttribute('data-striped', 'odd');
    expect(within(row!).getByRole('cell')).toHaveClass('mantine-Table-td');
  });
});
