import { queryOptions } from '@tanstack/react-query';
import { normalizeIp } from '../../lib/ip.ts';
import { createPacer, type Pacer } from '../../lib/pacer.ts';
import { HttpError, request } from '../http.ts';
import { isRetryable, retryDelayMs } from '../retry.ts';
import {
  isLastVerdictPage,
  type Verdict,
  type VerdictPage,
  verdictPageSchema,
  verdictStatisticsSchema,
} from './schemas.ts';

/** The browser calls `/api/prisma/verdicts…`; the gateway adds the API key (issue #2). */
const prismaBase = '/api/prisma';

/** Seed 002: `pageLen` is 1–10000, default 10000. */
export const maxPageLen = 10_000;
/** Seed 002: "up to 10" IPs per lookup. */
export const maxLookupIps = 10;

/**
 * Prisma allows one request per second (seed 002) for every call, so all of them share one serial pacer, a
 * little slower than the vendor (5 %, as the gateway's limiters) so the tab rarely waits in the gateway's
 * queue. The guarantee against 429s is the gateway's: it sends Prisma one call at a time, each a second after
 * the previous answer (server/limiter.ts).
 */
export const prismaPacer: Pacer = createPacer({ intervalMs: 1_050, serial: true });

async function paced<T>(call: () => Promise<T>, signal: AbortSignal | undefined, pacer: Pacer): Promise<T> {
  try {
    return await pacer.run(call, signal);
  } catch (error) {
    // Over the limit anyway (another tab, another client of the same key): wait as told and slow down.
    if (error instanceof HttpError && error.status === 429) pacer.backOff(error.retryAfterMs);
    throw error;
  }
}

export interface VerdictPageRequest {
  bookmark?: string;
  pageLen?: number;
}

export function fetchVerdictPage(
  { bookmark, pageLen }: VerdictPageRequest,
  signal?: AbortSignal,
  pacer: Pacer = prismaPacer,
): Promise<VerdictPage> {
  if (pageLen !== undefined && !(Number.isInteger(pageLen) && pageLen >= 1 && pageLen <= maxPageLen)) {
    throw new RangeError(`pageLen must be an integer from 1 to ${maxPageLen}`);
  }
  return paced(
    () =>
      request(`${prismaBase}/verdicts`, { schema: verdictPageSchema, query: { bookmark, pageLen }, signal }),
    signal,
    pacer,
  );
}

/** `?ip=a,b,c`: up to 10 IPs; unknown IPs are silently left out of the answer (seed 002). */
export async function lookupVerdicts(
  ips: readonly string[],
  signal?: AbortSignal,
  pacer: Pacer = prismaPacer,
): Promise<Verdict[]> {
  if (ips.length === 0) throw new RangeError('Enter at least one IP address.');
  if (ips.length > maxLookupIps) throw new RangeError(`At most ${maxLookupIps} IP addresses per lookup.`);
  const normalized = ips.map((ip) => {
    const result = normalizeIp(ip);
    if (!result.ok) throw new RangeError(result.reason);
    return result.value;
  });
  const page = await paced(
    () =>
      request(`${prismaBase}/verdicts`, {
        schema: verdictPageSchema,
        query: { ip: normalized.join(',') },
        signal,
      }),
    signal,
    pacer,
  );
  return page.verdicts;
}

export function getVerdictStatistics(signal?: AbortSignal, pacer: Pacer = prismaPacer) {
  return paced(
    () => request(`${prismaBase}/verdicts:statistics`, { schema: verdictStatisticsSchema, signal }),
    signal,
    pacer,
  );
}

/** A dump stopped by a failure that retries did not fix; `resumeBookmark` is where to continue. */
export class VerdictDumpError extends Error {
  readonly resumeBookmark: string | undefined;
  constructor(resumeBookmark: string | undefined, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'VerdictDumpError';
    this.resumeBookmark = resumeBookmark;
  }
}

export interface DumpOptions {
  /** Continue from here (a previous run's resume point); undefined starts at the beginning. */
  bookmark?: string;
  pageLen?: number;
  signal?: AbortSignal;
  /** Retries per page for 429/5xx/network errors, with backoff that honours Retry-After. */
  maxRetries?: number;
  pacer?: Pacer;
  onRetry?: (attempt: number, error: unknown) => void;
}

export interface DumpedPage {
  verdicts: Verdict[];
  /** The bookmark this page was requested with. */
  bookmark: string | undefined;
  /** Where the next page starts; undefined on the last page. */
  nextBookmark: string | undefined;
  last: boolean;
}

/**
 * The bookmark loop (seed 002): request, then keep requesting with `bookmark=<nextBookmark>` until a page
 * signals the end (isLastVerdictPage). Paced by the shared pacer; cancellable with the signal.
 */
export async function* dumpVerdicts(options: DumpOptions = {}): AsyncGenerator<DumpedPage> {
  const pacer = options.pacer ?? prismaPacer;
  const maxRetries = options.maxRetries ?? 4;
  let bookmark = options.bookmark;
  for (;;) {
    let page: VerdictPage | undefined;
    for (let attempt = 0; page === undefined; attempt++) {
      try {
        page = await fetchVerdictPage({ bookmark, pageLen: options.pageLen }, options.signal, pacer);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (!isRetryable(error) || attempt >= maxRetries) throw new VerdictDumpError(bookmark, error);
        options.onRetry?.(attempt + 1, error);
        await pacer.timing.sleep(retryDelayMs(attempt, error), options.signal);
      }
    }
    const last = isLastVerdictPage(page);
    const nextBookmark = last ? undefined : (page.nextBookmark ?? undefined);
    yield { verdicts: page.verdicts, bookmark, nextBookmark, last };
    if (last) return;
    bookmark = nextBookmark;
  }
}

export const verdictQueries = {
  all: () => ['prisma', 'verdicts'] as const,
  lookup: (ips: readonly string[]) =>
    queryOptions({
      queryKey: [...verdictQueries.all(), 'lookup', ips] as const,
      queryFn: ({ signal }) => lookupVerdicts(ips, signal),
    }),
  statistics: () =>
    queryOptions({
      queryKey: [...verdictQueries.all(), 'statistics'] as const,
      queryFn: ({ signal }) => getVerdictStatistics(signal),
      staleTime: 60_000,
    }),
};
