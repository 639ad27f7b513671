import { Alert, Button, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { verdictQueries } from '../../../api/prisma/verdicts.ts';
import { useVerdictDump } from '../machines/inventory-queries.ts';
import { DumpProgress } from './dump-progress.tsx';
import { IpLookup } from './ip-lookup.tsx';
import { StatisticsPanel } from './statistics-panel.tsx';
import { VerdictBrowser } from './verdict-browser.tsx';

/**
 * `/devices?tab=network`: Prisma Device-ID verdicts (seed 002). The whole table arrives through the shared
 * bookmark dump (one request per second, rows appear as pages arrive); a lookup box and statistics sit beside.
 */
export function NetworkVerdictsTab() {
  const dump = useVerdictDump();
  const state = dump.state;
  // Every Prisma call shares one request per second (seed 002): asked with the first page, the statistics
  // would take a slot from the dump and delay its last page by a second, so they wait until it stops.
  const statistics = useQuery({
    ...verdictQueries.statistics(),
    enabled: state !== undefined && state.status !== 'running',
  });
  const rows = state?.verdicts;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <DumpProgress state={state} total={statistics.data?.verdicts.totalCount} />
        <StatisticsPanel query={statistics} />
      </SimpleGrid>
      <IpLookup />
      {rows && rows.length > 0 ? (
        <VerdictBrowser verdicts={rows} />
      ) : state?.status === 'failed' ? (
        <Text>No verdict could be loaded (the error is shown above).</Text>
      ) : state?.status === 'done' ? (
        <Alert color="gray" title="No verdicts">
          Prisma Device-ID has no IP-to-device mappings for this tenant yet.
        </Alert>
      ) : state?.status === 'cancelled' ? (
        <Stack gap="xs" align="flex-start">
          <Text>Loading was cancelled before any verdict arrived.</Text>
          <Button size="xs" onClick={dump.resume}>
            Load verdicts
          </Button>
        </Stack>
      ) : (
        <Stack gap="xs" align="center" p="lg">
          <Loader size="sm" />
          <Text size="sm">Waiting for the first page of verdicts…</Text>
        </Stack>
      )}
    </Stack>
  );
}
