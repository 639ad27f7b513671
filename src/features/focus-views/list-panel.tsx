import { Button, Group, NativeSelect, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type RowSelectionState, type SortingState, type Updater, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { type FocusViewListQuery, focusViewQueries } from '../../api/cylance/focus-views.ts';
import { artifactTypes, type FocusView, focusViewStatuses } from '../../api/cylance/schemas.ts';
import { anyOption } from '../../components/any-option.ts';
import { DataTable } from '../../components/data-table.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { downloadCsv, toCsv } from '../../lib/csv.ts';
import { formatCount } from '../../lib/format-count.ts';
import { listColumns, listCsvColumns, listFeatures, sortingToSort, sortToSorting } from './list-columns.tsx';
import { focusStatusMeanings } from './status.ts';
import { type FocusViewsUrl, listPageSizes, type SetFocusViewsUrl } from './url-state.ts';

const noRows: FocusView[] = [];

/** What the URL asks of the vendor; empty filters stay out of the request. */
export function listQueryOf(url: FocusViewsUrl): FocusViewListQuery {
  return {
    page: url.page,
    page_size: url.size,
    sort: url.sort,
    artifact_type: url.artifact ?? undefined,
    status: url.status ?? undefined,
    hostname: url.hostname || undefined,
    description: url.description || undefined,
    created_at: url.day ?? undefined,
  };
}

/** The existing focus views: `GET /foci/v2`, paged, filtered and sorted by the vendor. */
export function ListPanel({
  url,
  setUrl,
  onLookUp,
}: {
  url: FocusViewsUrl;
  setUrl: SetFocusViewsUrl;
  onLookUp: (views: FocusView[]) => void;
}) {
  const query = useQuery({ ...focusViewQueries.list(listQueryOf(url)), placeholderData: keepPreviousData });
  const rows = query.data?.page_items ?? noRows;
  const sorting = sortToSorting(url.sort);
  const rowSelection = useMemo<RowSelectionState>(
    () => Object.fromEntries(url.pick.map((id) => [id, true as const])),
    [url.pick],
  );
  const table = useTable({
    features: listFeatures,
    columns: listColumns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting, rowSelection },
    onSortingChange: (updater: Updater<SortingState>) =>
      void setUrl({
        sort: sortingToSort(typeof updater === 'function' ? updater(sorting) : updater, url.sort),
        page: 1,
      }),
    onRowSelectionChange: (updater: Updater<RowSelectionState>) => {
      const next = typeof updater === 'function' ? updater(rowSelection) : updater;
      void setUrl({ pick: Object.keys(next).filter((id) => next[id]) }, { history: 'replace' });
    },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
  });
  const picked = rows.filter((row) => rowSelection[row.id]);
  // Typing replaces history (debounced by the parser); choosing from a list pushes.
  const filter = (change: Partial<FocusViewsUrl>, history: 'push' | 'replace' = 'push') =>
    void setUrl({ ...change, page: 1, pick: [] }, { history });

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Artifact type"
          data={[anyOption, ...artifactTypes]}
          value={url.artifact ?? ''}
          onChange={(event) =>
            filter({ artifact: (event.currentTarget.value || null) as FocusViewsUrl['artifact'] })
          }
          w={170}
        />
        <NativeSelect
          label="Status"
          data={[
            anyOption,
            ...focusViewStatuses.map((status) => ({
              value: status,
              label: focusStatusMeanings[status]?.label ?? status,
            })),
          ]}
          value={url.status ?? ''}
          onChange={(event) =>
            filter({ status: (event.currentTarget.value || null) as FocusViewsUrl['status'] })
          }
          w={170}
        />
        <TextInput
          label="Hostname"
          value={url.hostname}
          onChange={(event) => filter({ hostname: event.currentTarget.value }, 'replace')}
          w={170}
        />
        <TextInput
          label="Description"
          value={url.description}
          onChange={(event) => filter({ description: event.currentTarget.value }, 'replace')}
          w={200}
        />
        <TextInput
          label="Created on (UTC)"
          type="date"
          value={url.day ?? ''}
          onChange={(event) => filter({ day: event.currentTarget.value || null })}
          w={160}
        />
      </Group>
      <Group justify="space-between">
        <Text size="sm" aria-live="polite">
          {query.data ? `${formatCount(query.data.total_number_of_items)} focus views` : ' '}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={picked.length === 0}
            onClick={() => {
              onLookUp(picked);
              void setUrl({ pick: [] }, { history: 'replace' });
            }}
          >
            {picked.length === 0
              ? 'Select rows to look them up'
              : `Add ${picked.length} selected to the lookup`}
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={rows.length === 0}
            onClick={() => downloadCsv(`focus-views-page-${url.page}.csv`, toCsv(rows, listCsvColumns))}
          >
            Export this page (CSV)
          </Button>
        </Group>
      </Group>
      {query.data ? (
        <DataTable
          table={table}
          caption="Existing focus views"
          isFetching={query.isFetching}
          empty={<Text>No focus views match these filters.</Text>}
        />
      ) : query.error ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Text>Loading focus views…</Text>
      )}
      {query.data && query.error && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      <Group justify="space-between">
        <Pagination
          total={query.data?.total_pages ?? 0}
          value={url.page}
          onChange={(page) => void setUrl({ page, pick: [] })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        />
        <NativeSelect
          label="Rows per page"
          data={listPageSizes.map(String)}
          value={String(url.size)}
          onChange={(event) =>
            void setUrl({ size: Number(event.currentTarget.value) as FocusViewsUrl['size'], page: 1 })
          }
          w={120}
        />
      </Group>
    </Stack>
  );
}
