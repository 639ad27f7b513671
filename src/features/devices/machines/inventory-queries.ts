import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { cylanceDeviceQueries } from '../../../api/cylance/devices.ts';
import { esetDeviceQueries, listEsetDevices } from '../../../api/eset/devices.ts';
import type { EsetDevice } from '../../../api/eset/schemas.ts';
import { runVerdictDump, verdictDumpQuery } from '../../../api/prisma/verdict-dump.ts';

/**
 * Whole inventories for the correlated view. An inventory changes slowly, so it stays fresh for minutes and
 * the device page reuses what the machines tab loaded.
 */
const inventoryStaleMs = 5 * 60_000;
// ESET's largest page (AIP-158 caps pageSize at 1000; api-contracts.md §2).
const esetPageSize = 1000;

async function listAllEsetDevices(signal: AbortSignal): Promise<EsetDevice[]> {
  const devices: EsetDevice[] = [];
  let pageToken: string | undefined;
  do {
    const page = await listEsetDevices({}, { pageSize: esetPageSize, pageToken }, signal);
    devices.push(...page.devices);
    pageToken = page.nextPageToken;
  } while (pageToken);
  return devices;
}

export const inventoryQueries = {
  cylance: cylanceDeviceQueries.inventory,
  eset: () =>
    queryOptions({
      queryKey: [...esetDeviceQueries.all(), 'all', { pageSize: esetPageSize }] as const,
      queryFn: ({ signal }) => listAllEsetDevices(signal),
      staleTime: inventoryStaleMs,
    }),
};

/**
 * Prisma verdicts for the join come from the shared dump (the network tab's bookmark loop), not from `?ip=`
 * lookups of the endpoints' IPs. A lookup takes 10 IPs and Prisma allows one request per second (seed 002),
 * so E endpoints cost E/10 seconds (250 endpoints: 25 s; 20 000: over half an hour), while the dump costs
 * one second per 10 000 verdicts (the simulator's 2 000: one request; 100 000: ten). The dump also brings the
 * network-only devices (phones, printers, cameras) that no endpoint agent knows — the machines an analyst most
 * needs to see — and it is one cache entry shared with the network tab, so it is fetched once.
 * Starts the dump when nobody has yet; a cancelled or failed run is left for the analyst to resume.
 */
export function useVerdictDump() {
  const queryClient = useQueryClient();
  const dump = useQuery(verdictDumpQuery());
  const notStarted = dump.data === undefined;
  useEffect(() => {
    // Read the cache, not the render's snapshot: a second effect run (StrictMode, a sibling reader mounting in
    // the same commit) must not restart a dump the first one just began.
    if (notStarted && queryClient.getQueryData(verdictDumpQuery().queryKey) === undefined) {
      void runVerdictDump(queryClient);
    }
  }, [notStarted, queryClient]);
  return {
    state: dump.data,
    resume: () => void runVerdictDump(queryClient, { resume: true }),
  };
}
