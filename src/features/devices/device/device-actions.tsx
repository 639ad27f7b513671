import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { normalizeOpticsDeviceId } from '../../../lib/device-id.ts';
import type { Machine } from '../machines/machine-filters.ts';

function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/**
 * What an analyst does next with this machine, on the other pages, preselected through their URLs.
 * File retrieval and focus views are Optics (Cylance) features and need the Optics id (seed 001).
 */
export function DeviceActions({ machine }: { machine: Machine }) {
  const cylance = machine.cylance[0];
  const optics = cylance ? normalizeOpticsDeviceId(cylance.id) : undefined;
  const hostname = cylance?.name ?? machine.hostname;
  const uuids = machine.eset.map((device) => device.uuid);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {optics?.ok ? (
          <Button component={Link} to={`/file-retrievals?${query({ device: optics.value })}`} size="xs">
            Request a file retrieval
          </Button>
        ) : (
          <Text size="sm">File retrieval needs the Cylance agent, which this machine does not report.</Text>
        )}
        {hostname && (
          <Button component={Link} to={`/focus-views?${query({ hostname })}`} size="xs" variant="light">
            Look up focus views
          </Button>
        )}
      </Group>
      <Group gap="md">
        {hostname && (
          <Anchor component={Link} to={`/file-retrievals?${query({ q: hostname })}`} size="sm">
            File retrievals from {hostname}
          </Anchor>
        )}
        {uuids.length > 0 && (
          <Anchor
            component={Link}
            to={`/devices?${query({ tab: 'eset', uuids: uuids.join(',') })}`}
            size="sm"
          >
            ESET snapshot
          </Anchor>
        )}
        {machine.ips.length > 0 && (
          <Anchor
            component={Link}
            to={`/devices?${query({ tab: 'network', ip: machine.ips.slice(0, 10).join(',') })}`}
            size="sm"
          >
            Network verdicts for its IPs
          </Anchor>
        )}
        {hostname && (
          <Anchor component={Link} to={`/devices?${query({ q: hostname })}`} size="sm">
            All machines named like it
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
