import { Box, Table, Text, UnstyledButton } from '@mantine/core';
import { type SortingState, type Updater, useTable } from '@tanstack/react-table';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { verdictColumns, verdictFeatures } from './verdict-columns.tsx';

const rowHeight = 37;
const viewportHeight = 560;
const sortMarks = { asc: ' ▲', desc: ' ▼' } as const;
const columnWidths: Record<string, string> = {
  ip: '11%',
  mac: '14%',
  category: '11%',
  vendor: '9%',
  model: '11%',
  os: '11%',
  osFamily: '8%',
  profile: '10%',
  updateTime: '15%',
};

const verdictRowId = (row: Verdict, index: number) => `${row.ip}#${index}`;

/**
 * 100 000 verdicts, a few dozen rows in the DOM: only the rows in view (plus a small overscan) are rendered
 * between two spacer rows (TanStack Virtual). A real <table> with aria-rowcount/aria-rowindex, so screen
 * readers still learn the full size; the scroll box is focusable so the keyboard can scroll it.
 *
 * Memoised on its props: the tab re-renders as the statistics and the dump's progress change, and the table
 * only needs to when its rows or its sort do.
 */
export const VerdictsTable = memo(function VerdictsTable({
  verdicts,
  rows,
  sorting,
  onSortingChange,
}: {
  verdicts: Verdict[];
  /** Row numbers into `verdicts` to show, in order (verdict-index.ts). */
  rows: Uint32Array;
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
}) {
  const table = useTable({
    features: verdictFeatures,
    columns: verdictColumns,
    data: verdicts,
    getRowId: verdictRowId,
    state: { sorting },
    // Sorting lives in the URL; the rows arrive already sorted, the table only draws the headers' state.
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortingChange(typeof updater === 'function' ? updater(sorting) : updater),
    enableMultiSort: false,
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const coreRows = table.getCoreRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The box has a fixed CSS height: where layout reports none (a hidden tab, jsdom) use that height.
    initialRect: { width: 1200, height: viewportHeight },
    observeElementRect: (instance, onChange) =>
      observeElementRect(instance, (rect) =>
        onChange(rect.height > 0 ? rect : { width: rect.width, height: viewportHeight }),
      ),
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const columnCount = table.getAllLeafColumns().length;

  return (
    <Box
      ref={scrollRef}
      h={viewportHeight}
      style={{ overflow: 'auto' }}
      tabIndex={0}
      role="region"
      aria-label="Verdicts (scrollable)"
    >
      <Table
        aria-label="Network verdicts"
        aria-rowcount={rows.length + 1}
        striped
        stickyHeader
        verticalSpacing={6}
        // Fits the 1 148 px content box of a 1 400 px screen: all nine columns without scrolling sideways.
        style={{ tableLayout: 'fixed', minWidth: 1100 }}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <Table.Th
                    key={header.id}
                    w={columnWidths[header.column.id]}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                  >
                    <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={600} fz="sm">
                      <table.FlexRender header={header} />
                      {sorted ? sortMarks[sorted] : ''}
                    </UnstyledButton>
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && (
            <tr aria-hidden style={{ height: top }}>
              <td colSpan={columnCount} />
            </tr>
          )}
          {items.map((item) => {
            const row = coreRows[rows[item.index] ?? -1];
            if (!row) return null;
            return (
              // Keyed by position: after a filter or sort the same row elements show other verdicts, instead of
              // thirty rows unmounted and thirty mounted.
              <Table.Tr key={item.key} aria-rowindex={item.index + 2} h={rowHeight}>
                {row.getAllCells().map((cell) => (
                  <Table.Td
                    key={cell.column.id}
                    style={{ overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}
                  >
                    <table.FlexRender cell={cell} />
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden style={{ height: bottom }}>
              <td colSpan={columnCount} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && <Text p="lg">No verdict matches the filters.</Text>}
    </Box>
  );
});
