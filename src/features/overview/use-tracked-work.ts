import { describeError } from '../../components/error-state.tsx';
import { useFileRetrievalWatch, type WatchedFileRetrieval } from '../../tracking/file-retrievals.ts';
import { type FocusLookupRow, notChecked, useFocusLookup } from '../../tracking/focus-lookups.ts';
import { itemKey, type SeenStatuses, useTransitions } from '../../tracking/transitions.ts';
import type { TrackedCounts } from './at-a-glance.tsx';
import type { PendingItem } from './pending-work.tsx';
import { useHiddenTabPoll } from './use-hidden-tab-poll.ts';

export interface TrackedWork {
  pending: PendingItem[];
  counts: TrackedCounts;
  /** One line per kind of tracked thing whose statuses could not all be read. */
  errors: string[];
}

function focusPending(rows: readonly FocusLookupRow[], seen: SeenStatuses): PendingItem[] {
  return rows
    .filter((row) => row.status === 'PENDING')
    .map((row) => ({
      kind: 'focus-view',
      itemId: row.key,
      device: row.hostname ?? row.device_id,
      subject: `${row.artifact_type ?? 'Event'} ${row.uid}`,
      // When this browser first saw it PENDING (the transition store remembers), else its latest answer.
      since: seen[itemKey('focus-view', row.key)]?.since ?? row.answeredAt,
    }));
}

function filePending(items: readonly WatchedFileRetrieval[]): PendingItem[] {
  return items
    .filter(({ entry, status }) => (status?.file_status ?? entry.lastStatus) === 'PENDING')
    .map(({ entry, status }) => ({
      kind: 'file-retrieval',
      itemId: entry.key,
      device: status?.hostname ?? entry.hostname ?? entry.deviceId,
      subject: entry.filePath,
      since: entry.statusSince ?? entry.addedAt,
    }));
}

function fileCounts(items: readonly WatchedFileRetrieval[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { entry, status } of items) {
    const current = status?.file_status ?? entry.lastStatus;
    if (current !== undefined) counts[current] = (counts[current] ?? 0) + 1;
  }
  return counts;
}

function errorLine(what: string, failures: readonly { error?: unknown }[]): string[] {
  const failed = failures.filter((item) => item.error);
  if (failed.length === 0) return [];
  return [`${failed.length} ${what}: ${describeError(failed[0]?.error).title}`];
}

/**
 * Everything the analyst tracks, live. It mounts the very watchers the Focus views and File retrievals pages
 * mount (src/tracking): the same query keys, and each watcher lets only its first mounted instance own the
 * poll — so the overview next to a page never doubles a call. The trackers record status transitions into
 * the shared feed themselves; the overview only reads it.
 */
export function useTrackedWork(): TrackedWork {
  const focus = useFocusLookup();
  const files = useFileRetrievalWatch();
  const { seen } = useTransitions();
  useHiddenTabPoll(focus.rows, files.items);
  // Pairs with no answer yet are not a status: the chart counts what the vendor said.
  const { [notChecked]: _unchecked, ...focusCounts } = focus.counts;
  return {
    pending: [...focusPending(focus.rows, seen), ...filePending(files.items)],
    counts: { focusViews: focusCounts, fileRetrievals: fileCounts(files.items) },
    errors: [
      ...errorLine('focus-view lookups failed', focus.rows),
      ...errorLine('file retrieval statuses could not be read', files.items),
    ],
  };
}
