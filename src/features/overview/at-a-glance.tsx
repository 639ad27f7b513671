import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { gatewayQueries } from '../../api/gateway/config.ts';
import { verdictDumpQuery } from '../../api/prisma/verdict-dump.ts';
import { verdictQueries } from '../../api/prisma/verdicts.ts';
import type { Vendor } from '../../api/vendor-health.ts';
import { formatCount } from '../../lib/format-count.ts';
import { GlanceCard } from './glance-card.tsx';
import { glanceQueries, tally } from './glance-queries.ts';
import { toSlices } from './glance-slices.ts';
import classes from './overview.module.css';

export interface TrackedCounts {
  focusViews: Readonly<Record<string, number>>;
  fileRetrievals: Readonly<Record<string, number>>;
}

/** A vendor call is made only when the gateway says the vendor is connected; undefined while unknown. */
/**
 * A vendor is asked only when the gateway says it is connected. `unavailable` says why a card has no data
 * (not connected, or the gateway's configuration could not be read); while the configuration loads, neither.
 */
function useVendorAccess(vendor: Vendor): { enabled: boolean; unavailable?: string } {
  const { data, error } = useQuery(gatewayQueries.config());
  if (data) {
    return data.vendors[vendor].connected
      ? { enabled: true }
      : { enabled: false, unavailable: 'Not connected: see Vendor health below.' };
  }
  return error
    ? { enabled: false, unavailable: 'The gateway configuration could not be read: see Vendor health below.' }
    : { enabled: false };
}

function EsetCard() {
  const { enabled, unavailable } = useVendorAccess('eset');
  const query = useQuery({ ...glanceQueries.esetFunctionality(), enabled });
  const data = query.data;
  const note =
    unavailable ??
    (data && !data.complete
      ? `By functionality status: the first ${formatCount(data.counted)} devices`
      : 'By functionality status, attention required first');
  return (
    <GlanceCard
      title="ESET devices"
      note={note}
      slices={unavailable ? [] : data && toSlices(data.counts, 'eset')}
      error={query.error}
      onRetry={() => query.refetch()}
      empty={unavailable ? 'No data.' : 'ESET manages no devices.'}
    />
  );
}

function PrismaCard() {
  const { enabled, unavailable } = useVendorAccess('prisma');
  // Read from the cache only (the Devices page fills them): a full dump is exact, the statistics give the total.
  const dump = useQuery({ ...verdictDumpQuery(), enabled: false });
  const statistics = useQuery({ ...verdictQueries.statistics(), enabled: false });
  const dumped = dump.data?.status === 'done' ? dump.data.verdicts : undefined;
  const sample = useQuery({ ...glanceQueries.prismaSample(), enabled: enabled && !dumped });
  const verdicts = dumped ?? sample.data?.verdicts;
  const total = statistics.data?.verdicts.totalCount;
  const note =
    unavailable ??
    (!verdicts
      ? 'By category'
      : dumped || sample.data?.all
        ? `By category: all ${formatCount(verdicts.length)} verdicts`
        : `By category: the first ${formatCount(verdicts.length)}${
            total === undefined ? '' : ` of ${formatCount(total)}`
          } verdicts, one page as a sample (the Devices page reads them all)`);
  return (
    <GlanceCard
      title="Prisma verdicts"
      note={note}
      slices={
        unavailable
          ? []
          : verdicts &&
            toSlices(tally(verdicts.map((verdict) => verdict.category || 'uncategorised')), 'categories')
      }
      error={sample.error}
      onRetry={() => sample.refetch()}
      empty={unavailable ? 'No data.' : 'Prisma has no verdicts.'}
    />
  );
}

function PackagesCard() {
  const { enabled, unavailable } = useVendorAccess('cylance');
  const query = useQuery({ ...glanceQueries.packagesByStatus(), enabled });
  return (
    <GlanceCard
      title="Packages"
      note={unavailable ?? 'Optics packages by upload status'}
      slices={unavailable ? [] : query.data && toSlices(query.data.counts, 'packages')}
      error={query.error}
      onRetry={() => query.refetch()}
      empty={unavailable ? 'No data.' : 'No packages uploaded.'}
    />
  );
}

/** "At a glance" (issue #7): counts by status as charts, each with its numbers as a table. */
export const AtAGlance = memo(function AtAGlance({ tracked }: { tracked: TrackedCounts }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="at-a-glance-title">
      <Title order={2} size="h4" id="at-a-glance-title">
        At a glance
      </Title>
      <Text size="sm" className={classes.muted}>
        Tracked work counts what this browser tracks; vendor counts are read from the vendors.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }}>
        <GlanceCard
          title="Tracked focus views"
          note="By status"
          slices={toSlices(tracked.focusViews, 'optics')}
          empty="No focus views tracked. Look some up on the Focus views page."
        />
        <GlanceCard
          title="Tracked file retrievals"
          note="By status"
          slices={toSlices(tracked.fileRetrievals, 'optics')}
          empty="No file retrievals tracked. Request one on the File retrievals page."
        />
        <EsetCard />
        <PrismaCard />
        <PackagesCard />
      </SimpleGrid>
    </Stack>
  );
});
