import { Anchor, Code, Stack, Text } from '@mantine/core';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { CsvColumn } from '../../../lib/csv.ts';
import { formatMac } from '../../../lib/mac.ts';
import { ConflictBadges, describeConflict } from '../shared/conflict-badges.tsx';
import { SourceBadges } from '../shared/source-badges.tsx';
import type { Machine } from './machine-filters.ts';

// Sorting is the page's own (filtered, then sorted, then paged in memory); the table only drives the headers.
export const machineFeatures = tableFeatures({ rowSortingFeature });
const helper = createColumnHelper<typeof machineFeatures, Machine>();

export function machineHref(key: string): string {
  return `/devices/${encodeURIComponent(key)}`;
}

/** ESET's OS name when it manages the machine, else what the network fingerprinted. */
export function machineOs(machine: Machine): string {
  return machine.eset[0]?.operatingSystem?.displayName || machine.prisma[0]?.os || '';
}

function Codes({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <Text>—</Text>;
  return (
    <Stack gap={0}>
      {values.map((value) => (
        <Code key={value}>{value}</Code>
      ))}
    </Stack>
  );
}

const matchLabels = { mac: 'MAC', ip: 'IP', hostname: 'Hostname' } as const;

export const machineColumns = helper.columns([
  helper.accessor((machine) => machine.hostname ?? '', {
    id: 'hostname',
    header: 'Machine',
    cell: (info) => (
      <Anchor component={Link} to={machineHref(info.row.original.key)} fw={500}>
        {info.getValue() || info.row.original.ips[0] || info.row.original.key}
      </Anchor>
    ),
  }),
  helper.accessor((machine) => machine.sources.length, {
    id: 'sources',
    header: 'Sources',
    cell: (info) => <SourceBadges sources={info.row.original.sources} />,
  }),
  helper.accessor((machine) => machine.macs, {
    id: 'macs',
    header: 'MAC addresses',
    enableSorting: false,
    cell: (info) => <Codes values={info.getValue().map((mac) => formatMac(mac, 'eset'))} />,
  }),
  helper.accessor((machine) => machine.ips, {
    id: 'ip',
    header: 'IP addresses',
    cell: (info) => <Codes values={info.getValue()} />,
  }),
  helper.accessor((machine) => machineOs(machine), { id: 'os', header: 'OS', enableSorting: false }),
  helper.accessor((machine) => (machine.matchedBy ? matchLabels[machine.matchedBy] : '—'), {
    id: 'matchedBy',
    header: 'Joined by',
    enableSorting: false,
  }),
  helper.accessor((machine) => machine.conflicts.length, {
    id: 'conflicts',
    header: 'Conflicts',
    cell: (info) => <ConflictBadges conflicts={info.row.original.conflicts} />,
  }),
]);

export const machineCsvColumns: CsvColumn<Machine>[] = [
  { header: 'key', value: (machine) => machine.key },
  { header: 'hostname', value: (machine) => machine.hostname },
  { header: 'sources', value: (machine) => machine.sources.join(' ') },
  { header: 'macs', value: (machine) => machine.macs.map((mac) => formatMac(mac, 'eset')).join(' ') },
  { header: 'ips', value: (machine) => machine.ips.join(' ') },
  { header: 'os', value: machineOs },
  { header: 'joined_by', value: (machine) => machine.matchedBy },
  { header: 'conflicts', value: (machine) => machine.conflicts.map(describeConflict).join('; ') },
  { header: 'cylance_ids', value: (machine) => machine.cylance.map((device) => device.id).join(' ') },
  { header: 'eset_uuids', value: (machine) => machine.eset.map((device) => device.uuid).join(' ') },
];
