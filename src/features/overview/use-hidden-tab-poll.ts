import { useQueries } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { fileRetrievalQueries } from '../../api/cylance/file-retrievals.ts';
import { maxSearchPairs } from '../../api/cylance/focus-views.ts';
import { chunk } from '../../lib/chunk.ts';
import type { WatchedFileRetrieval } from '../../tracking/file-retrievals.ts';
import { searchRunOptions } from '../../tracking/focus-lookup-run.ts';
import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';

/**
 * While the overview's tab is hidden the trackers pause (their polls skip hidden tabs), yet issue #7 wants a
 * resolution that happens meanwhile to raise a notification. So, only while hidden, the overview adds one
 * slow background observer to each query the trackers poll — the same keys (the same 200-pair chunks, in
 * the same order, as src/tracking/focus-lookups.ts builds them; the same status keys as
 * src/tracking/file-retrievals.ts) — so what it reads lands where the trackers look, and they record the
 * transitions as usual. While visible it adds nothing, so the pages' own schedule is the only poll.
 */
export const backgroundPollMs = 30_000;

function subscribeVisibility(onChange: () => void) {
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
}

export function useDocumentHidden(): boolean {
  return useSyncExternalStore(
    subscribeVisibility,
    () => document.visibilityState === 'hidden',
    () => false,
  );
}

const background = {
  refetchInterval: backgroundPollMs,
  refetchIntervalInBackground: true,
  // Joining a query must not fetch it: the first call comes one interval after the tab was hidden.
  staleTime: Number.POSITIVE_INFINITY,
} as const;

export function useHiddenTabPoll(
  focusRows: readonly FocusLookupRow[],
  files: readonly WatchedFileRetrieval[],
): void {
  const hidden = useDocumentHidden();
  const focusChunks = useMemo(
    () =>
      chunk(
        focusRows
          .filter((row) => row.status === 'PENDING')
          .map((row) => ({ uid: row.uid, device_id: row.device_id })),
        maxSearchPairs,
      ),
    [focusRows],
  );
  const pendingFiles = files.filter(
    ({ entry, status, isRequesting }) =>
      !isRequesting && (status?.file_status ?? entry.lastStatus) === 'PENDING',
  );
  useQueries({
    queries: hidden
      ? [
          ...focusChunks.map((part) => ({ ...searchRunOptions(part), ...background })),
          ...pendingFiles.map(({ entry }) => ({ ...fileRetrievalQueries.status(entry), ...background })),
        ]
      : [],
  });
}
