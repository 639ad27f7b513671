import { Group, Stack, Text } from '@mantine/core';
import { type SortingState, type Updater, useTable } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import { useDeferredValue, useMemo } from 'react';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { CategoryCounts } from './category-counts.tsx';
import { verdictColumns, verdictCsvColumns, verdictFeatures } from './verdict-columns.tsx';
import { fromSorting, toColumnFilters, toSorting, verdictTableParams } from './verdict-url-state.ts';
import { VerdictsTable } from './verdicts-table.tsx';
import { VerdictsToolbar } from './verdicts-toolbar.tsx';

/**
 * The loaded verdicts as a filterable, sortable table. Filters and sort come from the URL; filtering 100 000
 * rows runs on a deferred copy of them so typing stays responsive.
 */
export function VerdictBrowser({ verdicts }: { verdicts: Verdict[] }) {
  const [params, setParams] = useQueryStates(verdictTableParams);
  const columnFilters = useDeferredValue(useMemo(() => toColumnFilters(params), [params]));
  const sorting = useMemo(() => toSorting(params.vsort), [params.vsort]);
  const table = useTable({
    features: verdictFeatures,
    columns: verdictColumns,
    data: verdicts,
    getRowId: (row, index) => `${row.ip}#${index}`,
    state: { columnFilters, sorting },
    // Filters are driven by the toolbar (URL); the table never changes them itself.
    onColumnFiltersChange: () => {},
    onSortingChange: (updater: Updater<SortingState>) =>
      void setParams({ vsort: fromSorting(typeof updater === 'function' ? updater(sorting) : updater) }),
    enableMultiSort: false,
  });
  const shown = table.getRowModel().rows;
  return (
    <Stack gap="sm">
      <VerdictsToolbar table={table} />
      <CategoryCounts table={table} />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {`${shown.length.toLocaleString('en-US')} of ${verdicts.length.toLocaleString('en-US')} verdicts shown`}
        </Text>
        <ExportCsvButton
          rows={shown.map((row) => row.original)}
          columns={verdictCsvColumns}
          filename="prisma-verdicts.csv"
        />
      </Group>
      <VerdictsTable table={table} />
    </Stack>
  );
}
