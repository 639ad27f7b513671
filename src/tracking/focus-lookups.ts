import { useIsFetching, useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useSyncExternalStore } from 'react';
import { focusViewQueries, maxSearchPairs } from '../api/cylance/focus-views.ts';
import type { FocusSearchResult } from '../api/cylance/schemas.ts';
import { chunk } from '../lib/chunk.ts';
import { focusPairKey } from '../lib/focus-pairs.ts';
import { type BackoffSchedule, defaultPollSchedule, nextPollInterval } from '../lib/polling.ts';
import {
  cancelLookup,
  claimAutoStart,
  type LookupRunState,
  searchRunOptions,
  startLookup,
  takeArrivalLookup,
  useLookupRun,
} from './focus-lookup-run.ts';
import { type TrackedPair, useLookupSet } from './focus-lookup-store.ts';
import { type PairAnswer, useSearchLedger } from './focus-search-ledger.ts';
import { observeStatuses, type StatusTransition, useTransitions } from './transitions.ts';

/**
 * useFocusLookup() — the tracked focus-view lookup set and its live statuses, for any view (Focus views,
 * Overview). Returns:
 *   pairs / savedAt / storageError  the durable set (focus-lookup-store.ts; localStorage, written before any call)
 *   rows       one per pair: the pair, its latest vendor status and focus id, its error, whether it is checking
 *   counts     rows per status ('NOT_CHECKED' for pairs with no answer yet)
 *   pendingCount, isPolling
 *   run        the lookup run (progress of the chunked search) with start(pairs?, force?) and cancel()
 *   lastTick   the status transitions of the latest poll tick (for highlights and one aggregated toast)
 *
 * Polling (house-style.md "Query options and polling"): PENDING pairs are searched in chunks of 200 — one call
 * per 200 pending pairs per tick — with refetchInterval backing off 2 s → 30 s while a chunk is unchanged
 * (src/lib/polling.ts). A change re-chunks the pending pairs into new keys, which restarts at 2 s; nothing
 * pending, no queries, no calls. Hidden tab: paused (refetchIntervalInBackground false).
 * However many components mount this hook, only the first mounted one owns the poll observers and the
 * automatic lookup, so the same chunk is never polled twice; the others read the same cache.
 */
export interface FocusLookupRow extends TrackedPair, Omit<PairAnswer, 'answeredAt'> {
  key: string;
  /** 0 when the vendor has not answered for this pair yet. */
  answeredAt: number;
}

export interface FocusLookup {
  pairs: readonly TrackedPair[];
  savedAt: number;
  storageError: string | null;
  rows: FocusLookupRow[];
  counts: Record<string, number>;
  pendingCount: number;
  isPolling: boolean;
  run: LookupRunState & {
    start: (pairs?: readonly TrackedPair[], force?: boolean) => void;
    cancel: () => void;
  };
  lastTick: StatusTransition[];
}

export const notChecked = 'NOT_CHECKED';

// ---- one owner among the mounted hooks ----
const owners: string[] = [];
const ownerListeners = new Set<() => void>();
function setOwners(change: () => void) {
  change();
  for (const listener of ownerListeners) listener();
}
function subscribeOwners(listener: () => void) {
  ownerListeners.add(listener);
  return () => ownerListeners.delete(listener);
}
function useIsOwner(id: string): boolean {
  useEffect(() => {
    setOwners(() => owners.push(id));
    return () => setOwners(() => owners.splice(owners.indexOf(id), 1));
  }, [id]);
  return useSyncExternalStore(subscribeOwners, () => owners[0] === id);
}

function toRows(pairs: readonly TrackedPair[], ledger: Map<string, PairAnswer>): FocusLookupRow[] {
  return pairs.map((pair) => {
    const key = focusPairKey(pair);
    const answer = ledger.get(key);
    return { ...pair, key, answeredAt: 0, checking: false, ...answer };
  });
}

export function useFocusLookup(options: { schedule?: BackoffSchedule } = {}): FocusLookup {
  const schedule = options.schedule ?? defaultPollSchedule;
  const queryClient = useQueryClient();
  const isOwner = useIsOwner(useId());
  const { pairs, savedAt, storageError } = useLookupSet();
  const ledger = useSearchLedger(queryClient);
  const runState = useLookupRun(queryClient);
  const rows = useMemo(() => toRows(pairs, ledger), [pairs, ledger]);

  const pending = useMemo(() => rows.filter((row) => row.status === 'PENDING'), [rows]);
  const pendingChunks = useMemo(
    () =>
      chunk(
        pending.map((row) => ({ uid: row.uid, device_id: row.device_id })),
        maxSearchPairs,
      ),
    [pending],
  );
  const answers = useMemo(() => new Map(rows.map((row) => [row.key, row])), [rows]);
  useQueries({
    queries: isOwner
      ? pendingChunks.map((part) => ({
          ...searchRunOptions(part),
          // Seeded with the answers already seen, so a new chunk waits one interval instead of asking at once.
          initialData: (): FocusSearchResult[] =>
            part.map((pair) => ({
              ...pair,
              status: 'PENDING',
              focus_id: answers.get(focusPairKey(pair))?.focusId,
            })),
          initialDataUpdatedAt: Math.max(
            ...part.map((pair) => answers.get(focusPairKey(pair))?.answeredAt ?? 0),
          ),
          staleTime: Number.POSITIVE_INFINITY,
          refetchInterval: (query: { state: { dataUpdateCount: number } }) =>
            nextPollInterval(Math.max(0, query.state.dataUpdateCount - 1), schedule),
          refetchIntervalInBackground: false,
        }))
      : [],
  });

  // A restored or new set is looked up automatically for the pairs with no answer in the cache (on arrival,
  // and on coming back after the cache let old answers go); a cancelled automatic run is not restarted.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount and per set (savedAt), with the rows of that moment.
  useEffect(() => {
    if (!isOwner || savedAt === 0) return;
    // A deep link's arrival lookup was started by the entry already (features/focus-views/prefetch.ts).
    if (takeArrivalLookup(queryClient, savedAt)) return;
    const missing = rows.filter((row) => row.answeredAt === 0 && !row.checking);
    if (missing.length > 0 && claimAutoStart(queryClient, savedAt)) void startLookup(queryClient, missing);
  }, [isOwner, savedAt, queryClient]);

  // Transitions are recorded once per tick: when no search is in flight, so a tick's chunks count together.
  const searching = useIsFetching({ queryKey: focusViewQueries.searches() }) > 0;
  useEffect(() => {
    if (!isOwner || searching) return;
    const observed = rows.filter((row) => row.status !== undefined);
    if (observed.length === 0) return;
    observeStatuses(
      observed.map((row) => ({
        kind: 'focus-view',
        itemId: row.key,
        status: row.status as string,
        device: row.hostname ?? row.device_id,
        subject: row.uid,
      })),
    );
  }, [isOwner, searching, rows]);

  const mountedAt = useRef(Date.now());
  const { feed } = useTransitions();
  const lastTick = useMemo(() => {
    const mine = feed.filter(
      (transition) =>
        transition.kind === 'focus-view' &&
        transition.at >= mountedAt.current &&
        answers.has(transition.itemId),
    );
    const latest = Math.max(0, ...mine.map((transition) => transition.at));
    return mine.filter((transition) => transition.at === latest);
  }, [feed, answers]);

  const counts = useMemo(() => {
    const result: Record<string, number> = {};
    for (const row of rows) {
      const status = row.status ?? notChecked;
      result[status] = (result[status] ?? 0) + 1;
    }
    return result;
  }, [rows]);

  return {
    pairs,
    savedAt,
    storageError,
    rows,
    counts,
    pendingCount: pending.length,
    isPolling: pendingChunks.length > 0,
    run: {
      ...runState,
      start: (subset = pairs, force = true) => void startLookup(queryClient, subset, force),
      cancel: () => cancelLookup(queryClient),
    },
    lastTick,
  };
}
