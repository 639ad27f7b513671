/**
 * Splitting big work into vendor-sized pieces and running them a few at a time. Used for the focus-view
 * search (at most 200 pairs per call, seed 000) and for bulk requests (one POST per pair): the vendor
 * rate-limits (api-contracts.md §1 "Rate limit"), so a 10 000-pair lookup must not fire 50 calls at once.
 */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

export interface RunProgress {
  total: number;
  /** Tasks that finished, successfully or not. */
  settled: number;
  failed: number;
}

export interface RunResult extends RunProgress {
  cancelled: boolean;
}

export interface LimitedRun {
  /** Settles when every started task has settled; never rejects (failures are counted and reported). */
  done: Promise<RunResult>;
  /** Starts no further task and aborts the signal the running ones were given. */
  cancel(): void;
}

export interface RunOptions {
  concurrency: number;
  onProgress?: (progress: RunProgress) => void;
  /** Called once per task that threw (other than by being cancelled). */
  onError?: (index: number, error: unknown) => void;
}

/** Runs `worker` over `tasks` with at most `concurrency` in flight, in order of the list. */
export function runLimited<T>(
  tasks: readonly T[],
  worker: (task: T, signal: AbortSignal, index: number) => Promise<unknown>,
  options: RunOptions,
): LimitedRun {
  const controller = new AbortController();
  const progress: RunProgress = { total: tasks.length, settled: 0, failed: 0 };
  let next = 0;
  const lane = async () => {
    while (next < tasks.length && !controller.signal.aborted) {
      const index = next++;
      try {
        await worker(tasks[index] as T, controller.signal, index);
      } catch (error) {
        if (controller.signal.aborted) return;
        progress.failed++;
        options.onError?.(index, error);
      }
      progress.settled++;
      options.onProgress?.({ ...progress });
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(options.concurrency, tasks.length)) }, lane);
  const done = Promise.all(lanes).then(() => ({ ...progress, cancelled: controller.signal.aborted }));
  return { done, cancel: () => controller.abort() };
}
