import { Anchor, Checkbox, Code, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, rowSelectionFeature, tableFeatures } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { EsetDevice } from '../../../api/eset/schemas.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import { RelativeTime } from '../../../components/relative-time.tsx';
import type { CsvColumn } from '../../../lib/csv.ts';
import { EsetFunctionalityBadge, esetMacs } from '../shared/eset-status.tsx';
import { EsetGroupName } from './eset-group-name.tsx';

export const esetFeatures = tableFeatures({ rowSelectionFeature });
const helper = createColumnHelper<typeof esetFeatures, EsetDevice>();

export function esetDeviceHref(uuid: string): string {
  return `/devices/${encodeURIComponent(`eset:${uuid}`)}`;
}

/** What the device list and the group members both show of a device: its UUID and, if set, its name. */
interface EsetNamedDevice {
  uuid: string;
  displayName?: string | null | undefined;
}

/** A checkbox per row (and one for all loaded rows) to choose devices for a snapshot. */
export function esetSelectColumn<Row extends EsetNamedDevice>(rowsNoun: string) {
  return createColumnHelper<typeof esetFeatures, Row>().display({
    id: 'select',
    header: ({ table }) => (
      <Checkbox
        aria-label={`Select all loaded ${rowsNoun}`}
        checked={table.getIsAllRowsSelected()}
        indeterminate={table.getIsSomeRowsSelected()}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select ${row.original.displayName ?? row.original.uuid}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  });
}

/** The name links to the device page; the UUID is one click away for pasting elsewhere. */
export function esetNameColumn<Row extends EsetNamedDevice>() {
  return createColumnHelper<typeof esetFeatures, Row>().accessor(
    (device) => device.displayName ?? device.uuid,
    {
      id: 'name',
      header: 'Name',
      cell: (info) => (
        <Group gap={4} wrap="nowrap">
          <Anchor
            component={Link}
            to={esetDeviceHref(info.row.original.uuid)}
            fw={500}
            style={{ whiteSpace: 'nowrap' }}
          >
            {info.getValue()}
          </Anchor>
          <CopyButton value={info.row.original.uuid} label={`Copy ESET UUID of ${info.getValue()}`} />
        </Group>
      ),
    },
  );
}

const detailColumns = [
  esetNameColumn<EsetDevice>(),
  helper.accessor('functionalityStatus', {
    header: 'Functionality',
    cell: (info) => (
      // The problem count and "Muted" under the badge, not beside it or in a column of their own: the
      // table then fits beside the group tree on a 1 400 px screen.
      <Stack gap={2} align="flex-start">
        <EsetFunctionalityBadge status={info.getValue()} />
        {Boolean(info.row.original.functionalityProblemCount) && (
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            {info.row.original.functionalityProblemCount}{' '}
            {info.row.original.functionalityProblemCount === 1 ? 'problem' : 'problems'}
          </Text>
        )}
        {info.row.original.isMuted && (
          <Text size="xs" c="dimmed" title="Notifications from this device are muted in ESET">
            Muted
          </Text>
        )}
      </Stack>
    ),
  }),
  helper.accessor((device) => device.operatingSystem?.displayName ?? '', { id: 'os', header: 'OS' }),
  // The IP over the MACs in one column rather than two: with the group tree beside it, the table then fits a
  // 1 400 px screen with room for longer names (e2e/layout.spec.ts). The CSV keeps them apart.
  helper.accessor((device) => device.primaryLocalIpAddress ?? '', {
    id: 'addresses',
    header: 'IP / MAC addresses',
    cell: (info) => (
      <Stack gap={2} align="flex-start">
        <Text size="sm">{info.getValue() || '—'}</Text>
        {esetMacs(info.row.original).map((mac) => (
          <Code key={mac}>{mac}</Code>
        ))}
      </Stack>
    ),
  }),
  helper.accessor('parentGroupUuid', {
    header: 'Group',
    cell: (info) => <EsetGroupName uuid={info.getValue()} />,
  }),
  helper.accessor((device) => device.lastSyncTime ?? '', {
    id: 'lastSync',
    header: 'Last sync',
    cell: (info) => <RelativeTime value={info.getValue()} />,
  }),
];

/** The device list: a checkbox per row to choose devices for a snapshot. */
export const esetSelectableColumns = helper.columns([
  esetSelectColumn<EsetDevice>('devices'),
  ...detailColumns,
]);

/** The snapshot: the same columns, nothing to select. */
export const esetSnapshotColumns = helper.columns(detailColumns);

export function esetCsvColumns(groups: ReadonlyMap<string, string>): CsvColumn<EsetDevice>[] {
  return [
    { header: 'uuid', value: (device) => device.uuid },
    { header: 'displayName', value: (device) => device.displayName },
    { header: 'functionalityStatus', value: (device) => device.functionalityStatus },
    { header: 'functionalityProblemCount', value: (device) => device.functionalityProblemCount },
    { header: 'os', value: (device) => device.operatingSystem?.displayName },
    { header: 'primaryLocalIpAddress', value: (device) => device.primaryLocalIpAddress },
    { header: 'macAddresses', value: (device) => esetMacs(device).join(' ') },
    {
      header: 'group',
      value: (device) =>
        device.parentGroupUuid ? (groups.get(device.parentGroupUuid) ?? device.parentGroupUuid) : '',
    },
    { header: 'lastSyncTime', value: (device) => device.lastSyncTime },
    { header: 'isMuted', value: (device) => device.isMuted },
  ];
}
