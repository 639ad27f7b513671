import { Group, Pagination, Skeleton, Stack, Text } from '@mantine/core';
import type { SortingState, Updater } from '@tanstack/react-table';
import { useTable } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { DataTable } from '../../../components/data-table.tsx';
import { formatCount } from '../../../lib/format-count.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { machineColumns, machineCsvColumns, machineFeatures } from './machine-columns.tsx';
import { type MachineSort, machineParams, matchesMachine, sortMachines } from './machine-filters.ts';
import { MachinesToolbar } from './machines-toolbar.tsx';
import { SourceStatus } from './source-status.tsx';
import { useMachines } from './use-machines.ts';

const pageSize = 50;

function toSorting(sort: MachineSort): SortingState {
  return [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
}

/** "All machines": one row per physical machine across Cylance, ESET and Prisma (issue #6). */
export function MachinesTab() {
  const [params, setParams] = useQueryStates(machineParams, { history: 'push' });
  const { machines, cylance, eset, prisma } = useMachines();
  const filtered = useMemo(
    () =>
      machines
        ? sortMachines(
            machines.filter((machine) =>
              matchesMachine(machine, {
                q: params.q,
                conflicts: params.conflicts,
                presence: { cylance: params.cylance, eset: params.eset, prisma: params.prisma },
              }),
            ),
            params.sort,
          )
        : undefined,
    [machines, params.q, params.conflicts, params.cylance, params.eset, params.prisma, params.sort],
  );
  const pages = Math.max(1, Math.ceil((filtered?.length ?? 0) / pageSize));
  const page = Math.min(params.page, pages);
  const rows = useMemo(() => filtered?.slice((page - 1) * pageSize, page * pageSize) ?? [], [filtered, page]);
  const sorting = toSorting(params.sort);
  const table = useTable({
    features: machineFeatures,
    columns: machineColumns,
    data: rows,
    getRowId: (machine) => machine.key,
    manualSorting: true,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = typeof updater === 'function' ? updater(sorting) : updater;
      void setParams({
        sort: next ? (`${next.desc ? '-' : ''}${next.id}` as MachineSort) : null,
        page: null,
      });
    },
  });

  return (
    <Stack gap="sm">
      <SourceStatus cylance={cylance} eset={eset} prisma={prisma.state} onResumePrisma={prisma.resume} />
      <MachinesToolbar />
      {!filtered ? (
        <Skeleton height={240} role="status" aria-label="Loading machines" />
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm">
              {formatCount(filtered.length)} of {formatCount(machines?.length ?? 0)} machines ·{' '}
              {formatCount(filtered.filter((machine) => machine.sources.length === 3).length)} known to all
              three vendors
            </Text>
            <ExportCsvButton rows={filtered} columns={machineCsvColumns} filename="machines.csv" />
          </Group>
          <DataTable
            table={table}
            caption="Machines"
            empty={
              <Text>
                {machines?.length ? 'No machine matches these filters.' : 'No vendor knows any machine yet.'}
              </Text>
            }
          />
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={(next) => void setParams({ page: next })}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
