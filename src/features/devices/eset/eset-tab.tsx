import { Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useQueryStates } from 'nuqs';
import { EsetDeviceList } from './eset-device-list.tsx';
import { EsetGroupMembers } from './eset-group-members.tsx';
import { EsetGroupTree } from './eset-group-tree.tsx';
import { esetTabParams } from './eset-params.ts';
import { EsetPreparingNotice } from './eset-preparing.tsx';
import { EsetSnapshot } from './eset-snapshot.tsx';
import { EsetSnapshotForm } from './eset-snapshot-form.tsx';
import { EsetToolbar } from './eset-toolbar.tsx';
import { useEsetSelection } from './use-selection.ts';

/** The ESET tab: devices (vendor filters, pageToken paging), the group tree with members, and snapshots. */
export function EsetTab() {
  const [{ group, uuids }, setParams] = useQueryStates(
    { group: esetTabParams.group, uuids: esetTabParams.uuids },
    { history: 'push' },
  );
  const selection = useEsetSelection();
  return (
    <Stack gap="md">
      <EsetPreparingNotice />
      {uuids !== null && <EsetSnapshot raw={uuids} onClose={() => void setParams({ uuids: null })} />}
      <Paper withBorder p="sm">
        <Group justify="space-between" align="flex-end">
          <Group gap="xs" align="center">
            <Text size="sm">{selection.selected.length} selected</Text>
            <Button
              size="xs"
              disabled={selection.selected.length === 0}
              onClick={() => void setParams({ uuids: selection.selected.join(',') })}
            >
              Snapshot
            </Button>
            <Button
              size="xs"
              variant="subtle"
              disabled={selection.selected.length === 0}
              onClick={selection.clear}
            >
              Clear selection
            </Button>
          </Group>
          <EsetSnapshotForm onSubmit={(raw) => void setParams({ uuids: raw })} />
        </Group>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 3, lg: 2 }}>
          <EsetGroupTree selected={group} onSelect={(uuid) => void setParams({ group: uuid })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, lg: 10 }}>
          {group ? (
            <EsetGroupMembers groupUuid={group} />
          ) : (
            <Stack gap="sm">
              <EsetToolbar />
              <EsetDeviceList />
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
