import { z } from 'zod';
import { createPacer, type PacerTiming } from '../../lib/pacer.ts';
import { ContractError, HttpError, type QueryValue, requestWithMeta } from '../http.ts';

/**
 * ESET's slow answers (api-contracts.md §2 "Slow answers → 202"): a result not ready in about 30 s comes back
 * as `202 Accepted` with a `response-id` header. The identical request is re-sent with `response-id: <id>`
 * until it is 200. The id is spent after a successful read (→ 404), dropped when unclaimed for 10 min (→ 404),
 * and a result not ready within about 120 s is a 504. elastic/integrations PR #15911 looped forever on a
 * stale id; here the id is cleared on 200, 404 and 504, and a 404/504 during a replay starts over once.
 */
export interface EsetPreparing {
  /** The request being prepared (path + query), stable across replays. */
  key: string;
  path: string;
  responseId: string;
  /** How many 202s this request has seen so far. */
  attempts: number;
  startedAt: number;
}

export interface EsetReplayOptions {
  /** Gap between replays when the 202 carries no Retry-After. */
  intervalMs?: number;
  /** The upper bound: give up with EsetPreparingTimeout after this long (ESET itself answers 504 at ~120 s). */
  maxWaitMs?: number;
  timing?: PacerTiming;
  onPreparing?: (state: EsetPreparing) => void;
}

export const esetReplayDefaults = { intervalMs: 2_000, maxWaitMs: 150_000 };

/** The answer never became ready within the upper bound. */
export class EsetPreparingTimeout extends Error {
  readonly responseId: string;
  constructor(path: string, responseId: string, waitedMs: number) {
    super(`ESET was still preparing ${path} after ${Math.round(waitedMs / 1000)} s`);
    this.name = 'EsetPreparingTimeout';
    this.responseId = responseId;
  }
}

// ---- Who is waiting for ESET right now (read by the UI for its "ESET is preparing the answer" state) ----
type Listener = () => void;
let preparing: readonly EsetPreparing[] = [];
const listeners = new Set<Listener>();

function setPreparing(next: readonly EsetPreparing[]) {
  preparing = next;
  for (const listener of listeners) listener();
}

/** External store (for useSyncExternalStore): the ESET requests currently answered with 202. */
export const esetPreparingStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  getSnapshot: (): readonly EsetPreparing[] => preparing,
};

function markPreparing(state: EsetPreparing) {
  setPreparing([...preparing.filter((item) => item.key !== state.key), state]);
}
function clearPreparing(key: string) {
  if (preparing.some((item) => item.key === key)) setPreparing(preparing.filter((item) => item.key !== key));
}

/** ESET allows 10 calls per second per credentials (api-contracts.md §2): keep every call 100 ms apart. */
export const esetPacer = createPacer({ intervalMs: 100 });

export interface EsetGetOptions<T> {
  schema: z.ZodType<T>;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  replay?: EsetReplayOptions;
}

function requestKey(path: string, query: Record<string, QueryValue> = {}): string {
  return `${path}?${JSON.stringify(query)}`;
}

/** GET an ESET resource, replaying 202s until the answer is ready. */
export async function esetGet<T>(path: string, options: EsetGetOptions<T>): Promise<T> {
  const { intervalMs, maxWaitMs } = { ...esetReplayDefaults, ...options.replay };
  const timing = options.replay?.timing ?? esetPacer.timing;
  const key = requestKey(path, options.query);
  const startedAt = timing.now();
  let responseId: string | undefined;
  let attempts = 0;
  let startedOver = false;
  try {
    for (;;) {
      let response: Awaited<ReturnType<typeof requestWithMeta<unknown>>>;
      try {
        response = await esetPacer.run(
          () =>
            requestWithMeta(path, {
              schema: z.unknown(),
              query: options.query,
              headers: responseId ? { 'response-id': responseId } : undefined,
              signal: options.signal,
            }),
          options.signal,
        );
      } catch (error) {
        // A spent/expired id (404) or a 504 during a replay: forget the id and repeat the original query, once.
        const replayFailed = error instanceof HttpError && (error.status === 404 || error.status === 504);
        if (responseId && replayFailed && !startedOver) {
          responseId = undefined;
          startedOver = true;
          continue;
        }
        if (error instanceof HttpError && error.status === 429) esetPacer.backOff(error.retryAfterMs);
        throw error;
      }
      if (response.status === 202) {
        const id = response.headers.get('response-id');
        if (!id)
          throw new HttpError({ status: 202, message: 'ESET answered 202 without a response-id header' });
        responseId = id;
        attempts++;
        const state = { key, path, responseId: id, attempts, startedAt };
        markPreparing(state);
        options.replay?.onPreparing?.(state);
        const waited = timing.now() - startedAt;
        if (waited >= maxWaitMs) throw new EsetPreparingTimeout(path, id, waited);
        await timing.sleep(Math.min(intervalMs, maxWaitMs - waited), options.signal);
        continue;
      }
      const parsed = options.schema.safeParse(response.data);
      const requestId = response.headers.get('request-id') ?? undefined;
      if (!parsed.success) throw new ContractError(path, parsed.error.issues[0], requestId);
      return parsed.data;
    }
  } finally {
    clearPreparing(key);
  }
}
