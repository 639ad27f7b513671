import { Anchor, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { CopyButton } from '../../components/copy-button.tsx';
import { findMachine } from '../../lib/correlate.ts';
import { CylancePanel } from './device/cylance-panel.tsx';
import { DeviceActions } from './device/device-actions.tsx';
import { EsetPanel } from './device/eset-panel.tsx';
import { PrismaPanel } from './device/prisma-panel.tsx';
import { SourceStatus } from './machines/source-status.tsx';
import { useMachines } from './machines/use-machines.ts';
import { ConflictBadges } from './shared/conflict-badges.tsx';
import { SourceBadges } from './shared/source-badges.tsx';

/**
 * `/devices/:key`: everything each vendor knows about one machine, side by side. The key is the correlated
 * view's (`mac:…`, `cylance:<id>`, `eset:<uuid>`, `ip:<ip>`), so it is resolved against the same join.
 */
export function DevicePage() {
  // React Router hands the parameter over already decoded.
  const key = useParams().key ?? '';
  const { machines, cylance, eset, prisma } = useMachines();
  const machine = machines ? findMachine(machines, key) : undefined;
  const verdictsLoading = !prisma.state || prisma.state.status === 'running';

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/devices" size="sm">
        ← All machines
      </Anchor>
      <SourceStatus cylance={cylance} eset={eset} prisma={prisma.state} onResumePrisma={prisma.resume} />
      {!machines ? (
        <Skeleton height={200} role="status" aria-label="Loading the machine" />
      ) : !machine ? (
        <Stack gap="xs">
          <Title order={1}>Machine not found</Title>
          <Text>
            {verdictsLoading
              ? `No vendor has reported “${key}” yet; network verdicts are still loading.`
              : `No vendor knows a machine with the key “${key}”.`}
          </Text>
        </Stack>
      ) : (
        <>
          <Stack gap={6}>
            <Group gap="sm">
              <Title order={1}>{machine.hostname ?? machine.ips[0] ?? machine.key}</Title>
              <SourceBadges sources={machine.sources} />
            </Group>
            <Group gap={4}>
              <Text size="sm">Machine key</Text>
              <Badge variant="outline" tt="none">
                {machine.key}
              </Badge>
              <CopyButton value={machine.key} label="Copy machine key" />
            </Group>
            <ConflictBadges conflicts={machine.conflicts} />
          </Stack>
          <DeviceActions machine={machine} />
          <SimpleGrid cols={{ base: 1, lg: 3 }}>
            <VendorSection title="Cylance">
              <CylancePanel devices={machine.cylance} />
            </VendorSection>
            <VendorSection title="ESET">
              <EsetPanel devices={machine.eset} />
            </VendorSection>
            <VendorSection title="Prisma (network)">
              <PrismaPanel verdicts={machine.prisma} loading={verdictsLoading} />
            </VendorSection>
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function VendorSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
