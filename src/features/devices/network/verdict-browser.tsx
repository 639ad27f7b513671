import { Group, Stack, Text } from '@mantine/core';
import type { SortingState } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import { useCallback, useMemo } from 'react';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { CategoryCounts } from './category-counts.tsx';
import { verdictCsvColumns } from './verdict-columns.tsx';
import { createVerdictIndex, viewVerdicts } from './verdict-index.ts';
import { fromSorting, toColumnFilters, toSorting, verdictTableParams } from './verdict-url-state.ts';
import { VerdictsTable } from './verdicts-table.tsx';
import { VerdictsToolbar } from './verdicts-toolbar.tsx';

/**
 * The loaded verdicts as a filterable, sortable table. Filters and sort come from the URL; the rows they keep
 * come from an index built once per dump (verdict-index.ts), so a keystroke costs one pass over typed arrays
 * and a re-render of the rows in view. That is quick enough to do in the keystroke's own render: deferring
 * it (useDeferredValue) measured slower, since the rows then wait for a second render after a first frame.
 */
export function VerdictBrowser({ verdicts }: { verdicts: Verdict[] }) {
  const [params, setParams] = useQueryStates(verdictTableParams);
  const index = useMemo(() => createVerdictIndex(verdicts), [verdicts]);
  const filters = useMemo(() => toColumnFilters(params), [params]);
  const sorting = useMemo(() => toSorting(params.vsort), [params.vsort]);
  const view = useMemo(() => viewVerdicts(index, filters, sorting[0]), [index, filters, sorting]);
  const shown = useMemo(() => Array.from(view.rows, (row) => verdicts[row] as Verdict), [view, verdicts]);
  const onSortingChange = useCallback(
    (next: SortingState) => void setParams({ vsort: fromSorting(next) }),
    [setParams],
  );
  return (
    <Stack gap="sm">
      <VerdictsToolbar facets={view.facets} />
      <CategoryCounts counts={view.facets.category} />
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {`${formatCount(shown.length)} of ${formatCount(verdicts.length)} verdicts shown`}
        </Text>
        <ExportCsvButton rows={shown} columns={verdictCsvColumns} filename="prisma-verdicts.csv" />
      </Group>
      <VerdictsTable
        verdicts={verdicts}
        rows={view.rows}
        sorting={sorting}
        onSortingChange={onSortingChange}
      />
    </Stack>
  );
}
