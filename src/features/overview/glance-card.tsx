import { Card, ColorSwatch, Group, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { lazy, type ReactNode, Suspense } from 'react';
import { ErrorState } from '../../components/error-state.tsx';
import { formatCount } from '../../lib/format-count.ts';
import type { GlanceSlice } from './glance-slices.ts';
import classes from './overview.module.css';

// recharts and the chart styles are fetched only when the first chart is drawn (issue #7).
const StatusDonut = lazy(() =>
  import('./status-donut.tsx').then((module) => ({ default: module.StatusDonut })),
);

export interface GlanceCardProps {
  title: string;
  /** What was counted ("Tracked in this browser", "Sample of 1 000 of 2 000 verdicts"). */
  note?: ReactNode;
  slices: readonly GlanceSlice[] | undefined;
  error?: unknown;
  onRetry?: () => void;
  empty: string;
}

/** One "At a glance" chart with its numbers as a table, so they are readable without the picture. */
export function GlanceCard({ title, note, slices, error, onRetry, empty }: GlanceCardProps) {
  const total = slices?.reduce((sum, slice) => sum + slice.value, 0) ?? 0;
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {title}
        </Title>
        {note && (
          <Text size="xs" className={classes.muted}>
            {note}
          </Text>
        )}
        {slices ? (
          total === 0 ? (
            <Text size="sm" className={classes.muted}>
              {empty}
            </Text>
          ) : (
            <Group align="center" wrap="nowrap" gap="md">
              <Suspense fallback={<Skeleton circle height={132} width={132} />}>
                <StatusDonut slices={slices} total={total} />
              </Suspense>
              <SliceTable caption={`${title} by status`} slices={slices} total={total} />
            </Group>
          )
        ) : error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : (
          <Group wrap="nowrap" gap="md" role="status">
            <VisuallyHidden>Loading {title.toLowerCase()}…</VisuallyHidden>
            <Skeleton circle height={132} width={132} />
            <Stack gap={6} flex={1}>
              <Skeleton height={12} />
              <Skeleton height={12} />
              <Skeleton height={12} width="60%" />
            </Stack>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function SliceTable({
  caption,
  slices,
  total,
}: {
  caption: string;
  slices: readonly GlanceSlice[];
  total: number;
}) {
  return (
    <Table verticalSpacing={2} horizontalSpacing="xs" fz="sm" aria-label={caption}>
      <Table.Tbody>
        {slices.map((slice) => (
          <Table.Tr key={slice.key}>
            <Table.Th scope="row" fw={400}>
              <Group gap={6} wrap="nowrap">
                <ColorSwatch
                  color={`var(--mantine-color-${slice.color.replace('.', '-')})`}
                  size={10}
                  aria-hidden
                />
                {slice.label}
              </Group>
            </Table.Th>
            <Table.Td ta="right" ff="monospace">
              {formatCount(slice.value)}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope="row">Total</Table.Th>
          <Table.Td ta="right" ff="monospace" fw={600}>
            {formatCount(total)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}
