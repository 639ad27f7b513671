import {
  Button,
  Group,
  Pagination,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type SortingState, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { fileRetrievalQueries } from '../../api/cylance/file-retrievals.ts';
import type { FileRetrieval } from '../../api/cylance/schemas.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { downloadCsv, toCsv } from '../../lib/csv.ts';
import { fileStatusMeanings } from '../../tracking/file-retrieval-status.ts';
import { historyColumns, historyCsvColumns, historyFeatures } from './history-columns.tsx';
import { pageSizes, useHistoryState } from './url-state.ts';

const emptyRows: FileRetrieval[] = [];
const statusOptions = [
  { value: '', label: 'Any status' },
  ...Object.entries(fileStatusMeanings).map(([value, meaning]) => ({ value, label: meaning.label })),
];

function matchesPage(row: FileRetrieval, status: string, text: string): boolean {
  if (status && row.file_status !== status) return false;
  if (!text) return true;
  const needle = text.toLowerCase();
  return [row.hostname, row.device_id, row.filepath].some((value) => value?.toLowerCase().includes(needle));
}

/** `GET retrieved_files`, paged and sorted by the vendor; the status/text filters narrow this page only. */
export function HistoryTable({ onTrack }: { onTrack: (row: FileRetrieval) => void }) {
  const [state, setState] = useHistoryState();
  const query = useQuery({
    ...fileRetrievalQueries.history({ page: state.page, pageSize: state.size, sort: state.sort }),
    placeholderData: keepPreviousData,
  });
  const rows = query.data?.page_items ?? emptyRows;
  const shown = useMemo(
    () => rows.filter((row) => matchesPage(row, state.status, state.q)),
    [rows, state.status, state.q],
  );
  const sorting: SortingState = [{ id: state.sort.replace(/^-/, ''), desc: state.sort.startsWith('-') }];
  const columns = useMemo(() => historyColumns(onTrack), [onTrack]);
  const table = useTable({
    features: historyFeatures,
    columns,
    data: shown,
    manualSorting: true,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      if (next) void setState({ sort: `${next.desc ? '-' : ''}${next.id}` as typeof state.sort, page: 1 });
    },
  });
  const filtered = state.status !== '' || state.q !== '';

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="retrieval-history">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="retrieval-history">
            History
          </Title>
          <Button
            size="xs"
            variant="default"
            disabled={shown.length === 0}
            onClick={() =>
              downloadCsv(`file-retrievals-page-${state.page}.csv`, toCsv(shown, historyCsvColumns))
            }
          >
            Export CSV
          </Button>
        </Group>
        <Group align="end" gap="sm">
          <Select
            label="Status (this page only)"
            data={statusOptions}
            value={state.status}
            onChange={(value) => void setState({ status: value ?? '' })}
            allowDeselect={false}
            w={200}
          />
          <TextInput
            label="Host, device id or path (this page only)"
            value={state.q}
            onChange={(event) => void setState({ q: event.currentTarget.value })}
            w={320}
          />
        </Group>
        <Text size="xs">
          The vendor's history API pages and sorts but has no documented filters, so these two filters narrow
          the rows of the current page only.
          {filtered && query.data && ` Showing ${shown.length} of ${rows.length} rows on this page.`}
        </Text>
        {query.data ? (
          <>
            {query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
            <DataTable
              table={table}
              caption="File retrieval history"
              isFetching={query.isFetching}
              empty={
                <Text>{filtered ? 'No row of this page matches the filters.' : 'No retrievals yet.'}</Text>
              }
            />
            <Group justify="space-between">
              <Text size="sm">{query.data.total_number_of_items} retrievals in total</Text>
              <Group gap="sm">
                <Pagination
                  total={Math.max(1, query.data.total_pages)}
                  value={state.page}
                  onChange={(page) => void setState({ page })}
                  size="sm"
                  getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                  getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
                />
                <Select
                  aria-label="Rows per page"
                  data={pageSizes.map(String)}
                  value={String(state.size)}
                  onChange={(value) => {
                    const size = pageSizes.find((option) => String(option) === value);
                    if (size) void setState({ size, page: 1 });
                  }}
                  allowDeselect={false}
                  w={90}
                  size="xs"
                />
              </Group>
            </Group>
          </>
        ) : query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Skeleton h={200} role="status" aria-label="Loading the history" />
        )}
      </Stack>
    </Paper>
  );
}
