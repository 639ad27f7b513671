import { Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import {
  cancelVerdictDump,
  runVerdictDump,
  type VerdictDumpState,
} from '../../../api/prisma/verdict-dump.ts';
import { maxPageLen, prismaPacer } from '../../../api/prisma/verdicts.ts';
import { ErrorState } from '../../../components/error-state.tsx';
import { formatCount } from '../../../lib/format-count.ts';

function seconds(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  return total < 60 ? `${total} s` : `${Math.floor(total / 60)} min ${total % 60} s`;
}

/**
 * Progress of the bookmark loop: pages, rows, elapsed and estimated time. The estimate uses the statistics'
 * total (when known: the statistics are read after a dump, so a reload has them, a first dump does not) and
 * the pacing: one page of up to 10 000 rows per request, one request per second.
 */
export function DumpProgress({
  state,
  total,
}: {
  state: VerdictDumpState | undefined;
  total: number | undefined;
}) {
  const queryClient = useQueryClient();
  const rows = state?.verdicts.length ?? 0;
  const running = !state || state.status === 'running';
  const elapsed = state ? state.updatedAt - state.startedAt : 0;
  const known = total !== undefined && total > 0;
  const percent = state?.status === 'done' ? 100 : known ? Math.min(100, (rows / total) * 100) : 0;
  const pagesLeft = known ? Math.ceil(Math.max(0, total - rows) / maxPageLen) : undefined;
  const estimate =
    pagesLeft !== undefined && running ? ` · about ${seconds(pagesLeft * prismaPacer.intervalMs)} left` : '';
  const status = {
    running: 'Loading all verdicts',
    done: 'All verdicts loaded',
    cancelled: 'Loading cancelled',
    failed: 'Loading stopped by an error',
  }[state?.status ?? 'running'];

  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {status}
          </Text>
          <Group gap="xs">
            {running && (
              <Button size="xs" variant="default" onClick={() => cancelVerdictDump(queryClient)}>
                Cancel
              </Button>
            )}
            {state && (state.status === 'cancelled' || state.status === 'failed') && state.resumeBookmark && (
              <Button size="xs" onClick={() => void runVerdictDump(queryClient, { resume: true })}>
                Resume
              </Button>
            )}
            {state && !running && (
              <Button size="xs" variant="subtle" onClick={() => void runVerdictDump(queryClient)}>
                Reload all
              </Button>
            )}
          </Group>
        </Group>
        <Progress
          value={percent}
          animated={running}
          striped={running && !known}
          aria-label="Verdicts loaded"
          color={state?.status === 'failed' ? 'red' : 'grape'}
        />
        <Text size="xs" aria-live="polite">
          {`${state?.pages ?? 0} ${state?.pages === 1 ? 'page' : 'pages'} · ${formatCount(rows)}${
            known ? ` of ${formatCount(total)}` : ''
          } rows · ${seconds(elapsed)} elapsed${estimate}${
            state?.retries ? ` · ${state.retries} retried (Prisma allows one request per second)` : ''
          }`}
        </Text>
        {state?.status === 'failed' && (
          <ErrorState
            error={state.error}
            onRetry={
              state.resumeBookmark ? () => void runVerdictDump(queryClient, { resume: true }) : undefined
            }
          />
        )}
      </Stack>
    </Card>
  );
}
