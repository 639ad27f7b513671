import { Group, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useQueryStates } from 'nuqs';
import type { SourceName } from '../../../lib/correlate.ts';
import { typedUrlUpdate } from '../../../lib/typed-url-update.ts';
import { sourceLabels } from '../shared/source-badges.tsx';
import { machineParams } from './machine-filters.ts';

const presenceOptions = [
  { value: 'any', label: 'Any' },
  { value: 'yes', label: 'Known' },
  { value: 'no', label: 'Missing' },
];

export function MachinesToolbar() {
  const [params, setParams] = useQueryStates(machineParams, { history: 'push' });
  const presence = (source: SourceName) => (
    <Stack gap={2} key={source}>
      <Text size="xs" fw={500} id={`presence-${source}`}>
        {sourceLabels[source]}
      </Text>
      <SegmentedControl
        size="xs"
        aria-labelledby={`presence-${source}`}
        data={presenceOptions}
        value={params[source] ?? 'any'}
        onChange={(value) => void setParams({ [source]: value === 'any' ? null : value, page: null })}
      />
    </Stack>
  );
  return (
    <Group gap="md" align="flex-end">
      <TextInput
        label="Search machines"
        placeholder="Hostname, IP or MAC"
        size="xs"
        miw={240}
        value={params.q}
        onChange={(event) =>
          void setParams({ q: event.currentTarget.value || null, page: null }, typedUrlUpdate)
        }
      />
      {presence('cylance')}
      {presence('eset')}
      {presence('prisma')}
      <Switch
        label="Conflicts only"
        checked={params.conflicts}
        onChange={(event) => void setParams({ conflicts: event.currentTarget.checked || null, page: null })}
      />
    </Group>
  );
}
