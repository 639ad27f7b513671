import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { esetDeviceGroupQueries } from '../../../api/eset/device-groups.ts';
import type { EsetDeviceGroup } from '../../../api/eset/schemas.ts';

export function groupNames(groups: readonly EsetDeviceGroup[]): Map<string, string> {
  return new Map(groups.map((group) => [group.uuid, group.displayName || group.uuid]));
}

/** The group's name from the (shared, cached) group list; the UUID until it arrives or when it is unknown. */
export function EsetGroupName({ uuid }: { uuid: string | null | undefined }) {
  const groups = useQuery({ ...esetDeviceGroupQueries.tree(), select: groupNames });
  if (!uuid) return <Text>—</Text>;
  return <Text size="sm">{groups.data?.get(uuid) ?? uuid}</Text>;
}
