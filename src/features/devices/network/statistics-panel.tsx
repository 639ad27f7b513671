import { Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { VerdictStatistics } from '../../../api/prisma/schemas.ts';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format-count.ts';

function Figure({ label, value }: { label: string; value: number | null | undefined }) {
  return (
    <Stack gap={0}>
      <Text size="xs">{label}</Text>
      <Text fw={600}>{value === null || value === undefined ? '—' : formatCount(value)}</Text>
    </Stack>
  );
}

/** `verdicts:statistics` (seed 002): what the Device-ID service holds and the requests it has received. */
export function StatisticsPanel({ query }: { query: UseQueryResult<VerdictStatistics> }) {
  const { data, error, refetch, fetchStatus } = query;
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm" mb="xs">
        Device-ID statistics
      </Text>
      {data ? (
        <Stack gap="xs">
          <Group gap="lg">
            <Figure label="Verdicts" value={data.verdicts.totalCount} />
            <Figure label="Updated" value={data.verdicts.totalUpdate} />
            <Figure label="Deleted" value={data.verdicts.totalDelete} />
          </Group>
          <Group gap="lg">
            <Figure label="Update requests" value={data.requestRcvd?.update} />
            <Figure label="Delete-all requests" value={data.requestRcvd?.deleteAll} />
            <Figure label="Queries" value={data.requestRcvd?.query} />
            <Figure label="Statistics requests" value={data.requestRcvd?.statistics} />
          </Group>
        </Stack>
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : fetchStatus === 'idle' ? (
        <Text size="sm">Read once the verdicts are loaded (Prisma allows one request per second).</Text>
      ) : (
        <Skeleton h={60} role="status" aria-label="Loading statistics" />
      )}
    </Card>
  );
}
