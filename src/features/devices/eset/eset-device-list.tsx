import { Group, Skeleton, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { esetDeviceGroupQueries } from '../../../api/eset/device-groups.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format-count.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { esetCsvColumns, esetSelectableColumns } from './eset-columns.tsx';
import { groupNames } from './eset-group-name.tsx';
import { EsetLoadMore } from './eset-load-more.tsx';
import { esetFiltersOf, esetTabParams } from './eset-params.ts';
import { esetDevicePages } from './eset-queries.ts';
import { useEsetSelectableTable } from './use-selection.ts';

/** GET /v1/devices with the vendor filters, page after page (`pageToken`). */
export function EsetDeviceList() {
  const [params] = useQueryStates(esetTabParams);
  const filters = esetFiltersOf(params);
  const query = useInfiniteQuery(esetDevicePages(filters, params.esize));
  const groups = useQuery({ ...esetDeviceGroupQueries.tree(), select: groupNames });
  const devices = useMemo(() => query.data?.pages.flatMap((page) => page.devices) ?? [], [query.data]);
  const table = useEsetSelectableTable(esetSelectableColumns, devices);

  if (!query.data) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return <Skeleton height={240} role="status" aria-label="Loading ESET devices" />;
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          {formatCount(devices.length)} ESET devices loaded{query.hasNextPage ? ' (more available)' : ''}
        </Text>
        <ExportCsvButton
          rows={devices}
          columns={esetCsvColumns(groups.data ?? new Map())}
          filename="eset-devices.csv"
        />
      </Group>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
      <DataTable
        table={table}
        caption="ESET devices"
        isFetching={query.isFetching && !query.isFetchingNextPage}
        empty={<Text>No ESET device matches these filters.</Text>}
      />
      <EsetLoadMore query={query}>Load more</EsetLoadMore>
    </Stack>
  );
}
