import { Anchor, Code, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { CylanceDevice } from '../../../api/cylance/schemas.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import type { CsvColumn } from '../../../lib/csv.ts';
import { CylanceStateBadge, cylanceLastSeen } from '../shared/cylance-state.tsx';

export const cylanceFeatures = tableFeatures({});
const helper = createColumnHelper<typeof cylanceFeatures, CylanceDevice>();

function List({ values }: { values: readonly string[] | null | undefined }) {
  if (!values?.length) return <Text>—</Text>;
  return (
    <Stack gap={0}>
      {values.map((value) => (
        <Code key={value}>{value}</Code>
      ))}
    </Stack>
  );
}

export const cylanceColumns = helper.columns([
  helper.accessor('name', {
    header: 'Name',
    cell: (info) => (
      <Group gap={4} wrap="nowrap">
        <Anchor
          component={Link}
          to={`/devices/${encodeURIComponent(`cylance:${info.row.original.id}`)}`}
          fw={500}
        >
          {info.getValue()}
        </Anchor>
        <CopyButton value={info.row.original.id} label={`Copy Cylance id of ${info.getValue()}`} />
      </Group>
    ),
  }),
  helper.accessor('state', {
    header: 'State',
    cell: (info) => <CylanceStateBadge state={info.getValue()} />,
  }),
  helper.accessor('ip_addresses', {
    header: 'IP addresses',
    cell: (info) => <List values={info.getValue()} />,
  }),
  helper.accessor('mac_addresses', {
    header: 'MAC addresses',
    cell: (info) => <List values={info.getValue()} />,
  }),
  helper.accessor('agent_version', { header: 'Agent version', cell: (info) => info.getValue() ?? '—' }),
  helper.accessor((device) => device.policy?.name ?? '', { id: 'policy', header: 'Policy' }),
  helper.accessor((device) => cylanceLastSeen(device), { id: 'lastSeen', header: 'Last seen' }),
]);

export const cylanceCsvColumns: CsvColumn<CylanceDevice>[] = [
  { header: 'id', value: (device) => device.id },
  { header: 'name', value: (device) => device.name },
  { header: 'state', value: (device) => device.state },
  { header: 'ip_addresses', value: (device) => device.ip_addresses?.join(' ') },
  { header: 'mac_addresses', value: (device) => device.mac_addresses?.join(' ') },
  { header: 'agent_version', value: (device) => device.agent_version },
  { header: 'policy', value: (device) => device.policy?.name },
  { header: 'last_seen', value: (device) => cylanceLastSeen(device) },
];
