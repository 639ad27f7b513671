import { Badge, Drawer, Group, NativeSelect, Pagination, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { packageQueries } from '../../api/cylance/packages.ts';
import { gatewayQueries } from '../../api/gateway/config.ts';
import { ErrorState } from '../../components/error-state.tsx';
import { downloadCsv, toCsv } from '../../lib/csv.ts';
import { formatCount } from '../../lib/format-count.ts';
import { packageCsvColumns } from './columns.tsx';
import { PackageDetails } from './package-details.tsx';
import { PackagesTable } from './packages-table.tsx';
import { PackagesToolbar } from './packages-toolbar.tsx';
import { BeyondLastPage, NoPackages } from './page-states.tsx';
import { type PackagesView, packagePageSizes, toVendorQuery, usePackagesUrlState } from './url-state.ts';

const pageSizeOptions = packagePageSizes.map(String);

/** `/packages`: the tenant's Optics packages, paged, sorted and filtered by the vendor (issue #5). */
export function PackagesPage() {
  const [{ package: selectedId, ...view }, setUrl] = usePackagesUrlState();
  const packages = useQuery({
    ...packageQueries.list(toVendorQuery(view)),
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
  const config = useQuery(gatewayQueries.config());
  const envelope = packages.data;
  const rows = envelope?.page_items;
  const selected = rows?.find((item) => item.packageId === selectedId);

  // A new sort, filter or page size starts again at page 1 and closes the details panel.
  const change = (next: Partial<PackagesView>) => setUrl({ page: null, ...next, package: null });

  const exportPage = () => {
    if (rows) downloadCsv(`packages-page-${view.page}.csv`, toCsv(rows, packageCsvColumns));
  };

  const beyondLast = envelope !== undefined && rows?.length === 0 && view.page > 1;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">
          Packages
        </Title>
        {envelope && (
          <Group gap="xs">
            {packages.isError && (
              <Badge color="orange" variant="dot">
                Refresh failed: showing earlier data
              </Badge>
            )}
            <Text size="sm" aria-live="polite">
              {formatCount(envelope.total_number_of_items)} packages · page {envelope.page_number} of{' '}
              {Math.max(envelope.total_pages, 1)}
            </Text>
          </Group>
        )}
      </Group>
      <PackagesToolbar
        view={view}
        onChange={change}
        onExport={exportPage}
        canExport={Boolean(rows?.length)}
      />
      {envelope ? (
        beyondLast ? (
          <BeyondLastPage view={view} lastPage={Math.max(envelope.total_pages, 1)} />
        ) : (
          <PackagesTable
            rows={rows}
            sort={view.sort}
            onSortChange={(sort) => change({ sort })}
            onOpen={(packageId) => void setUrl({ package: packageId })}
            isFetching={packages.isPlaceholderData}
            empty={<NoPackages view={view} />}
          />
        )
      ) : packages.isError ? (
        <ErrorState error={packages.error} onRetry={() => packages.refetch()} />
      ) : (
        <Skeleton height={320} role="status" aria-label="Loading packages" />
      )}
      {envelope && envelope.total_pages > 0 && !beyondLast && (
        <Group justify="space-between" component="nav" aria-label="Packages pages">
          <Pagination
            total={envelope.total_pages}
            value={view.page}
            onChange={(page) => setUrl({ page, package: null })}
            withEdges
            getItemProps={(page) => ({ 'aria-label': `Page ${page}` })}
            getControlProps={(control) => ({ 'aria-label': `${control} page` })}
          />
          <NativeSelect
            label="Rows per page"
            value={String(view.pageSize)}
            data={pageSizeOptions}
            onChange={(event) =>
              change({ pageSize: Number(event.currentTarget.value) as PackagesView['pageSize'] })
            }
          />
        </Group>
      )}
      <Drawer
        opened={selectedId !== null}
        onClose={() => setUrl({ package: null })}
        position="right"
        size="lg"
        title={selected?.packageDescriptor.name ?? 'Package'}
        closeButtonProps={{ 'aria-label': 'Close details' }}
      >
        {selected ? (
          <PackageDetails item={selected} demo={config.data?.mode === 'demo'} />
        ) : (
          <Text size="sm">{envelope ? 'This package is not on the current page.' : 'Loading…'}</Text>
        )}
      </Drawer>
    </Stack>
  );
}
