import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link } from 'react-router';
import type { TrackedKind } from '../../tracking/transitions.ts';
import { formatClock, formatDuration } from './format.ts';
import { kindLabels, trackedItemHref } from './links.ts';
import { useNotificationPermission } from './resolution-alerts.ts';
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
    return (
      <Badge variant="light" color="green">
        Browser notifications on
      </Badge>
    );
  }
  if (permission === 'denied') {
    return (
      <Text size="xs" c="dimmed">
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

/** "Pending work" (issue #7): tracked items still PENDING, longest waiting first, each one click away. */
export function PendingWork({ items, errors }: { items: readonly PendingItem[]; errors: readonly string[] }) {
  const now = useNow(1_000);
  const sorted = [...items].sort((a, b) => a.since - b.since);
  const shown = sorted.slice(0, maxRows);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="pending-work-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="pending-work-title">
            Pending work{' '}
            <Badge component="span" variant="filled" color={items.length > 0 ? 'blue' : 'gray'} aria-hidden>
              {items.length}
            </Badge>
          </Title>
          <NotifyButton />
        </Group>
        <Text size="sm" c="dimmed" role="status">
          {items.length === 0
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
            <Table verticalSpacing="xs" aria-label="Pending work" stickyHeader>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Device</Table.Th>
                  <Table.Th>Waiting</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((item) => (
                  <Table.Tr key={`${item.kind}|${item.itemId}`}>
                    <Table.Td>
                      <Anchor component={Link} to={trackedItemHref(item.kind, item.itemId)} size="sm">
                        {kindLabels[item.kind]}
                      </Anchor>
                      <Text size="xs" c="dimmed" ff="monospace" style={{ wordBreak: 'break-all' }}>
                        {item.subject}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{item.device}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={`Pending since ${formatClock(item.since)}`}>
                        {formatDuration(now - item.since)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        {sorted.length > shown.length && (
          <Text size="xs" c="dimmed">
            The {shown.length} longest waiting are shown; {sorted.length - shown.length} more are on their
            pages.
          </Text>
        )}
      </Stack>
    </Card>
  );
}
