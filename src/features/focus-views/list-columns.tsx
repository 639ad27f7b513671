import { Anchor, Checkbox, Code, Group, Text, VisuallyHidden } from '@mantine/core';
import {
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  type SortingState,
  tableFeatures,
} from '@tanstack/react-table';
import { Link } from 'react-router';
import type { FocusView } from '../../api/cylance/schemas.ts';
import { CopyButton } from '../../components/copy-button.tsx';
import { ShortId } from '../../components/short-id.tsx';
import { StatusBadge } from '../../components/status-badge.tsx';
import type { CsvColumn } from '../../lib/csv.ts';
import { formatVendorTimeBare } from '../../lib/vendor-time.ts';
import { focusStatusMeanings } from './status.ts';
import type { ListSort } from './url-state.ts';

// Sorting is the vendor's (manual); selection is the URL's.
export const listFeatures = tableFeatures({ rowSortingFeature, rowSelectionFeature });
const column = createColumnHelper<typeof listFeatures, FocusView>();
// A time or a hostname broken over three lines makes every row three times as tall.
const oneLine = { whiteSpace: 'nowrap' } as const;

/** Columns that sort at the vendor, by the key the list sends (api-contracts.md §1 `sort=`). */
const sortable = new Set(['created_at', 'hostname', 'status', 'artifact_type', 'description']);

export function sortToSorting(sort: ListSort): SortingState {
  const desc = sort.startsWith('-');
  return [{ id: desc ? sort.slice(1) : sort, desc }];
}

export function sortingToSort(sorting: SortingState, fallback: ListSort): ListSort {
  const [first] = sorting;
  if (!first || !sortable.has(first.id)) return fallback;
  return (first.desc ? `-${first.id}` : first.id) as ListSort;
}

/** An id and its copy button; `short` shows its first characters only (components/short-id.tsx). */
export function IdCell({ value, label, short = false }: { value: string; label: string; short?: boolean }) {
  return (
    <Group gap={2} wrap="nowrap">
      {short ? <ShortId value={value} /> : <Code fz="xs">{value}</Code>}
      <CopyButton value={value} label={`Copy ${label}`} />
    </Group>
  );
}

export const listColumns = column.columns([
  column.display({
    id: 'select',
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all focus views on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()}
        onChange={table.getToggleAllPageRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select focus view ${row.original.value} on ${row.original.hostname ?? row.original.device_id}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
    enableSorting: false,
  }),
  column.accessor('created_at', {
    header: 'Created (UTC)',
    cell: (info) => (
      <Text span size="sm" style={oneLine}>
        {formatVendorTimeBare(info.getValue())}
      </Text>
    ),
  }),
  column.accessor('hostname', {
    header: 'Hostname',
    cell: (info) => (
      <Text span size="sm" style={oneLine}>
        {info.getValue() ?? '—'}
      </Text>
    ),
  }),
  column.accessor('artifact_type', { header: 'Artifact' }),
  column.accessor('description', {
    header: 'Description',
    cell: (info) => (
      <Text size="sm" lineClamp={2} miw={200}>
        {info.getValue() ?? ''}
      </Text>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    cell: (info) => <StatusBadge status={info.getValue()} meanings={focusStatusMeanings} variant="dot" />,
  }),
  column.display({
    id: 'open',
    header: 'Summary',
    enableSorting: false,
    cell: ({ row }) => (
      <Anchor component={Link} to={`/focus-views/${encodeURIComponent(row.original.id)}`} size="sm">
        Open<VisuallyHidden>{` focus view ${row.original.value}`}</VisuallyHidden>
      </Anchor>
    ),
  }),
  // The two 32-character ids last and short: shown whole they pushed the row 300 px past a 1 400 px screen;
  // ids are copied more than read.
  column.accessor('device_id', {
    header: 'Device id',
    enableSorting: false,
    cell: (info) => <IdCell value={info.getValue()} label="device id" short />,
  }),
  column.accessor('value', {
    header: 'Event uid',
    enableSorting: false,
    cell: (info) => <IdCell value={info.getValue()} label="event uid" short />,
  }),
]);

export const listCsvColumns: CsvColumn<FocusView>[] = [
  { header: 'id', value: (row) => row.id },
  { header: 'created_at', value: (row) => row.created_at },
  { header: 'hostname', value: (row) => row.hostname },
  { header: 'device_id', value: (row) => row.device_id },
  { header: 'uid', value: (row) => row.value },
  { header: 'artifact_type', value: (row) => row.artifact_type },
  { header: 'threat_type', value: (row) => row.threat_type },
  { header: 'description', value: (row) => row.description },
  { header: 'status', value: (row) => row.status },
];
