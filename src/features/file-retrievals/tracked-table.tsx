import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { CopyButton } from '../../components/copy-button.tsx';
import { DataTable } from '../../components/data-table.tsx';
import { downloadCsv, toCsv } from '../../lib/csv.ts';
import {
  clearTrackedFileRetrievals,
  untrackFileRetrieval,
  type WatchedFileRetrieval,
} from '../../tracking/file-retrievals.ts';
import { trackedColumns, trackedCsvColumns, trackedFeatures } from './tracked-columns.tsx';
import { shareLink } from './url-state.ts';

/** The analyst's tracked retrievals (kept in this browser; shareable as a link without any secret). */
export function TrackedTable({
  items,
  pendingCount,
  onOpen,
}: {
  items: WatchedFileRetrieval[];
  pendingCount: number;
  onOpen: (key: string) => void;
}) {
  const columns = useMemo(() => trackedColumns({ onOpen, onUntrack: untrackFileRetrieval }), [onOpen]);
  const table = useTable({
    features: trackedFeatures,
    columns,
    data: items,
    getRowId: (item) => item.entry.key,
  });
  const keys = items.map((item) => item.entry.key);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tracked-retrievals">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="tracked-retrievals">
            Tracked retrievals ({items.length})
          </Title>
          <Group gap="xs">
            <Text size="sm" aria-live="polite">
              {pendingCount > 0 ? `Watching ${pendingCount} pending` : 'Nothing pending'}
            </Text>
            {items.length > 0 && (
              <>
                <Group gap={2}>
                  <Text size="sm">Share link</Text>
                  <CopyButton value={shareLink(keys)} label="Copy a share link of the tracked retrievals" />
                </Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => downloadCsv('tracked-file-retrievals.csv', toCsv(items, trackedCsvColumns))}
                >
                  Export CSV
                </Button>
                <Button size="xs" variant="subtle" color="gray" onClick={clearTrackedFileRetrievals}>
                  Stop tracking all
                </Button>
              </>
            )}
          </Group>
        </Group>
        <DataTable
          table={table}
          caption="Tracked file retrievals"
          empty={
            <Text size="sm">
              Nothing tracked yet. Request a file above, or track one from the history below.
            </Text>
          }
        />
      </Stack>
    </Paper>
  );
}
