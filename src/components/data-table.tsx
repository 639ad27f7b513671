import { Box, LoadingOverlay, Table, Text, UnstyledButton, useTableContext } from '@mantine/core';
import type { ReactTable, Row, RowData, TableFeatures } from '@tanstack/react-table';
import {
  type ReactNode,
  type RefObject,
  startTransition,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';

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
  /**
   * When the table first mounts, render only the rows that fit in the viewport below the table's top, and the
   * rest right after in a transition: a deep link's first rows paint without waiting for the whole page of rows
   * (issue #11 "Deep link"). Later updates render every row at once.
   */
  screenfulFirst?: boolean;
}

const sortMarks = { asc: ' ▲', desc: ' ▼' } as const;

/** Rows are at least this tall (Mantine's xs vertical spacing, one line of text). */
const minRowPx = 40;

/**
 * All rows, except while the table first mounts with `screenfulFirst`: the first commit has no rows, a layout
 * effect measures where the table starts and renders what fits below it before anything is painted, and a
 * transition adds the rest.
 */
function useRowsToRender<T>(rows: T[], screenfulFirst: boolean, table: RefObject<HTMLElement | null>): T[] {
  // 0: not measured yet; a number: rows on this pass; undefined: every row.
  const [limit, setLimit] = useState<number | undefined>(screenfulFirst ? 0 : undefined);
  useLayoutEffect(() => {
    if (limit !== 0) return;
    const top = Math.max(0, table.current?.getBoundingClientRect().top ?? 0);
    setLimit(Math.max(1, Math.ceil(((globalThis.innerHeight || 800) - top) / minRowPx)));
  }, [limit, table]);
  useEffect(() => {
    if (limit) startTransition(() => setLimit(undefined));
  }, [limit]);
  return limit === undefined ? rows : rows.slice(0, limit);
}

/** Sorting methods exist only when the page registered rowSortingFeature. */
interface MaybeSortableColumn {
  getCanSort?: () => boolean;
  getIsSorted?: () => false | 'asc' | 'desc';
  getToggleSortingHandler?: () => ((event: unknown) => void) | undefined;
}

/**
 * The body rows as plain `<tr>`/`<td>` with the classes and data attributes Table.Tr/Table.Td would put there,
 * resolved once per table instead of once per cell (issue #11 "Deep link"): each Table.Td is a Box that
 * resolves props and styles on every render, and a 50-row page has 450 of them — about a fifth of the time to
 * render the rows. Same DOM, same Styles API (classNames from the Table still apply).
 */
function BodyRows<TFeatures extends TableFeatures, TData extends RowData>({
  table,
  rows,
  onRowClick,
  rowProps,
}: {
  table: AnyTable<TFeatures, TData>;
  rows: Row<TFeatures, TData>[];
  onRowClick?: (row: TData) => void;
  rowProps?: (row: TData) => Record<string, string | undefined>;
}) {
  const ctx = useTableContext();
  const tr = ctx.getStyles('tr');
  const td = ctx.getStyles('td');
  const trData = {
    'data-with-row-border': ctx.withRowBorders || undefined,
    'data-striped': ctx.striped || undefined,
    'data-hover': ctx.highlightOnHover || undefined,
  };
  const tdData = { 'data-with-column-border': ctx.withColumnBorders || undefined };
  return rows.map((row) => {
    const { className, ...extra } = rowProps?.(row.original) ?? {};
    return (
      <tr
        key={row.id}
        {...trData}
        {...extra}
        className={className ? `${tr.className} ${className}` : tr.className}
        onClick={onRowClick ? () => onRowClick(row.original) : undefined}
        style={onRowClick ? { ...tr.style, cursor: 'pointer' } : tr.style}
      >
        {row.getAllCells().map((cell) => (
          <td key={cell.id} {...tdData} className={td.className} style={td.style}>
            <table.FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    );
  });
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
  screenfulFirst = false,
}: DataTableProps<TFeatures, TData>) {
  const rows = table.getRowModel().rows;
  const tableRef = useRef<HTMLTableElement>(null);
  const rendered = useRowsToRender(rows, screenfulFirst, tableRef);
  return (
    <Box pos="relative">
      <LoadingOverlay
        visible={Boolean(isFetching)}
        overlayProps={{ backgroundOpacity: 0.15 }}
        loaderProps={{ size: 'sm' }}
      />
      <Table.ScrollContainer minWidth={640}>
        <Table
          ref={tableRef}
          striped
          highlightOnHover={Boolean(onRowClick)}
          aria-label={caption}
          verticalSpacing="xs"
        >
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
            <BodyRows table={table} rows={rendered} onRowClick={onRowClick} rowProps={rowProps} />
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && !isFetching && (
        <Box p="lg">{empty ?? <Text c="dimmed">Nothing to show.</Text>}</Box>
      )}
    </Box>
  );
}
