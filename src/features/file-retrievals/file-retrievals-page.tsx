import { Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import type { FileRetrieval } from '../../api/cylance/schemas.ts';
import { normalizeOpticsDeviceId } from '../../lib/device-id.ts';
import {
  fileRetrievalKey,
  parseFileRetrievalKey,
  trackFileRetrievals,
  useFileRetrievalWatch,
} from '../../tracking/file-retrievals.ts';
import { BulkRequest } from './bulk-request.tsx';
import { DetailsPanel } from './details-panel.tsx';
import { HistoryTable } from './history-table.tsx';
import { RequestForm } from './request-form.tsx';
import { TrackedTable } from './tracked-table.tsx';
import { useSelectionState } from './url-state.ts';

/**
 * File retrievals (issue #4): request a file from one or many Cylance devices, track the requests (kept in
 * this browser, shareable as a link), watch PENDING ones resolve, and download AVAILABLE files safely.
 */
export function FileRetrievalsPage() {
  const [selection, setSelection] = useSelectionState();
  const { items, pendingCount } = useFileRetrievalWatch();

  // A shared link (`?track=…`) or a selected key not tracked yet: add them to this browser's list once,
  // then drop `track` from the URL so removing an entry later is not undone by a reload.
  useEffect(() => {
    const keys = [...(selection.track ?? []), ...(selection.selected ? [selection.selected] : [])];
    const targets = keys.flatMap((key) => parseFileRetrievalKey(key) ?? []);
    if (targets.length > 0) trackFileRetrievals(targets);
    if (selection.track) void setSelection({ track: null }, { history: 'replace' });
  }, [selection.track, selection.selected, setSelection]);

  const open = useCallback((key: string) => void setSelection({ selected: key }), [setSelection]);
  const track = useCallback(
    (row: FileRetrieval) => {
      const id = normalizeOpticsDeviceId(row.device_id);
      if (!id.ok) return;
      const target = { deviceId: id.value, filePath: row.filepath, hostname: row.hostname ?? undefined };
      trackFileRetrievals([target]);
      open(fileRetrievalKey(target));
    },
    [open],
  );
  const selected = items.find((item) => item.entry.key === selection.selected);
  const mode = selection.mode;

  return (
    <Stack gap="md">
      <Title order={1}>File retrievals</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="request-file">
        <Stack gap="sm">
          <Title order={2} size="h4" id="request-file">
            Request a file
          </Title>
          <SegmentedControl
            aria-label="Request mode"
            value={mode}
            onChange={(value) => void setSelection({ mode: value === 'bulk' ? 'bulk' : 'single' })}
            data={[
              { value: 'single', label: 'One device' },
              { value: 'bulk', label: 'Many devices' },
            ]}
            w="fit-content"
          />
          {mode === 'bulk' ? (
            <BulkRequest />
          ) : (
            <RequestForm onRequested={open} initialDevice={selection.device ?? undefined} />
          )}
          <Text size="xs">
            Every request and look-up is tracked in this browser before it is sent. The decrypt password is
            never stored, exported or put in a link.
          </Text>
        </Stack>
      </Paper>
      {selected && (
        <DetailsPanel
          key={selected.entry.key}
          entry={selected.entry}
          isRequesting={selected.isRequesting}
          onClose={() => void setSelection({ selected: null })}
        />
      )}
      <TrackedTable items={items} pendingCount={pendingCount} onOpen={open} />
      <HistoryTable onTrack={track} />
    </Stack>
  );
}
