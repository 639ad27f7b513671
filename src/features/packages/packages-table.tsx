import { type SortingState, type Updater, useTable } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { Package } from '../../api/cylance/schemas.ts';
import { DataTable } from '../../components/data-table.tsx';
import {
  OpenPackageContext,
  packageColumns,
  packageTableFeatures,
  sortingStateToSort,
  sortToSortingState,
} from './columns.tsx';
import type { PackageSort } from './url-state.ts';

const noRows: Package[] = [];

/** The current page of packages; sorting is the vendor's, so a header click only asks for a new sort. */
export function PackagesTable({
  rows,
  sort,
  onSortChange,
  onOpen,
  isFetching,
  empty,
}: {
  rows: Package[] | undefined;
  sort: PackageSort;
  onSortChange: (sort: PackageSort) => void;
  /** Opens a package's details panel. */
  onOpen: (packageId: string) => void;
  isFetching: boolean;
  empty: ReactNode;
}) {
  const sorting = sortToSortingState(sort);
  const table = useTable({
    features: packageTableFeatures,
    columns: packageColumns,
    data: rows ?? noRows,
    getRowId: (row) => row.packageId,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) =>
      onSortChange(sortingStateToSort(typeof updater === 'function' ? updater(sorting) : updater)),
    manualSorting: true,
    enableMultiSort: false,
    // Always one of the two directions: "no sort" would only mean the vendor default again.
    enableSortingRemoval: false,
  });
  return (
    <OpenPackageContext.Provider value={onOpen}>
      <DataTable table={table} caption="Packages" isFetching={isFetching} empty={empty} screenfulFirst />
    </OpenPackageContext.Provider>
  );
}
