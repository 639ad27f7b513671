import { Group, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { esetDeviceGroupQueries } from '../../../api/eset/device-groups.ts';
import type { EsetMemberDevice } from '../../../api/eset/schemas.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { ErrorState } from '../../../components/error-state.tsx';
import type { CsvColumn } from '../../../lib/csv.ts';
import { formatCount } from '../../../lib/format-count.ts';
import { ExportCsvButton } from '../shared/export-csv-button.tsx';
import { type esetFeatures, esetNameColumn, esetSelectColumn } from './eset-columns.tsx';
import { EsetGroupName, groupNames } from './eset-group-name.tsx';
import { EsetLoadMore } from './eset-load-more.tsx';
import { esetTabParams } from './eset-params.ts';
import { esetGroupMemberPages } from './eset-queries.ts';
import { useEsetSelectableTable } from './use-selection.ts';

const helper = createColumnHelper<typeof esetFeatures, EsetMemberDevice>();
const memberColumns = helper.columns([
  esetSelectColumn<EsetMemberDevice>('members'),
  esetNameColumn<EsetMemberDevice>(),
  helper.accessor('groupUuid', {
    header: 'Member of',
    cell: (info) => <EsetGroupName uuid={info.getValue()} />,
  }),
]);

function memberCsv(groups: ReadonlyMap<string, string>): CsvColumn<EsetMemberDevice>[] {
  return [
    { header: 'uuid', value: (member) => member.uuid },
    { header: 'displayName', value: (member) => member.displayName },
    {
      header: 'group',
      value: (member) => (member.groupUuid ? (groups.get(member.groupUuid) ?? member.groupUuid) : ''),
    },
  ];
}

/** `GET /v1/device_groups/{uuid}/devices`, optionally with subgroups (`recurseSubgroups`). */
export function EsetGroupMembers({ groupUuid }: { groupUuid: string }) {
  const [{ recurse, esize }, setParams] = useQueryStates(
    { recurse: esetTabParams.recurse, esize: esetTabParams.esize },
    { history: 'push' },
  );
  const query = useInfiniteQuery(
    esetGroupMemberPages(groupUuid, { recurseSubgroups: recurse, pageSize: esize }),
  );
  const groups = useQuery({ ...esetDeviceGroupQueries.tree(), select: groupNames });
  // A device in several groups is listed once per group (v1ListMemberDevicesResponse); one row per device.
  const members = useMemo(() => {
    const byUuid = new Map<string, EsetMemberDevice>();
    for (const page of query.data?.pages ?? [])
      for (const member of page.devices) if (!byUuid.has(member.uuid)) byUuid.set(member.uuid, member);
    return [...byUuid.values()];
  }, [query.data]);
  const table = useEsetSelectableTable(memberColumns, members);
  const total = query.data?.pages[0]?.totalSize;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Switch
          label="Include subgroups"
          checked={recurse}
          onChange={(event) => void setParams({ recurse: event.currentTarget.checked })}
        />
        <ExportCsvButton
          rows={members}
          columns={memberCsv(groups.data ?? new Map())}
          filename="eset-group-members.csv"
        />
      </Group>
      {!query.data ? (
        query.error ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <Skeleton height={200} role="status" aria-label="Loading group members" />
        )
      ) : (
        <>
          <Text size="sm">
            {formatCount(members.length)} of {formatCount(total ?? members.length)} members loaded
          </Text>
          {query.isError && <ErrorState error={query.error} onRetry={() => void query.fetchNextPage()} />}
          <DataTable
            table={table}
            caption="ESET group members"
            empty={<Text>This group has no devices.</Text>}
          />
          <EsetLoadMore query={query}>Load more members</EsetLoadMore>
        </>
      )}
    </Stack>
  );
}
