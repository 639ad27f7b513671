import type { z } from 'zod';
import { recordVendorResponse } from './vendor-health.ts';

/** A non-2xx answer from the gateway or a vendor, with what support will ask for. */
export class HttpError extends Error {
  readonly status: number;
  /** The vendor's own error code (`ACCESS_DENIED`, google.rpc code, Prisma `code`), when it sent one. */
  readonly code?: string;
  /** From `Retry-After` (seconds or an HTTP date). */
  readonly retryAfterMs?: number;
  /** ESET `request-id` (api-contracts.md §2) or the gateway's `x-request-id`. */
  readonly requestId?: string;
  readonly body: unknown;

  constructor(init: {
    status: number;
    message: string;
    code?: string;
    retryAfterMs?: number;
    requestId?: string;
    body?: unknown;
  }) {
    super(init.message);
    this.name = 'HttpError';
    this.status = init.status;
    this.code = init.code;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
    this.body = init.body;
  }
}

/** A 2xx body that does not match its contract: names the path and the first mismatching field. */
export class ContractError extends Error {
  readonly path: string;
  readonly field: string;
  readonly requestId?: string;

  constructor(path: string, issue: z.core.$ZodIssue | undefined, requestId?: string) {
    const field = issue?.path.length ? issue.path.map(String).join('.') : '(body)';
    super(`Unexpected response from ${path}: ${field} ${issue?.message ?? 'is not valid JSON'}`);
    this.name = 'ContractError';
    this.path = path;
    this.field = field;
    this.requestId = requestId;
  }
}

export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface RequestOptions<T> {
  schema: z.ZodType<T>;
  method?: 'GET' | 'POST' | 'PUT';
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

/** Arrays repeat the parameter (`?a=1&a=2`), as ESET expects (api-contracts.md §2); empty values are left out. */
export function buildUrl(path: string, query: Record<string, QueryValue> = {}): URL {
  const url = new URL(path, globalThis.location?.origin ?? 'http://localhost');
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
  }
  return url;
}

export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function requestIdOf(headers: Headers): string | undefined {
  return headers.get('request-id') ?? headers.get('x-request-id') ?? undefined;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Vendor error bodies: Cylance `{message}` / `{status, message}`, ESET `{code, message}`, Prisma `{code, message}`. */
function errorFromBody(response: Response, body: unknown): HttpError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message =
    typeof record.message === 'string' && record.message !== '' ? record.message : response.statusText;
  const rawCode = record.code ?? record.status ?? record.error;
  return new HttpError({
    status: response.status,
    message: message || `HTTP ${response.status}`,
    code: rawCode === undefined ? undefined : String(rawCode),
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    requestId: requestIdOf(response.headers),
    body,
  });
}

/** The double-submit CSRF token the gateway sets when someone signs in (server/auth/auth.ts, issue #9). */
function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)triage_csrf=([^;]+)/.exec(globalThis.document?.cookie ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** The one place the app calls fetch. No toasts, no redirects: callers decide what an error means. */
export async function requestWithMeta<T>(path: string, options: RequestOptions<T>): Promise<HttpResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const csrf = method === 'GET' ? undefined : csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(buildUrl(path, options.query), {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const body = await readJson(response);
  recordVendorResponse(path, response.ok ? undefined : errorFromBody(response, body));
  if (!response.ok) throw errorFromBody(response, body);
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) throw new ContractError(path, parsed.error.issues[0], requestIdOf(response.headers));
  return { status: response.status, data: parsed.data, headers: response.headers };
}

export async function request<T>(path: string, options: RequestOptions<T>): Promise<T> {
  return (await requestWithMeta(path, options)).data;
}
