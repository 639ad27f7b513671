import { type QueryClient, queryOptions, skipToken } from '@tanstack/react-query';
import type { Verdict } from './schemas.ts';
import { type DumpOptions, dumpVerdicts, VerdictDumpError } from './verdicts.ts';

/**
 * The whole verdict table, loaded page by page (seed 002's bookmark loop). It is one growing result, not a
 * server resource per page, so it lives in one query entry (['prisma','verdicts','dump']) written with
 * setQueryData as pages arrive; every reader (network tab, correlated machines) sees the same rows.
 */
export interface VerdictDumpState {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  verdicts: Verdict[];
  pages: number;
  startedAt: number;
  /** When the last page arrived or the run stopped. */
  updatedAt: number;
  /** Where a resume continues (the next page to fetch); undefined when done or not started. */
  resumeBookmark?: string;
  /** Retried page failures in this run (429s, 5xx): shown so a slow dump is explained. */
  retries: number;
  error?: unknown;
}

export const verdictDumpQuery = () =>
  queryOptions<VerdictDumpState>({
    queryKey: ['prisma', 'verdicts', 'dump'],
    // Written only by runVerdictDump; never fetched, never garbage-collected while the app runs.
    queryFn: skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });

const running = new WeakMap<QueryClient, AbortController>();

export function cancelVerdictDump(queryClient: QueryClient): void {
  running.get(queryClient)?.abort();
}

export interface RunDumpOptions extends Pick<DumpOptions, 'pageLen' | 'pacer' | 'maxRetries'> {
  /** Continue the previous run from its resume bookmark, keeping its rows. */
  resume?: boolean;
  now?: () => number;
}

/** Starts (or resumes) the dump; a run already in progress is cancelled first. Resolves when it stops. */
export async function runVerdictDump(queryClient: QueryClient, options: RunDumpOptions = {}): Promise<void> {
  const { queryKey } = verdictDumpQuery();
  const now = options.now ?? Date.now;
  cancelVerdictDump(queryClient);
  const controller = new AbortController();
  running.set(queryClient, controller);

  const previous = queryClient.getQueryData(queryKey);
  const resume = options.resume && previous && previous.status !== 'done' ? previous : undefined;
  // A superseded run (restart while running) must not write over its successor.
  const update = (patch: Partial<VerdictDumpState>) => {
    if (running.get(queryClient) !== controller) return;
    queryClient.setQueryData(queryKey, (state) => (state ? { ...state, ...patch, updatedAt: now() } : state));
  };
  queryClient.setQueryData(queryKey, {
    status: 'running',
    verdicts: resume?.verdicts ?? [],
    pages: resume?.pages ?? 0,
    startedAt: resume?.startedAt ?? now(),
    updatedAt: now(),
    resumeBookmark: resume?.resumeBookmark,
    retries: 0,
  });

  try {
    const pages = dumpVerdicts({
      ...options,
      bookmark: resume?.resumeBookmark,
      signal: controller.signal,
      onRetry: () => update({ retries: (queryClient.getQueryData(queryKey)?.retries ?? 0) + 1 }),
    });
    for await (const page of pages) {
      const state = queryClient.getQueryData(queryKey);
      update({
        verdicts: state ? state.verdicts.concat(page.verdicts) : page.verdicts,
        pages: (state?.pages ?? 0) + 1,
        resumeBookmark: page.nextBookmark,
        status: page.last ? 'done' : 'running',
      });
    }
  } catch (error) {
    if (controller.signal.aborted) update({ status: 'cancelled' });
    else update({ status: 'failed', error: error instanceof VerdictDumpError ? error.cause : error });
  } finally {
    if (running.get(queryClient) === controller) running.delete(queryClient);
  }
}
