import { Alert, Anchor, Button, Card, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { Link } from 'react-router';
import type { TrackedKind } from '../../tracking/transitions.ts';
import { formatClock, formatDuration } from './format.ts';
import { kindLabels, linkName, trackedItemHref } from './links.ts';
import classes from './overview.module.css';
import { useNotificationPermission } from './resolution-alerts.ts';
import { StatusDot } from './status-dot.tsx';
import { useNow } from './use-now.ts';

export interface PendingItem {
  kind: TrackedKind;
  itemId: string;
  device: string;
  /** The artifact (focus view) or the path (file retrieval). */
  subject: string;
  /** Epoch ms since when it has been PENDING (as far as this browser knows). */
  since: number;
}

/** A 10 000-pair investigation is a real case (issue #3): list the longest waiting, count the rest. */
const maxRows = 100;

function NotifyButton() {
  const { permission, request } = useNotificationPermission();
  if (permission === 'unsupported') return null;
  if (permission === 'granted') {
    return <StatusDot label="Browser notifications on" color="green.7" />;
  }
  if (permission === 'denied') {
    return (
      <Text size="xs" className={classes.muted}>
        Notifications are blocked in this browser's site settings.
      </Text>
    );
  }
  // The permission prompt appears only after this click (issue #7), never on page load.
  return (
    <Button size="xs" variant="light" onClick={() => void request()}>
      Notify me when work resolves
    </Button>
  );
}

/** Only this cell follows the clock, so the table is not re-rendered every second. */
function Waiting({ since }: { since: number }) {
  const now = useNow(1_000);
  return (
    <Text size="sm" title={`Pending since ${formatClock(since)}`}>
      {formatDuration(now - since)}
    </Text>
  );
}

/** "Pending work" (issue #7): tracked items still PENDING, longest waiting first, each one click away. */
export const PendingWork = memo(function PendingWork({
  items,
  errors,
  checking,
}: {
  items: readonly PendingItem[];
  errors: readonly string[];
  /** Tracked items whose status is being read for the first time. */
  checking: number;
}) {
  const sorted = [...items].sort((a, b) => a.since - b.since);
  const shown = sorted.slice(0, maxRows);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pending-work-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="pending-work-title">
            Pending work ({items.length})
          </Title>
          <NotifyButton />
        </Group>
        <Text size="sm" className={classes.muted} role="status">
          {checking > 0
            ? `Reading the status of ${checking} tracked item${checking === 1 ? '' : 's'}…`
            : items.length === 0
              ? 'Nothing pending. Requested focus views and file retrievals are watched here until they resolve.'
              : `${items.length} tracked item${items.length === 1 ? ' is' : 's are'} pending, checked automatically while this tab is open.`}
        </Text>
        {errors.map((message) => (
          <Alert key={message} color="red" title="Some statuses could not be read">
            {message}
          </Alert>
        ))}
        {sorted.length > 0 && (
          <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars>
            <Table verticalSpacing="xs" aria-label="Pending work" stickyHeader layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="50%">What</Table.Th>
                  <Table.Th w="32%">Device</Table.Th>
                  <Table.Th w="18%">Waiting</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <Table.Tr key={`${item.kind}|${item.itemId}`}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={trackedItemHref(item.kind, item.itemId)}
                        size="sm"
                        aria-label={linkName(item)}
                      >
                        {kindLabels[item.kind]}
                      </Anchor>
                      <Text
                        size="xs"
                        className={classes.muted}
                        ff="monospace"
                        style={{ wordBreak: 'break-all' }}
                      >
                        {item.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {/* A device without a known hostname shows its 32-digit Optics id: let it wrap. */}
                      <Text size="sm" style={{ wordBreak: 'break-all' }}>
                        {item.device}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Waiting since={item.since} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        {sorted.length > shown.length && (
          <Text size="xs" className={classes.muted}>
            The {shown.length} longest waiting are shown; {sorted.length - shown.length} more are on their
            pages.
          </Text>
        )}
      </Stack>
    </Card>
  );
});
