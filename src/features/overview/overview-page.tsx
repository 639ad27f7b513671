import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { titleWithCount, useDocumentTitle } from '../../lib/title.ts';
import { AtAGlance } from './at-a-glance.tsx';
import classes from './overview.module.css';
import { PendingWork } from './pending-work.tsx';
import { useResolutionAlerts } from './resolution-alerts.ts';
import { ResolvedFeed } from './resolved-feed.tsx';
import { useTrackedWork } from './use-tracked-work.ts';
import { VendorHealthPanel } from './vendor-health-panel.tsx';

/**
 * The landing page (issue #7): what is waiting, what just finished, what needs attention — and it keeps
 * answering while open, through the same watchers the Focus views and File retrievals pages use.
 */
export function OverviewPage() {
  const work = useTrackedWork();
  useDocumentTitle(titleWithCount(work.pending.length));
  useResolutionAlerts();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>Overview</Title>
        <Text className={classes.muted} size="sm">
          What is waiting, what just finished, and how each vendor is doing.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <PendingWork items={work.pending} errors={work.errors} checking={work.checking} />
        <ResolvedFeed />
      </SimpleGrid>
      <AtAGlance tracked={work.counts} />
      <VendorHealthPanel />
    </Stack>
  );
}
