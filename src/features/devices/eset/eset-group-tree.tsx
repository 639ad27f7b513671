import { NavLink, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  buildEsetGroupTree,
  type EsetGroupNode,
  esetDeviceGroupQueries,
} from '../../../api/eset/device-groups.ts';
import { ErrorState } from '../../../components/error-state.tsx';

function GroupNode({
  node,
  selected,
  onSelect,
}: {
  node: EsetGroupNode;
  selected: string | null;
  onSelect: (uuid: string) => void;
}) {
  return (
    <NavLink
      component="button"
      label={node.displayName || node.uuid}
      // Deep groups are cut to "Engine…" in a sixth of a 1 400 px screen: the whole name on hover.
      title={node.displayName || node.uuid}
      active={node.uuid === selected}
      defaultOpened
      onClick={() => onSelect(node.uuid)}
      aria-current={node.uuid === selected ? 'true' : undefined}
    >
      {node.children.length > 0
        ? node.children.map((child) => (
            <GroupNode key={child.uuid} node={child} selected={selected} onSelect={onSelect} />
          ))
        : undefined}
    </NavLink>
  );
}

/** The device-group tree of `/v1/device_groups`, linked by `parentGroupUuid` (api-contracts.md §2). */
export function EsetGroupTree({
  selected,
  onSelect,
}: {
  selected: string | null;
  onSelect: (uuid: string | null) => void;
}) {
  const query = useQuery({ ...esetDeviceGroupQueries.tree(), select: buildEsetGroupTree });
  if (!query.data) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    return <Skeleton height={200} role="status" aria-label="Loading device groups" />;
  }
  return (
    <Stack gap={0} component="nav" aria-label="ESET device groups">
      <NavLink
        component="button"
        label="All devices"
        active={selected === null}
        onClick={() => onSelect(null)}
      />
      {query.data.length === 0 && <Text size="sm">No device groups.</Text>}
      {query.data.map((node) => (
        <GroupNode key={node.uuid} node={node} selected={selected} onSelect={onSelect} />
      ))}
    </Stack>
  );
}
