import { notifications } from '@mantine/notifications';
import { type Query, type QueryClient, useQueries, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import {
  type FileRetrievalTarget,
  fileRetrievalQueries,
  requestFileRetrieval,
} from '../api/cylance/file-retrievals.ts';
import type { FileRetrieval } from '../api/cylance/schemas.ts';
import { HttpError } from '../api/http.ts';
import { nextPollInterval } from '../lib/polling.ts';
import { fileStatusMeanings } from './file-retrieval-status.ts';
import {
  type FileRetrievalTargetRef,
  fileRetrievalKey,
  trackedFileRetrievalStore as store,
  type TrackedFileRetrieval,
} from './file-retrieval-store.ts';
import { observeStatuses } from './transitions.ts';

/**
 * Tracked file retrievals (issue #4 "Tracking"): every retrieval the analyst requested or looked up, kept in
 * localStorage (file-retrieval-store.ts), with its PENDING status polled until it resolves.
 *
 * Hook API (the file-retrievals page and the overview use the same one):
 * - `useTrackedFileRetrievals()` — the tracked list, newest first; re-renders on change (also from other tabs).
 * - `useFileRetrievalWatch()` — the list with each entry's live status. Mounting it starts the poll: PENDING
 *   entries are read with `POST getfile:get` under the same query keys as everywhere else
 *   (`fileRetrievalQueries.status`), at most four at a time, backing off while nothing changes, paused in a
 *   hidden tab, stopping by itself. Several mounted watchers share one poll: only the first mounted owns the
 *   interval, records statuses and announces a resolution (once, via the shared transitions feed).
 * - `useRequestFileRetrieval()` — `(target) => Promise<FileRetrieval>`: tracks the target BEFORE the POST,
 *   then seeds the status query with the PENDING answer so the poll starts by itself. Never retried.
 * - `trackFileRetrievals(targets)` / `untrackFileRetrieval(key)` / `clearTrackedFileRetrievals()` — look-ups
 *   (tracking an existing retrieval reads its status) and removal.
 */

export {
  fileRetrievalKey,
  parseFileRetrievalKey,
  type TrackedFileRetrieval,
} from './file-retrieval-store.ts';

export const trackFileRetrievals = (targets: readonly FileRetrievalTargetRef[]) => store.track(targets);
export const untrackFileRetrieval = (key: string) => store.untrack(key);
export const clearTrackedFileRetrievals = () => store.clear();

export function useTrackedFileRetrievals(): readonly TrackedFileRetrieval[] {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/** Keys with a `getfile` POST in flight in this tab: their status is not read until it answers. */
const requesting = new Set<string>();

/** How the last request failed, kept with the entry so it is still readable after a reload. */
function requestErrorOf(error: unknown): TrackedFileRetrieval['requestError'] {
  if (error instanceof HttpError)
    return { message: `HTTP ${error.status}: ${error.message}`, requestId: error.requestId };
  return { message: error instanceof Error ? error.message : String(error) };
}

async function requestTracked(queryClient: QueryClient, target: FileRetrievalTargetRef) {
  const key = fileRetrievalKey(target);
  const statusKey = fileRetrievalQueries.status(target).queryKey;
  requesting.add(key);
  store.track([target]);
  store.update(key, { requestError: undefined });
  // A status read still in flight must not overwrite the PENDING answer below.
  await queryClient.cancelQueries({ queryKey: statusKey });
  try {
    const item = await requestFileRetrieval(target);
    queryClient.setQueryData(statusKey, item);
    requesting.delete(key);
    store.update(key, {
      lastStatus: item.file_status,
      statusSince: Date.now(),
      hostname: item.hostname ?? target.hostname,
    });
    void queryClient.invalidateQueries({ queryKey: [...fileRetrievalQueries.all(), 'history'] });
    return item;
  } catch (error) {
    requesting.delete(key);
    store.update(key, { requestError: requestErrorOf(error) });
    throw error;
  }
}

export function useRequestFileRetrieval(): (target: FileRetrievalTargetRef) => Promise<FileRetrieval> {
  const queryClient = useQueryClient();
  return useCallback((target) => requestTracked(queryClient, target), [queryClient]);
}

/** Polls in a row that still said PENDING, per query, so the interval backs off (src/lib/polling.ts). */
const pendingTicks = new WeakMap<object, { updatedAt: number; ticks: number }>();

export function pendingPollInterval<TKey extends readonly unknown[]>(
  query: Query<FileRetrieval, Error, FileRetrieval, TKey>,
): number | false {
  const { data, dataUpdatedAt } = query.state;
  if (data?.file_status !== 'PENDING') {
    pendingTicks.delete(query);
    return false;
  }
  const seen = pendingTicks.get(query);
  const ticks = !seen ? 0 : seen.updatedAt === dataUpdatedAt ? seen.ticks : seen.ticks + 1;
  pendingTicks.set(query, { updatedAt: dataUpdatedAt, ticks });
  return nextPollInterval(ticks);
}

/** Mounted watchers in mount order; the first owns the poll and the announcements. */
let watchers: symbol[] = [];
const ownerListeners = new Set<() => void>();
function subscribeOwner(listener: () => void) {
  ownerListeners.add(listener);
  return () => ownerListeners.delete(listener);
}
function setWatchers(next: symbol[]) {
  watchers = next;
  for (const listener of ownerListeners) listener();
}

function usePollOwnership(): boolean {
  const [id] = useState(() => Symbol('file-retrieval-watch'));
  useEffect(() => {
    setWatchers([...watchers, id]);
    return () => setWatchers(watchers.filter((watcher) => watcher !== id));
  }, [id]);
  return useSyncExternalStore(
    subscribeOwner,
    () => watchers[0] === id,
    () => false,
  );
}

export interface WatchedFileRetrieval {
  entry: TrackedFileRetrieval;
  /** The latest answer read in this tab (with link and password, in memory only), if any. */
  status?: FileRetrieval;
  /** When `status` was read (epoch ms, this browser's clock): the download link's 10 minutes start here. */
  readAt?: number;
  error: Error | null;
  isFetching: boolean;
  /** A `getfile` POST for it is in flight. */
  isRequesting: boolean;
}

function shouldRead(entry: TrackedFileRetrieval): boolean {
  // Unknown (just looked up, or a request whose answer was lost in a reload) and PENDING are read;
  // settled entries are read again only when the analyst opens them (their links would have expired).
  return !requesting.has(entry.key) && (entry.lastStatus === undefined || entry.lastStatus === 'PENDING');
}

/** What one toast says about the retrievals a poll round resolved (a bulk request resolves together). */
export function resolutionToast(resolved: readonly { entry: TrackedFileRetrieval; status: string }[]): {
  title: string;
  message: string;
  color: string;
} {
  const first = resolved[0]?.status;
  const labelOf = (status: string) => fileStatusMeanings[status]?.label ?? status;
  const where = (entry: TrackedFileRetrieval) => `${entry.hostname ?? entry.deviceId}: ${entry.filePath}`;
  const sameStatus = resolved.every((item) => item.status === first);
  const lines = resolved.map((item) =>
    sameStatus ? where(item.entry) : `${labelOf(item.status)} — ${where(item.entry)}`,
  );
  const shown = 5;
  return {
    title:
      sameStatus && first
        ? `File retrieval: ${labelOf(first)}${resolved.length > 1 ? ` (${resolved.length})` : ''}`
        : `File retrievals resolved (${resolved.length})`,
    message:
      lines.length > shown
        ? `${lines.slice(0, shown).join('\n')}\n… and ${lines.length - shown} more`
        : lines.join('\n'),
    color: (sameStatus && first && fileStatusMeanings[first]?.color) || 'gray',
  };
}

function announce(resolved: readonly { entry: TrackedFileRetrieval; status: string }[]) {
  if (resolved.length === 0) return;
  notifications.show({
    ...resolutionToast(resolved),
    // Named close button and body-coloured text: axe (button-name, color-contrast) flags Mantine's defaults.
    closeButtonProps: { 'aria-label': 'Dismiss the notification' },
    styles: { description: { color: 'var(--mantine-color-text)', whiteSpace: 'pre-line' } },
  });
}

export function useFileRetrievalWatch(): { items: WatchedFileRetrieval[]; pendingCount: number } {
  const entries = useTrackedFileRetrievals();
  const owner = usePollOwnership();
  const results = useQueries({
    queries: entries.map((entry) => ({
      ...fileRetrievalQueries.status(entry),
      enabled: shouldRead(entry),
      refetchInterval: owner ? pendingPollInterval : false,
      // Stated although it is the default: a hidden tab does not poll (issue #4 "pauses in a hidden tab").
      refetchIntervalInBackground: false,
    })),
  });

  const signature = results.map((result) => `${result.data?.file_status}@${result.dataUpdatedAt}`).join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for the results' statuses.
  useEffect(() => {
    if (!owner) return;
    const observations = entries.flatMap((entry, index) => {
      const data = results[index]?.data;
      if (!data) return [];
      if (data.file_status !== entry.lastStatus || (data.hostname && !entry.hostname)) {
        store.update(entry.key, {
          lastStatus: data.file_status,
          statusSince: data.file_status === entry.lastStatus ? entry.statusSince : Date.now(),
          hostname: entry.hostname ?? data.hostname ?? undefined,
        });
      }
      return [
        {
          kind: 'file-retrieval' as const,
          itemId: entry.key,
          status: data.file_status,
          device: data.hostname ?? entry.hostname ?? entry.deviceId,
          subject: entry.filePath,
        },
      ];
    });
    const byKey = new Map(entries.map((entry) => [entry.key, entry]));
    announce(
      observeStatuses(observations).flatMap((transition) => {
        const entry = byKey.get(transition.itemId);
        return entry ? [{ entry, status: transition.to }] : [];
      }),
    );
  }, [owner, signature, entries]);

  const items: WatchedFileRetrieval[] = entries.map((entry, index) => {
    const result = results[index];
    return {
      entry,
      status: result?.data,
      readAt: result?.data ? result.dataUpdatedAt : undefined,
      error: result?.error ?? null,
      isFetching: result?.isFetching ?? false,
      isRequesting: requesting.has(entry.key),
    };
  });
  const pendingCount = items.filter(
    (item) => (item.status?.file_status ?? item.entry.lastStatus) === 'PENDING',
  ).length;
  return { items, pendingCount };
}

export type { FileRetrievalTarget };
