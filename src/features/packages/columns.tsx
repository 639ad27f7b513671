import { Anchor, Text } from '@mantine/core';
import {
  createColumnHelper,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
} from '@tanstack/react-table';
import { createContext, useContext } from 'react';
import type { Package, PackageSortKey } from '../../api/cylance/schemas.ts';
import { HoverTooltip } from '../../components/hover-tooltip.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { StatusBadge, type StatusMeaning } from '../../components/status-badge.tsx';
import type { CsvColumn } from '../../lib/csv.ts';
import { formatBytes, formatExactBytes } from './format.ts';
import { defaultPackageSort, type PackageSort } from './url-state.ts';

/** Seed 004: the package's upload status. */
export const packageStatusMeanings: Record<string, StatusMeaning> = {
  started: { label: 'started', color: 'blue', description: 'The upload is in progress' },
  success: { label: 'success', color: 'green', description: 'Uploaded and ready to run' },
  failed: { label: 'failed', color: 'red', description: 'The upload failed' },
  timeout: {
    label: 'timeout',
    color: 'orange',
    description: 'The upload did not finish within the package timeout',
  },
};

// Sorting is the vendor's (manual): the table only tracks which column shows the sort mark.
export const packageTableFeatures = tableFeatures({ rowSortingFeature });
const column = createColumnHelper<typeof packageTableFeatures, Package>();

/** Columns that sort, and the vendor sort key (seed 004) each one sends. */
const sortKeyByColumn: Record<string, PackageSortKey> = {
  name: 'packageDescriptor.name',
  status: 'status',
  size: 'size',
  uploadedBy: 'uploadedBy.login',
  uploadedOn: 'uploadedOn',
  timeout: 'timeout',
};

export function sortToSortingState(sort: PackageSort): SortingState {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const id = Object.keys(sortKeyByColumn).find((columnId) => sortKeyByColumn[columnId] === key);
  return id ? [{ id, desc }] : [];
}

export function sortingStateToSort(sorting: SortingState): PackageSort {
  const [first] = sorting;
  const key = first ? sortKeyByColumn[first.id] : undefined;
  if (!first || !key) return defaultPackageSort;
  return first.desc ? `-${key}` : key;
}

/**
 * Opens a package's details panel (`?package=`), from the page's URL state: in context, so the column
 * definitions stay at module level and the 50 names of a page share one URL-state hook instead of one each.
 */
export const OpenPackageContext = createContext<(packageId: string) => void>(() => undefined);

/** The name opens the details panel; a button, so it works from the keyboard. */
function PackageName({ item }: { item: Package }) {
  const open = useContext(OpenPackageContext);
  return (
    // Body text colour, underlined: the primary link shade misses AA contrast on striped rows.
    <Anchor
      component="button"
      type="button"
      fz="sm"
      fw={500}
      c="bright"
      underline="always"
      onClick={() => open(item.packageId)}
    >
      {item.packageDescriptor.name}
    </Anchor>
  );
}

export const packageColumns = column.columns([
  column.accessor((item) => item.packageDescriptor.name, {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <PackageName item={row.original} />,
  }),
  column.accessor((item) => item.packageDescriptor.version ?? '', {
    id: 'version',
    header: 'Version',
    enableSorting: false,
  }),
  column.accessor('category', { header: 'Category', enableSorting: false }),
  column.accessor('status', {
    header: 'Status',
    cell: ({ getValue }) => (
      <StatusBadge status={getValue()} meanings={packageStatusMeanings} variant="dot" />
    ),
  }),
  column.accessor('size', {
    header: 'Size',
    cell: ({ getValue }) => (
      <HoverTooltip label={formatExactBytes(getValue())} withArrow>
        <Text span size="sm">
          {formatBytes(getValue())}
        </Text>
      </HoverTooltip>
    ),
  }),
  column.accessor((item) => item.uploadedBy?.login ?? '', { id: 'uploadedBy', header: 'Uploaded by' }),
  column.accessor('uploadedOn', {
    header: 'Uploaded on',
    cell: ({ getValue }) => <RelativeTime value={getValue()} />,
  }),
  column.accessor((item) => item.playbookCount ?? 0, {
    id: 'playbookCount',
    header: 'Playbooks',
    enableSorting: false,
  }),
  column.accessor((item) => item.timeout ?? null, {
    id: 'timeout',
    header: 'Timeout',
    cell: ({ getValue }) => (getValue() === null ? '—' : `${getValue()} s`),
  }),
]);

/** The CSV of the current page: exact values, not the on-screen abbreviations. */
export const packageCsvColumns: CsvColumn<Package>[] = [
  { header: 'packageId', value: (item) => item.packageId },
  { header: 'name', value: (item) => item.packageDescriptor.name },
  { header: 'version', value: (item) => item.packageDescriptor.version },
  { header: 'category', value: (item) => item.category },
  { header: 'status', value: (item) => item.status },
  { header: 'size (bytes)', value: (item) => item.size },
  { header: 'uploadedBy', value: (item) => item.uploadedBy?.login },
  { header: 'uploadedOn (UTC)', value: (item) => item.uploadedOn },
  { header: 'playbookCount', value: (item) => item.playbookCount },
  { header: 'timeout (s)', value: (item) => item.timeout },
];
