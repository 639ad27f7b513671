import { Group, Pagination, Select, Skeleton, Stack, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTable } from '@tanstack/react-table';
import { parseAsInteger, parseAsNumberLiteral, useQueryStates } from 'nuqs';
import { cylanceDeviceQueries } from '../../../api/cylance/devices.ts';
import type { CylanceDevice } from '../../../api/cylance/schemas.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format-count.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { cylanceColumns, cylanceCsvColumns, cylanceFeatures } from './cylance-columns.tsx';

// 200 is the largest page size every reading of the docs allows (api-contracts.md §1 "Devices").
const pageSizes = [20, 50, 100, 200] as const;
const emptyRows: CylanceDevice[] = [];

export const cylanceTabParams = {
  cpage: parseAsInteger.withDefault(1),
  csize: parseAsNumberLiteral(pageSizes).withDefault(50),
};

export function CylanceTab() {
  const [{ cpage, csize }, setParams] = useQueryStates(cylanceTabParams, { history: 'push' });
  const query = useQuery({ ...cylanceDeviceQueries.list(cpage, csize), placeholderData: keepPreviousData });
  const rows = query.data?.page_items ?? emptyRows;
  const table = useTable({ features: cylanceFeatures, columns: cylanceColumns, data: rows });

  if (!query.data) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return <Skeleton height={240} role="status" aria-label="Loading Cylance devices" />;
  }
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          {formatCount(query.data.total_number_of_items)} Cylance devices · page {query.data.page_number} of{' '}
          {Math.max(1, query.data.total_pages)}
        </Text>
        <Group gap="xs">
          <Select
            aria-label="Devices per page"
            size="xs"
            w={110}
            data={pageSizes.map((size) => ({ value: String(size), label: `${size} / page` }))}
            value={String(csize)}
            allowDeselect={false}
            onChange={(value) =>
              void setParams({ csize: Number(value) as (typeof pageSizes)[number], cpage: 1 })
            }
          />
          <ExportCsvButton
            rows={rows}
            columns={cylanceCsvColumns}
            filename={`cylance-devices-page-${cpage}.csv`}
            label="Export CSV (this page)"
          />
        </Group>
      </Group>
      {query.isError && <ErrorState error={query.error} onRetry={() => void query.refetch()} />}
      <DataTable
        table={table}
        caption="Cylance devices"
        isFetching={query.isPlaceholderData}
        empty={<Text>Cylance knows no devices in this tenant.</Text>}
      />
      {query.data.total_pages > 1 && (
        <Pagination
          total={query.data.total_pages}
          value={cpage}
          onChange={(page) => void setParams({ cpage: page })}
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
        />
      )}
    </Stack>
  );
}
