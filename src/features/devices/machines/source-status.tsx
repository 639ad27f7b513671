import { Button, Group, Loader, Progress, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { VerdictDumpState } from '../../../api/prisma/verdict-dump.ts';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format-count.ts';

function QueryStatus({ label, query }: { label: string; query: UseQueryResult<readonly unknown[]> }) {
  if (query.data) return <Text size="sm">{`${label}: ${formatCount(query.data.length)} devices`}</Text>;
  if (query.error) return <Text size="sm" c="red">{`${label}: failed (see below)`}</Text>;
  return (
    <Group gap={6}>
      <Loader size="xs" />
      <Text size="sm">{`${label}: loading…`}</Text>
    </Group>
  );
}

function DumpStatus({ state, onResume }: { state: VerdictDumpState | undefined; onResume: () => void }) {
  if (!state || state.status === 'running') {
    return (
      <Group gap={6}>
        <Loader size="xs" />
        <Text size="sm">{`Prisma: ${formatCount(state?.verdicts.length ?? 0)} verdicts so far (page ${state?.pages ?? 0}, one per second)…`}</Text>
      </Group>
    );
  }
  if (state.status === 'done')
    return <Text size="sm">{`Prisma: ${formatCount(state.verdicts.length)} verdicts`}</Text>;
  return (
    <Group gap={6}>
      <Text size="sm" c="orange">
        {`Prisma: stopped (${state.status}) after ${formatCount(state.verdicts.length)} verdicts`}
      </Text>
      <Button size="compact-xs" variant="light" onClick={onResume}>
        Resume loading verdicts
      </Button>
    </Group>
  );
}

/** Where each vendor's inventory stands: the join is only as complete as its slowest source. */
export function SourceStatus({
  cylance,
  eset,
  prisma,
  onResumePrisma,
}: {
  cylance: UseQueryResult<readonly unknown[]>;
  eset: UseQueryResult<readonly unknown[]>;
  prisma: VerdictDumpState | undefined;
  onResumePrisma: () => void;
}) {
  const loading = [cylance.isPending, eset.isPending, !prisma || prisma.status === 'running'].filter(
    Boolean,
  ).length;
  return (
    <Stack gap={6}>
      <Group gap="lg">
        <QueryStatus label="Cylance" query={cylance} />
        <QueryStatus label="ESET" query={eset} />
        <DumpStatus state={prisma} onResume={onResumePrisma} />
      </Group>
      {loading > 0 && (
        <Progress value={((3 - loading) / 3) * 100} size="xs" aria-label="Loading inventories" />
      )}
      {cylance.error && <ErrorState error={cylance.error} onRetry={() => void cylance.refetch()} />}
      {eset.error && <ErrorState error={eset.error} onRetry={() => void eset.refetch()} />}
      {prisma?.status === 'failed' && <ErrorState error={prisma.error} onRetry={onResumePrisma} />}
    </Stack>
  );
}
