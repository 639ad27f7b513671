import { queryOptions } from '@tanstack/react-query';
import { listPackages, packageQueries } from '../../api/cylance/packages.ts';
import { packageStatuses } from '../../api/cylance/schemas.ts';
import { listEsetDevices } from '../../api/eset/devices.ts';
import { isLastVerdictPage } from '../../api/prisma/schemas.ts';
import { fetchVerdictPage, verdictQueries } from '../../api/prisma/verdicts.ts';

/**
 * The "At a glance" reads. Each asks the vendor for as little as answers the question: counts, not rows.
 */

export interface Tally {
  counts: Record<string, number>;
  /** How many items were counted. */
  counted: number;
  /** False when the count stopped early (a cap) or is a sample: the chart says so. */
  complete: boolean;
}

export function tally(values: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/**
 * ESET has no count endpoint and no `totalSize` on `/v1/devices` (api-contracts.md §2), so the devices are
 * paged at the largest page ESET serves (1000) and counted; at most `esetCountMaxPages` pages (20 000 devices, the
 * simulator's largest tenant) so a huge tenant cannot keep the overview busy.
 */
const esetCountPageSize = 1000;
const esetCountMaxPages = 20;

async function countEsetFunctionality(signal: AbortSignal): Promise<Tally> {
  const counts: Record<string, number> = {};
  let counted = 0;
  let pageToken: string | undefined;
  let pages = 0;
  do {
    const page = await listEsetDevices({}, { pageSize: esetCountPageSize, pageToken }, signal);
    for (const device of page.devices) {
      const status = device.functionalityStatus ?? 'DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED';
      counts[status] = (counts[status] ?? 0) + 1;
    }
    counted += page.devices.length;
    pageToken = page.nextPageToken;
    pages++;
  } while (pageToken && pages < esetCountMaxPages);
  return { counts, counted, complete: !pageToken };
}

/**
 * Prisma has no per-category count (seed 002), so one page of `prismaSampleSize` verdicts gives the mix. A full
 * dump (up to 100 000 verdicts at one request per second) is never started just for a chart, and neither is
 * a second call for `verdicts:statistics`: at one request per second, two calls at page load would queue
 * behind each other (and, with network jitter, meet a 429). When the Devices page has already dumped
 * everything or read the statistics, the overview uses those from the cache instead.
 */
const prismaSampleSize = 1000;

export const glanceQueries = {
  esetFunctionality: () =>
    queryOptions({
      queryKey: [
        'eset',
        'devices',
        'functionality-tally',
        { pageSize: esetCountPageSize, maxPages: esetCountMaxPages },
      ],
      queryFn: ({ signal }) => countEsetFunctionality(signal),
      staleTime: 60_000,
    }),
  prismaSample: () =>
    queryOptions({
      queryKey: [...verdictQueries.all(), 'sample', { pageLen: prismaSampleSize }] as const,
      queryFn: async ({ signal }) => {
        const page = await fetchVerdictPage({ pageLen: prismaSampleSize }, signal);
        return { verdicts: page.verdicts, all: isLastVerdictPage(page) };
      },
      // A rough picture from an API allowing one request per second: five minutes old is fresh enough.
      staleTime: 5 * 60_000,
    }),
  /**
   * Packages by status: one filtered list call per status (seed 004 supports `status=`), reading only the
   * envelope's `total_number_of_items`. Page size 20 is the vendor default, so it is always accepted.
   */
  packagesByStatus: () =>
    queryOptions({
      queryKey: [...packageQueries.all(), 'status-tally', packageStatuses] as const,
      queryFn: async ({ signal }): Promise<Tally> => {
        const pages = await Promise.all(
          packageStatuses.map((status) => listPackages({ page: 1, page_size: 20, status }, signal)),
        );
        const counts = Object.fromEntries(
          packageStatuses.map((status, index) => [status, pages[index]?.total_number_of_items ?? 0]),
        );
        const counted = Object.values(counts).reduce((sum, count) => sum + count, 0);
        return { counts, counted, complete: true };
      },
      staleTime: 60_000,
    }),
};
