import { Box, LoadingOverlay, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactTable, RowData, TableFeatures } from '@tanstack/react-table';
import type { ReactNode } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: the renderer works for any feature set a page registers.
type AnyTable<TFeatures extends TableFeatures, TData extends RowData> = ReactTable<TFeatures, TData, any>;

interface DataTableProps<TFeatures extends TableFeatures, TData extends RowData> {
  table: AnyTable<TFeatures, TData>;
  /** Accessible name of the table ("Packages"). */
  caption: string;
  /** Shown over the rows while a background fetch runs; the rows stay on screen. */
  isFetching?: boolean;
  empty?: ReactNode;
  onRowClick?: (row: TData) => void;
  /** Row attributes such as data-highlight for rows that just changed. */
  rowProps?: (row: TData) => Record<string, string | undefined>;
}

const sortMarks = { asc: ' ▲', desc: ' ▼' } as const;

/** Sorting methods exist only when the page registered rowSortingFeature. */
interface MaybeSortableColumn {
  getCanSort?: () => boolean;
  getIsSorted?: () => false | 'asc' | 'desc';
  getToggleSortingHandler?: () => ((event: unknown) => void) | undefined;
}

/**
 * Renders a TanStack Table v9 instance with Mantine. Headers of sortable columns are buttons with aria-sort,
 * so sorting works from the keyboard; paging and toolbars stay with each page.
 */
export function DataTable<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  caption,
  isFetching,
  empty,
  onRowClick,
  rowProps,
}: DataTableProps<TFeatures, TData>) {
  const rows = table.getRowModel().rows;
  return (
    <Box pos="relative">
      <LoadingOverlay
        visible={Boolean(isFetching)}
        overlayProps={{ backgroundOpacity: 0.15 }}
        loaderProps={{ size: 'sm' }}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover={Boolean(onRowClick)} aria-label={caption} verticalSpacing="xs">
          <Table.Thead>
            {table.getHeaderGroups().map((group) => (
              <Table.Tr key={group.id}>
                {group.headers.map((header) => {
                  const column = header.column as MaybeSortableColumn;
                  const canSort = column.getCanSort?.() ?? false;
                  const sorted = canSort ? (column.getIsSorted?.() ?? false) : false;
                  const label = header.isPlaceholder ? null : <table.FlexRender header={header} />;
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined
                      }
                    >
                      {canSort ? (
                        <UnstyledButton onClick={column.getToggleSortingHandler?.()} fw={600} fz="sm">
                          {label}
                          {sorted ? sortMarks[sorted] : ''}
                        </UnstyledButton>
                      ) : (
                        label
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr
                key={row.id}
                {...rowProps?.(row.original)}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                style={onRowClick ? { cursor: 'pointer' } : undefined}
              >
                {row.getAllCells().map((cell) => (
                  <Table.Td key={cell.id}>
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && !isFetching && (
        <Box p="lg">{empty ?? <Text c="dimmed">Nothing to show.</Text>}</Box>
      )}
    </Box>
  );
}
