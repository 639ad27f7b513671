import { queryOptions } from '@tanstack/react-query';
import { type EsetListPage, esetBase } from './devices.ts';
import { type EsetReplayOptions, esetGet } from './replay.ts';
import { type EsetDeviceGroup, esetDeviceGroupListSchema, esetMemberDeviceListSchema } from './schemas.ts';

/** `GET /v1/device_groups`: the group tree, linked by `parentGroupUuid` (api-contracts.md §2). */
export function listEsetDeviceGroups(
  page: EsetListPage = {},
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
) {
  return esetGet(`${esetBase}/device_groups`, {
    schema: esetDeviceGroupListSchema,
    query: { pageSize: page.pageSize, pageToken: page.pageToken },
    signal,
    replay,
  });
}

/** Every group, following `nextPageToken` until it is empty (trees are small: hundreds of groups at most). */
export async function listAllEsetDeviceGroups(signal?: AbortSignal): Promise<EsetDeviceGroup[]> {
  const groups: EsetDeviceGroup[] = [];
  let pageToken: string | undefined;
  do {
    const page = await listEsetDeviceGroups({ pageSize: 1000, pageToken }, signal);
    groups.push(...page.deviceGroups);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return groups;
}

export interface EsetGroupNode extends EsetDeviceGroup {
  children: EsetGroupNode[];
}

/** Builds the tree; a group whose parent is missing from the list becomes a root rather than vanishing. */
export function buildEsetGroupTree(groups: readonly EsetDeviceGroup[]): EsetGroupNode[] {
  const nodes = new Map(groups.map((group) => [group.uuid, { ...group, children: [] as EsetGroupNode[] }]));
  const roots: EsetGroupNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentGroupUuid ? nodes.get(node.parentGroupUuid) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface EsetGroupMembersQuery extends EsetListPage {
  recurseSubgroups?: boolean;
}

/** `GET /v1/device_groups/{uuid}/devices`: `{devices[{uuid, displayName, groupUuid}], nextPageToken, totalSize}`. */
export function listEsetGroupMembers(
  groupUuid: string,
  query: EsetGroupMembersQuery = {},
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
) {
  return esetGet(`${esetBase}/device_groups/${encodeURIComponent(groupUuid)}/devices`, {
    schema: esetMemberDeviceListSchema,
    query: { recurseSubgroups: query.recurseSubgroups, pageSize: query.pageSize, pageToken: query.pageToken },
    signal,
    replay,
  });
}

export const esetDeviceGroupQueries = {
  all: () => ['eset', 'device-groups'] as const,
  tree: () =>
    queryOptions({
      queryKey: [...esetDeviceGroupQueries.all(), 'all'] as const,
      queryFn: ({ signal }) => listAllEsetDeviceGroups(signal),
      staleTime: 5 * 60_000,
    }),
  members: (groupUuid: string, query: EsetGroupMembersQuery) =>
    queryOptions({
      queryKey: [...esetDeviceGroupQueries.all(), 'members', groupUuid, query] as const,
      queryFn: ({ signal }) => listEsetGroupMembers(groupUuid, query, signal),
    }),
};
