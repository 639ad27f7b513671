import { Alert, Button, Code, Group, List, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTable } from '@tanstack/react-table';
import { esetDeviceGroupQueries } from '../../../api/eset/device-groups.ts';
import { esetDeviceQueries, maxBatchUuids, parseEsetUuids } from '../../../api/eset/devices.ts';
import type { EsetDevice } from '../../../api/eset/schemas.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format-count.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { esetCsvColumns, esetFeatures, esetSnapshotColumns } from './eset-columns.tsx';
import { groupNames } from './eset-group-name.tsx';

const noDevices: EsetDevice[] = [];

/**
 * The snapshot of `?uuids=`: one atomic `devices:batchGet` (seed 003) per 100 devices. Malformed entries are
 * rejected before any call; an empty list makes no call; a 404 (one unknown UUID fails the whole batch) is
 * resolved by the API layer (api/eset/devices.ts), and the unknown UUIDs are named here.
 */
export function EsetSnapshot({ raw, onClose }: { raw: string; onClose: () => void }) {
  const { uuids, errors } = parseEsetUuids(raw);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Snapshot of {formatCount(uuids.length)} ESET device{uuids.length === 1 ? '' : 's'}
          </Title>
          <Button variant="subtle" size="xs" onClick={onClose}>
            Close snapshot
          </Button>
        </Group>
        {errors.length > 0 && (
          <Alert color="red" title={`${errors.length} entr${errors.length === 1 ? 'y' : 'ies'} rejected`}>
            <List size="sm">
              {errors.map((error) => (
                <List.Item key={error.input}>
                  <Code>{error.input}</Code>: {error.reason}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {uuids.length === 0 ? (
          <Text>No device UUIDs to load: select devices below or paste their UUIDs.</Text>
        ) : (
          <SnapshotResult uuids={uuids} />
        )}
      </Stack>
    </Paper>
  );
}

function SnapshotResult({ uuids }: { uuids: string[] }) {
  const query = useQuery(esetDeviceQueries.snapshot(uuids));
  const groups = useQuery({ ...esetDeviceGroupQueries.tree(), select: groupNames });
  const devices = query.data?.devices ?? noDevices;
  const table = useTable({
    features: esetFeatures,
    columns: esetSnapshotColumns,
    data: devices,
    getRowId: (device) => device.uuid,
  });
  if (!query.data) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return <Skeleton height={160} role="status" aria-label="Loading the snapshot" />;
  }
  const { unknownUuids, partial, batches } = query.data;
  return (
    <Stack gap="sm">
      {unknownUuids.length > 0 && (
        <Alert color="red" title={`ESET does not know ${unknownUuids.length} of these devices`}>
          <Stack gap={4}>
            <Text size="sm">
              The batch is atomic, so ESET refused all of it (404); smaller batches found the UUIDs it does
              not know:
            </Text>
            <List size="sm">
              {unknownUuids.map((uuid) => (
                <List.Item key={uuid}>
                  <Code>{uuid}</Code>
                </List.Item>
              ))}
            </List>
          </Stack>
        </Alert>
      )}
      {unknownUuids.length > 0 && devices.length > 0 && (
        <Text size="sm">
          {partial
            ? `The other ${devices.length} devices were read in smaller batches (a device went away meanwhile), so they are not one consistent time point.`
            : `The other ${devices.length} devices were read again in one batch: they are one consistent time point.`}
        </Text>
      )}
      {batches > 1 && (
        <Text size="sm">
          Read in {batches} batches of up to {maxBatchUuids} devices sent together (the UUIDs travel in the
          request's URL): each batch is one time point, the batches are moments apart.
        </Text>
      )}
      <Group justify="flex-end">
        <ExportCsvButton
          rows={devices}
          columns={esetCsvColumns(groups.data ?? new Map())}
          filename="eset-snapshot.csv"
        />
      </Group>
      <DataTable
        table={table}
        caption="ESET snapshot"
        empty={<Text>None of the requested devices exist at ESET.</Text>}
      />
    </Stack>
  );
}
