import { Button, Text } from '@mantine/core';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { FileRetrieval } from '../../api/cylance/schemas.ts';
import type { CsvColumn } from '../../lib/csv.ts';
import { formatVendorTime } from '../../lib/vendor-time.ts';
import { FileStatusBadge } from './file-status-badge.tsx';

export const historyFeatures = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof historyFeatures, FileRetrieval>();

/** Column ids are the vendor's sort keys, so the table's sorting state maps 1:1 onto `sort=`. */
export function historyColumns(onTrack: (row: FileRetrieval) => void) {
  return helper.columns([
    helper.accessor('created_at', {
      header: 'Requested',
      sortDescFirst: true,
      cell: ({ getValue }) => <Text size="sm">{formatVendorTime(getValue())}</Text>,
    }),
    helper.accessor('hostname', {
      header: 'Device',
      cell: ({ row }) => (
        <div>
          <Text size="sm">{row.original.hostname ?? '—'}</Text>
          <Text size="xs" ff="monospace">
            {row.original.device_id}
          </Text>
        </div>
      ),
    }),
    helper.accessor('filepath', {
      header: 'Path',
      cell: ({ getValue }) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {getValue()}
        </Text>
      ),
    }),
    helper.accessor('file_status', {
      header: 'Status',
      cell: ({ getValue }) => <FileStatusBadge status={getValue()} />,
    }),
    helper.accessor('user_login', {
      header: 'Requested by',
      cell: ({ getValue }) => <Text size="sm">{getValue() ?? '—'}</Text>,
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      enableSorting: false,
      cell: ({ row }) => (
        <Button
          size="compact-xs"
          variant="light"
          onClick={() => onTrack(row.original)}
          aria-label={`Track ${row.original.hostname ?? row.original.device_id} ${row.original.filepath}`}
        >
          Track
        </Button>
      ),
    }),
  ]);
}

/** CSV of the rows on screen; the password and the download link are never exported. */
export const historyCsvColumns: CsvColumn<FileRetrieval>[] = [
  { header: 'created_at', value: (row) => row.created_at },
  { header: 'hostname', value: (row) => row.hostname },
  { header: 'device_id', value: (row) => row.device_id },
  { header: 'filepath', value: (row) => row.filepath },
  { header: 'file_status', value: (row) => row.file_status },
  { header: 'user_login', value: (row) => row.user_login },
];
