import { Button, Group, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import type { CsvColumn } from '../../lib/csv.ts';
import { truncate } from '../../lib/device-id.ts';
import { formatTime } from '../../lib/vendor-time.ts';
import type { WatchedFileRetrieval } from '../../tracking/file-retrievals.ts';
import { FileStatusBadge } from './file-status-badge.tsx';

export const trackedFeatures = tableFeatures({});
const helper = createColumnHelper<typeof trackedFeatures, WatchedFileRetrieval>();

/** What the row shows as its status: the live answer, else the last one seen, else what is happening. */
export function shownStatus(item: WatchedFileRetrieval): string | undefined {
  if (item.isRequesting) return undefined;
  return item.status?.file_status ?? item.entry.lastStatus;
}

export interface TrackedActions {
  onOpen: (key: string) => void;
  onUntrack: (key: string) => void;
}

export function trackedColumns({ onOpen, onUntrack }: TrackedActions) {
  return helper.columns([
    helper.display({
      id: 'device',
      header: 'Device',
      cell: ({ row }) => {
        const { entry, status } = row.original;
        return (
          <div>
            <Text size="sm">{status?.hostname ?? entry.hostname ?? 'Unknown host'}</Text>
            <Text size="xs" ff="monospace">
              {entry.deviceId}
            </Text>
          </div>
        );
      },
    }),
    helper.display({
      id: 'path',
      header: 'Path',
      cell: ({ row }) => (
        <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
          {row.original.entry.filePath}
        </Text>
      ),
    }),
    helper.display({
      id: 'status',
      header: 'Status',
      cell: ({ row }) => {
        const item = row.original;
        const status = shownStatus(item);
        if (item.isRequesting) return <Text size="sm">Sending the request…</Text>;
        if (item.entry.requestError && !item.status)
          return (
            <Text size="sm" c="red">
              Request failed: {truncate(item.entry.requestError.message, 60)}
            </Text>
          );
        if (!status) return <Text size="sm">Reading the status…</Text>;
        return <FileStatusBadge status={status} />;
      },
    }),
    helper.display({
      id: 'since',
      header: 'Status seen',
      cell: ({ row }) => <Text size="sm">{formatTime(row.original.entry.statusSince)}</Text>,
    }),
    helper.display({
      id: 'actions',
      header: 'Actions',
      cell: ({ row }) => {
        const { entry } = row.original;
        const label = `${entry.hostname ?? entry.deviceId} ${truncate(entry.filePath, 60)}`;
        return (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => onOpen(entry.key)}
              aria-label={`Details of ${label}`}
            >
              Details
            </Button>
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => onUntrack(entry.key)}
              aria-label={`Stop tracking ${label}`}
            >
              Stop tracking
            </Button>
          </Group>
        );
      },
    }),
  ]);
}

/** CSV of the tracked list: identifiers and statuses only — never the password or the download link. */
export const trackedCsvColumns: CsvColumn<WatchedFileRetrieval>[] = [
  { header: 'device_id', value: (item) => item.entry.deviceId },
  { header: 'hostname', value: (item) => item.status?.hostname ?? item.entry.hostname },
  { header: 'filepath', value: (item) => item.entry.filePath },
  { header: 'file_status', value: (item) => shownStatus(item) },
  { header: 'status_seen_utc', value: (item) => formatTime(item.entry.statusSince) },
  { header: 'md5', value: (item) => item.status?.md5 },
  { header: 'sha1', value: (item) => item.status?.sha1 },
  { header: 'sha256', value: (item) => item.status?.sha256 },
];
