import type { QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { focusViewQueries } from '../api/cylance/focus-views.ts';
import { ContractError } from '../api/http.ts';
import type { FocusPair, FocusSearchResult } from '../api/cylance/schemas.ts';
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

export function buildLedger(queryClient: QueryClient): Map<string, PairAnswer> {
  const ledger = new Map<string, PairAnswer>();
  const at = (key: string) => {
    let answer = ledger.get(key);
    if (!answer) {
      answer = { answeredAt: 0, checking: false };
      ledger.set(key, answer);
    }
    return answer;
  };
  for (const query of queryClient.getQueryCache().findAll({ queryKey: focusViewQueries.searches() })) {
    const pairs = query.queryKey[3] as readonly FocusPair[] | undefined;
    if (!Array.isArray(pairs)) continue;
    const { data, dataUpdatedAt, error, errorUpdatedAt, fetchStatus } = query.state;
    const results = Array.isArray(data) ? (data as FocusSearchResult[]) : undefined;
    const byKey = results ? new Map(results.map((result) => [focusPairKey(result), result])) : undefined;
    for (const pair of pairs) {
      const key = focusPairKey(pair);
      const answer = at(key);
      if (fetchStatus === 'fetching') answer.checking = true;
      if (byKey && dataUpdatedAt > answer.answeredAt) {
        const result = byKey.get(key);
        answer.answeredAt = dataUpdatedAt;
        answer.status = result?.status;
        answer.focusId = result?.focus_id ?? null;
        // A well-formed answer that leaves a pair out is a contract problem for that row only.
        answer.error = result ? undefined : missingFromAnswer(pair);
      }
      if (error && errorUpdatedAt > answer.answeredAt) answer.error = error;
    }
  }
  return ledger;
}

/** Re-renders on any change to a search query; the ledger is rebuilt only then. */
export function useSearchLedger(queryClient: QueryClient): Map<string, PairAnswer> {
  const version = useSyncExternalStore(
    (onChange) => {
      let pending = false;
      return queryClient.getQueryCache().subscribe((event) => {
        // Observer bookkeeping (options, results) changes no answer; only state changes and new/removed queries do.
        if (event.type !== 'updated' && event.type !== 'added' && event.type !== 'removed') return;
        const key = event.query.queryKey;
        if (key[0] !== 'cylance' || key[1] !== 'focus-views' || key[2] !== 'search') return;
        versions.set(queryClient, (versions.get(queryClient) ?? 0) + 1);
        // Several cache events arrive per fetch: one render for them.
        if (pending) return;
        pending = true;
        queueMicrotask(() => {
          pending = false;
          onChange();
        });
      });
    },
    () => versions.get(queryClient) ?? 0,
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the cache's change counter.
  return useMemo(() => buildLedger(queryClient), [queryClient, version]);
}

const versions = new WeakMap<QueryClient, number>();
