import { infiniteQueryOptions } from '@tanstack/react-query';
import { type EsetGroupMembersQuery, listEsetGroupMembers } from '../../../api/eset/device-groups.ts';
import { type EsetDeviceFilters, esetDeviceQueries, listEsetDevices } from '../../../api/eset/devices.ts';

/**
 * ESET pages with opaque `pageToken`s (AIP-158), so there is no "page 7": the lists grow with "Load more".
 * Keys extend the API layer's so invalidating `['eset', 'devices']` reaches them too.
 */
export function esetDevicePages(filters: EsetDeviceFilters, pageSize: number) {
  return infiniteQueryOptions({
    queryKey: [...esetDeviceQueries.all(), 'pages', filters, { pageSize }] as const,
    queryFn: ({ signal, pageParam }) => listEsetDevices(filters, { pageSize, pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextPageToken,
  });
}

export function esetGroupMemberPages(groupUuid: string, query: Omit<EsetGroupMembersQuery, 'pageToken'>) {
  return infiniteQueryOptions({
    queryKey: ['eset', 'device-groups', 'members-pages', groupUuid, query] as const,
    queryFn: ({ signal, pageParam }) =>
      listEsetGroupMembers(groupUuid, { ...query, pageToken: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextPageToken,
  });
}
