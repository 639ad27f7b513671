import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { gatewayQueries } from '../../api/gateway/config.ts';
import { verdictDumpQuery } from '../../api/prisma/verdict-dump.ts';
import type { Vendor } from '../../api/vendor-health.ts';
import { GlanceCard } from './glance-card.tsx';
import { glanceQueries, tally } from './glance-queries.ts';
import { toSlices } from './glance-slices.ts';
import classes from './overview.module.css';

export interface TrackedCounts {
  focusViews: Readonly<Record<string, number>>;
  fileRetrievals: Readonly<Record<string, number>>;
}

/** A vendor call is made only when the gateway says the vendor is connected; undefined while unknown. */
function useConnected(vendor: Vendor): boolean | undefined {
  const { data } = useQuery(gatewayQueries.config());
  return data ? data.vendors[vendor].connected : undefined;
}

const notConnected = 'Not connected: see Vendor health below.';

function EsetCard() {
  const connected = useConnected('eset');
  const query = useQuery({ ...glanceQueries.esetFunctionality(), enabled: connected === true });
  const data = query.data;
  return (
    <GlanceCard
      title="ESET devices"
      note={
        connected === false
          ? notConnected
          : data && !data.complete
            ? `By functionality status: the first ${data.counted.toLocaleString()} devices`
            : 'By functionality status, attention required first'
      }
      slices={connected === false ? [] : data && toSlices(data.counts, 'eset')}
      error={query.error}
      onRetry={() => query.refetch()}
      empty={connected === false ? 'No data.' : 'ESET manages no devices.'}
    />
  );
}

function PrismaCard() {
  const connected = useConnected('prisma');
  const enabled = connected === true;
  // A full dump the Devices page already finished is exact and costs nothing more; otherwise one page.
  const dump = useQuery({ ...verdictDumpQuery(), enabled: false });
  const complete = dump.data?.status === 'done' ? dump.data.verdicts : undefined;
  const statistics = useQuery({ ...glanceQueries.prismaStatistics(), enabled });
  const sample = useQuery({ ...glanceQueries.prismaSample(), enabled: enabled && !complete });
  const verdicts = complete ?? sample.data;
  const total = statistics.data?.verdicts.totalCount;
  const note =
    connected === false
      ? notConnected
      : !verdicts
        ? 'By category'
        : complete || (total !== undefined && verdicts.length >= total)
          ? `By category: all ${verdicts.length.toLocaleString()} verdicts`
          : `By category: the first ${verdicts.length.toLocaleString()}${
              total === undefined ? '' : ` of ${total.toLocaleString()}`
            } verdicts, one page as a sample (a full read is the Devices page's)`;
  return (
    <GlanceCard
      title="Prisma verdicts"
      note={note}
      slices={
        connected === false
          ? []
          : verdicts &&
            toSlices(tally(verdicts.map((verdict) => verdict.category || 'uncategorised')), 'categories')
      }
      error={sample.error ?? statistics.error}
      onRetry={() => {
        void sample.refetch();
        void statistics.refetch();
      }}
      empty={connected === false ? 'No data.' : 'Prisma has no verdicts.'}
    />
  );
}

function PackagesCard() {
  const connected = useConnected('cylance');
  const query = useQuery({ ...glanceQueries.packagesByStatus(), enabled: connected === true });
  return (
    <GlanceCard
      title="Packages"
      note={connected === false ? notConnected : 'Optics packages by upload status'}
      slices={connected === false ? [] : query.data && toSlices(query.data.counts, 'packages')}
      error={query.error}
      onRetry={() => query.refetch()}
      empty={connected === false ? 'No data.' : 'No packages uploaded.'}
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
