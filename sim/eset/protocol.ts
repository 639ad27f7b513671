import { HttpResponse, type JsonBodyType } from 'msw';
import type { SimClock } from '../clock.ts';

/**
 * ESET Connect's cross-cutting behaviour (api-contracts.md §2): google.rpc.Status errors, a `request-id` on
 * every response, AIP-158 paging, 10 calls/s, and slow answers as 202 + `response-id`.
 */
export const rpcCode = {
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  RESOURCE_EXHAUSTED: 8,
} as const;

export function requestIdHeaders(extra: Record<string, string> = {}) {
  return { 'request-id': crypto.randomUUID(), ...extra };
}

export function esetJson(body: JsonBodyType, status = 200) {
  return HttpResponse.json(body, { status, headers: requestIdHeaders() });
}

export function esetError(
  status: number,
  code: number,
  message: string,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json({ code, message, details: [] }, { status, headers: requestIdHeaders(headers) });
}

export const invalidArgument = (message: string) => esetError(400, rpcCode.INVALID_ARGUMENT, message);
export const notFound = (message: string) => esetError(404, rpcCode.NOT_FOUND, message);

/** `pageSize` unset or 0 → 50, above 1000 → silently 1000; negative or not a number → 400. */
export function readPageSize(url: URL): number | Response {
  const raw = url.searchParams.get('pageSize');
  if (raw === null || raw === '') return 50;
  const size = Number(raw);
  if (!Number.isInteger(size) || size < 0) return invalidArgument(`invalid pageSize: ${raw}`);
  if (size === 0) return 50;
  return Math.min(size, 1000);
}

/** Page tokens are opaque to clients; here they carry the collection and the offset. */
export function pageToken(collection: string, offset: number): string {
  return btoa(`${collection}:${offset}`).replace(/=+$/, '').replaceAll('+', '-').replaceAll('/', '_');
}

export function readPageToken(url: URL, collection: string): number | Response {
  const raw = url.searchParams.get('pageToken');
  if (raw === null || raw === '') return 0;
  let decoded = '';
  try {
    decoded = atob(raw.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    return invalidArgument('invalid pageToken');
  }
  const offset = decoded.slice(collection.length + 1);
  if (!decoded.startsWith(`${collection}:`) || !/^\d+$/.test(offset))
    return invalidArgument('invalid pageToken');
  return Number(offset);
}

export function readBoolean(url: URL, name: string): boolean | undefined | Response {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  return invalidArgument(`invalid value for ${name}: ${raw}`);
}

/** A page of `items` and the token of the next one; the token is empty on the last page (AIP-158). */
export function slicePage<T>(items: readonly T[], offset: number, size: number, collection: string) {
  const end = offset + size;
  return {
    page: items.slice(offset, end),
    nextPageToken: end < items.length ? pageToken(collection, end) : '',
  };
}

// ---- Rate limit: 10 calls per second ----
export interface EsetRateLimit {
  /** On by default with a wall clock; manual-clock tests switch it on where they test it (time stands still). */
  enabled: boolean;
  perSecond: number;
  accepted: number[];
}

export function overRateLimit(limit: EsetRateLimit, clock: SimClock): Response | undefined {
  if (!limit.enabled) return undefined;
  const now = clock.now();
  limit.accepted = limit.accepted.filter((time) => time > now - 1000);
  if (limit.accepted.length >= limit.perSecond) {
    return esetError(429, rpcCode.RESOURCE_EXHAUSTED, 'Rate limit reached', { 'retry-after': '1' });
  }
  limit.accepted.push(now);
  return undefined;
}

// ---- Slow answers: 202 + response-id ----
export interface EsetSlowAnswers {
  /** Every call answers 202 first (tests set it). */
  all: boolean;
  /** A batchGet of more than this many UUIDs is slow (the deterministic demo rule). */
  batchThreshold: number;
  /** Simulated time until a slow answer is ready. Above 120 s the replay ends in 504. */
  readyAfterMs: number;
  pending: Map<string, { key: string; createdAt: number; readyAt: number }>;
}

const giveUpMs = 120_000;
const dropUnclaimedMs = 10 * 60_000;

/**
 * Wraps a resolver with ESET's slow-answer protocol. `key` identifies the identical request (method, path and
 * query as sent); the result is computed when it is claimed.
 */
export function withSlowAnswers(
  slow: EsetSlowAnswers,
  clock: SimClock,
  request: Request,
  isSlow: boolean,
  answer: () => Response,
): Response {
  const now = clock.now();
  for (const [id, entry] of slow.pending) {
    if (now - Math.max(entry.createdAt + giveUpMs, entry.readyAt) > dropUnclaimedMs) slow.pending.delete(id);
  }
  const url = new URL(request.url);
  const key = `${request.method} ${url.pathname}${url.search}`;
  const responseId = request.headers.get('response-id');
  if (responseId) {
    const entry = slow.pending.get(responseId);
    if (!entry || entry.key !== key) return notFound('No pending response with this response-id');
    if (now >= entry.readyAt) {
      slow.pending.delete(responseId);
      if (now - entry.readyAt > dropUnclaimedMs) return notFound('The response was not claimed in time');
      return answer();
    }
    if (now - entry.createdAt >= giveUpMs) {
      slow.pending.delete(responseId);
      return esetError(504, rpcCode.DEADLINE_EXCEEDED, 'Action took too long; timeout reached');
    }
    return new HttpResponse(null, { status: 202, headers: requestIdHeaders({ 'response-id': responseId }) });
  }
  if (!isSlow && !slow.all) return answer();
  const id = crypto.randomUUID();
  slow.pending.set(id, { key, createdAt: now, readyAt: now + slow.readyAfterMs });
  return new HttpResponse(null, { status: 202, headers: requestIdHeaders({ 'response-id': id }) });
}
