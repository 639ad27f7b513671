import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { focusViewQueries } from '../api/cylance/focus-views.ts';
import type { FocusPair, FocusSearchResult } from '../api/cylance/schemas.ts';
import { ContractError } from '../api/http.ts';
import { focusPairKey } from '../lib/focus-pairs.ts';

/**
 * The latest vendor answer for every (uid, device id) pair, read from the search queries in the react-query
 * cache — the lookup chunks, the pending polls, the re-checks after a request — whichever answered last.
 * Nothing is copied out of the cache: when a poll retires (its pairs resolved), its answer stays in the cache
 * (long gcTime) and keeps winning until a newer one arrives.
 */
export interface PairAnswer {
  status?: string;
  focusId?: string | null;
  /** When the vendor last answered for this pair (ms). */
  answeredAt: number;
  /** The newest failure for this pair, when it is newer than the last answer. */
  error?: unknown;
  /** A search containing this pair is in flight. */
  checking: boolean;
}

/** Search answers are kept an hour after their last observer left, so a retired poll's answer is not lost. */
export const searchGcTimeMs = 60 * 60_000;

function missingFromAnswer(pair: FocusPair): ContractError {
  return new ContractError('/foci/v2/search', {
    code: 'custom',
    path: [],
    message: `has no entry for uid ${pair.uid} on device ${pair.device_id}`,
    input: undefined,
  } as never);
}

/** Results by pair key, per answer array: answers do not change, so each is indexed once. */
const indexes = new WeakMap<readonly FocusSearchResult[], Map<string, FocusSearchResult>>();
function indexOf(results: readonly FocusSearchResult[]) {
  let index = indexes.get(results);
  if (!index) {
    index = new Map(results.map((result) => [focusPairKey(result), result]));
    indexes.set(results, index);
  }
  return index;
}

function buildLedger(queryClient: QueryClient): Map<string, PairAnswer> {
  const ledger = new Map<string, PairAnswer & { errorAt: number }>();
  for (const query of queryClient.getQueryCache().findAll({ queryKey: focusViewQueries.searches() })) {
    const pairs = query.queryKey[3] as readonly FocusPair[] | undefined;
    if (!Array.isArray(pairs)) continue;
    const { data, dataUpdatedAt, error, errorUpdatedAt, fetchStatus } = query.state;
    const byKey = Array.isArray(data) ? indexOf(data as FocusSearchResult[]) : undefined;
    for (const pair of pairs) {
      const key = focusPairKey(pair);
      let answer = ledger.get(key);
      if (!answer) {
        answer = { answeredAt: 0, errorAt: 0, checking: false };
        ledger.set(key, answer);
      }
      if (fetchStatus === 'fetching') answer.checking = true;
      if (byKey && dataUpdatedAt > answer.answeredAt) {
        const result = byKey.get(key);
        answer.answeredAt = dataUpdatedAt;
        answer.status = result?.status;
        answer.focusId = result?.focus_id ?? null;
        // A well-formed answer that leaves a pair out is a contract problem for that row only.
        if (!result && dataUpdatedAt >= answer.errorAt) {
          answer.error = missingFromAnswer(pair);
          answer.errorAt = dataUpdatedAt;
        }
      }
      if (error && errorUpdatedAt > answer.errorAt) {
        answer.error = error;
        answer.errorAt = errorUpdatedAt;
      }
    }
  }
  // An error shows only while it is newer than the last answer (a later success clears it).
  for (const answer of ledger.values()) {
    if (answer.error && answer.errorAt < answer.answeredAt) answer.error = undefined;
  }
  return ledger;
}

/**
 * Coalesces cache events: a 10 000-pair lookup fires hundreds of them, and each rebuild walks every pair,
 * so the ledger is rebuilt at most this often (measured: per-event rebuilds spent seconds in GC). The first
 * change after a quiet spell is published at once (the events of one dispatch still coalesce): a deep link's
 * answer should not wait out the interval before its rows show (issue #11 "Deep link").
 */
const rebuildEveryMs = 100;

interface LedgerFeed {
  /** Published version: changes only when the throttle fires, so unrelated renders do not rebuild early. */
  version: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setTimeout>;
  /** When the version was last published (ms, performance.now()). */
  publishedAt: number;
  unsubscribe?: () => void;
}
const feeds = new WeakMap<QueryClient, LedgerFeed>();

function feedOf(queryClient: QueryClient): LedgerFeed {
  let feed = feeds.get(queryClient);
  if (!feed) {
    feed = { version: 0, listeners: new Set(), publishedAt: Number.NEGATIVE_INFINITY };
    feeds.set(queryClient, feed);
  }
  return feed;
}

function subscribeFeed(queryClient: QueryClient, listener: () => void) {
  const feed = feedOf(queryClient);
  feed.listeners.add(listener);
  // Changes made while nobody listened are not known: count them as one.
  if (!feed.unsubscribe) feed.version++;
  feed.unsubscribe ??= queryClient.getQueryCache().subscribe((event) => {
    // Observer bookkeeping (options, results) changes no answer; only state changes and new/removed queries do.
    if (event.type !== 'updated' && event.type !== 'added' && event.type !== 'removed') return;
    const key = event.query.queryKey;
    if (key[0] !== 'cylance' || key[1] !== 'focus-views' || key[2] !== 'search') return;
    const wait = Math.max(0, feed.publishedAt + rebuildEveryMs - performance.now());
    feed.timer ??= setTimeout(() => {
      feed.timer = undefined;
      feed.publishedAt = performance.now();
      feed.version++;
      for (const notify of feed.listeners) notify();
    }, wait);
  });
  return () => {
    feed.listeners.delete(listener);
    if (feed.listeners.size > 0) return;
    clearTimeout(feed.timer);
    feed.timer = undefined;
    feed.unsubscribe?.();
    feed.unsubscribe = undefined;
  };
}

/** The ledger, rebuilt when the search queries changed, at most every rebuildEveryMs. */
export function useSearchLedger(queryClient: QueryClient): Map<string, PairAnswer> {
  const subscribe = useCallback(
    (listener: () => void) => subscribeFeed(queryClient, listener),
    [queryClient],
  );
  const version = useSyncExternalStore(subscribe, () => feedOf(queryClient).version);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the feed's published change counter.
  return useMemo(() => buildLedger(queryClient), [queryClient, version]);
}
