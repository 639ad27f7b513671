import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  ScrollArea,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { Link } from 'react-router';
import { clearTransitions, type StatusTransition, useTransitions } from '../../tracking/transitions.ts';
import { formatAgo, formatClock } from './format.ts';
import { opticsStatusColor, opticsStatusLabel } from './glance-slices.ts';
import { kindLabels, linkName, trackedItemHref } from './links.ts';
import classes from './overview.module.css';
import { StatusDot } from './status-dot.tsx';
import { useNow } from './use-now.ts';

function FeedEntry({ transition, now }: { transition: StatusTransition; now: number }) {
  return (
    <Stack gap={2} component="li">
      <Group gap={6} wrap="wrap">
        <StatusDot label={opticsStatusLabel(transition.from)} color={opticsStatusColor(transition.from)} />
        <Text span size="sm" aria-hidden>
          →
        </Text>
        <VisuallyHidden>became</VisuallyHidden>
        <StatusDot label={opticsStatusLabel(transition.to)} color={opticsStatusColor(transition.to)} />
        <Text span size="xs" className={classes.muted} title={formatClock(transition.at)}>
          {formatAgo(transition.at, now)}
        </Text>
      </Group>
      <Text size="sm">
        <Anchor
          component={Link}
          to={trackedItemHref(transition.kind, transition.itemId)}
          aria-label={linkName(transition)}
        >
          {kindLabels[transition.kind]}
        </Anchor>{' '}
        on <strong>{transition.device}</strong>
      </Text>
      <Text size="xs" className={classes.muted} ff="monospace" style={{ wordBreak: 'break-all' }}>
        {transition.subject}
      </Text>
    </Stack>
  );
}

/** "Just resolved" (issue #7): the transitions this browser saw, newest first, kept across reloads. */
export function ResolvedFeed() {
  const { feed, storageError } = useTransitions();
  const now = useNow(5_000);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="resolved-feed-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="resolved-feed-title">
            Just resolved
          </Title>
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            onClick={clearTransitions}
            disabled={feed.length === 0}
          >
            Clear the feed
          </Button>
        </Group>
        {storageError && (
          <Alert color="orange" title="Not saved in this browser">
            {storageError}
          </Alert>
        )}
        {feed.length === 0 ? (
          <Text size="sm" className={classes.muted}>
            Nothing resolved yet. When a tracked focus view or file retrieval changes status, it appears here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
            <Stack
              gap="sm"
              component="ol"
              aria-label={`${feed.length} status changes, newest first`}
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {feed.map((transition) => (
                <FeedEntry key={transition.key} transition={transition} now={now} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Card>
  );
}
