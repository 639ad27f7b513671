import type { QueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { focusViewQueries, maxSearchPairs } from '../api/cylance/focus-views.ts';
import type { FocusPair } from '../api/cylance/schemas.ts';
import { isRetryable, maxReadRetries, retryDelayMs } from '../api/retry.ts';
import { chunk, runLimited } from '../lib/chunk.ts';
import { searchGcTimeMs } from './focus-search-ledger.ts';

/**
 * One lookup run at a time per QueryClient: the set is searched in chunks of at most 200 pairs (seed 000),
 * three calls in flight (the vendor rate-limits, api-contracts.md §1), with progress and cancel. Answers land
 * in the query cache under each chunk's key, where every view reads them. 429 and 5xx are retried with
 * backoff (src/api/retry.ts); a chunk that still fails keeps its error on its own rows only.
 */
const lookupConcurrency = 3;

export interface LookupRunState {
  running: boolean;
  total: number;
  settled: number;
  failed: number;
  cancelled: boolean;
}

const idle: LookupRunState = { running: false, total: 0, settled: 0, failed: 0, cancelled: false };

interface Controller {
  state: LookupRunState;
  cancel?: () => void;
  listeners: Set<() => void>;
  /** The set (by savedAt) whose missing pairs were last looked up automatically. */
  autoStartedFor?: number;
  /** The set whose arrival lookup the entry started before any view mounted (startArrivalLookup). */
  arrivalFor?: number;
}

const controllers = new WeakMap<QueryClient, Controller>();

function controllerOf(queryClient: QueryClient): Controller {
  let controller = controllers.get(queryClient);
  if (!controller) {
    controller = { state: idle, listeners: new Set() };
    controllers.set(queryClient, controller);
  }
  return controller;
}

function update(controller: Controller, state: LookupRunState) {
  controller.state = state;
  for (const listener of controller.listeners) listener();
}

export function searchRunOptions(pairs: readonly FocusPair[]) {
  return {
    ...focusViewQueries.search(pairs),
    gcTime: searchGcTimeMs,
    retry: (failures: number, error: unknown) => failures < maxReadRetries && isRetryable(error),
    retryDelay: (attempt: number, error: unknown) => retryDelayMs(attempt, error),
  };
}

/**
 * Searches `pairs` (any number). `force` asks again even when a fresh answer is cached (after a request, or
 * "look up again"). A run already going is cancelled first: the newest intent wins.
 */
export function startLookup(
  queryClient: QueryClient,
  pairs: readonly FocusPair[],
  force = false,
): Promise<void> {
  const controller = controllerOf(queryClient);
  controller.cancel?.();
  const chunks = chunk(
    pairs.map((pair) => ({ uid: pair.uid, device_id: pair.device_id })),
    maxSearchPairs,
  );
  update(controller, { ...idle, running: chunks.length > 0, total: chunks.length });
  const run = runLimited(
    chunks,
    async (part, signal) => {
      const options = searchRunOptions(part);
      const onAbort = () => void queryClient.cancelQueries({ queryKey: options.queryKey, exact: true });
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await queryClient.fetchQuery({ ...options, staleTime: force ? 0 : 15_000 });
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    },
    {
      concurrency: lookupConcurrency,
      onProgress: (progress) => {
        if (controller.cancel === run.cancel) update(controller, { ...controller.state, ...progress });
      },
    },
  );
  controller.cancel = run.cancel;
  return run.done.then((result) => {
    if (controller.cancel !== run.cancel) return;
    controller.cancel = undefined;
    update(controller, { ...result, running: false });
  });
}

export function cancelLookup(queryClient: QueryClient) {
  controllerOf(queryClient).cancel?.();
}

/**
 * Whether a view that mounts (or a set that changes) should look up the pairs with no answer by itself: yes,
 * unless a run is going or the analyst cancelled the automatic run of this very set (a cancel stays a cancel).
 */
export function claimAutoStart(queryClient: QueryClient, savedAt: number): boolean {
  const controller = controllerOf(queryClient);
  if (controller.state.running) return false;
  if (controller.state.cancelled && controller.autoStartedFor === savedAt) return false;
  controller.autoStartedFor = savedAt;
  return true;
}

/**
 * A deep link's lookup, started by the entry before any view has mounted (features/focus-views/prefetch.ts),
 * so the search does not wait for the page's code and first render. It is the automatic lookup a view would
 * have started on arrival — same run, progress and cancel — and the first view to mount takes it over
 * (takeArrivalLookup) instead of starting its own. Does nothing once a view has claimed a lookup.
 */
export function startArrivalLookup(
  queryClient: QueryClient,
  savedAt: number,
  pairs: readonly FocusPair[],
): boolean {
  const controller = controllerOf(queryClient);
  if (savedAt === 0 || controller.autoStartedFor !== undefined || controller.state !== idle) return false;
  controller.autoStartedFor = savedAt;
  controller.arrivalFor = savedAt;
  void startLookup(queryClient, pairs);
  return true;
}

/** True once, for the first view that mounts on the set whose arrival lookup the entry started. */
export function takeArrivalLookup(queryClient: QueryClient, savedAt: number): boolean {
  const controller = controllerOf(queryClient);
  const started = controller.arrivalFor === savedAt;
  controller.arrivalFor = undefined;
  return started;
}

export function useLookupRun(queryClient: QueryClient): LookupRunState {
  const controller = controllerOf(queryClient);
  const subscribe = useCallback(
    (listener: () => void) => {
      controller.listeners.add(listener);
      return () => controller.listeners.delete(listener);
    },
    [controller],
  );
  return useSyncExternalStore(subscribe, () => controller.state);
}
