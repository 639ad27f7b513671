import { useEffect, useRef } from 'react';
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
  /** Tracked items whose first status read is in flight (after a reload, a new lookup set). */
  checking: number;
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
  const { [notChecked]: _unchecked, ...focusViews } = focus.counts;
  const checking =
    focus.rows.filter((row) => row.status === undefined && row.checking).length +
    files.items.filter((item) => !item.status && item.entry.lastStatus === undefined && item.isFetching)
      .length;
  // Every poll tick hands over new arrays; the sections re-render only when what they show changed.
  return useUnchanged({
    checking,
    pending: [...focusPending(focus.rows, seen), ...filePending(files.items)],
    counts: { focusViews, fileRetrievals: fileCounts(files.items) },
    errors: [
      ...errorLine('focus-view lookups failed', focus.rows),
      ...errorLine('file retrieval statuses could not be read', files.items),
    ],
  });
}

/** The previous object, part by part, while its JSON is the same (plain data only). */
function useUnchanged(next: TrackedWork): TrackedWork {
  const previous = useRef<{
    json: Record<Exclude<keyof TrackedWork, 'checking'>, string>;
    value: TrackedWork;
  } | null>(null);
  const json = {
    pending: JSON.stringify(next.pending),
    counts: JSON.stringify(next.counts),
    errors: JSON.stringify(next.errors),
  };
  const last = previous.current;
  const value: TrackedWork = {
    checking: next.checking,
    pending: last && last.json.pending === json.pending ? last.value.pending : next.pending,
    counts: last && last.json.counts === json.counts ? last.value.counts : next.counts,
    errors: last && last.json.errors === json.errors ? last.value.errors : next.errors,
  };
  useEffect(() => {
    previous.current = { json, value };
  });
  return value;
}
