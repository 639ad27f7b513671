import { randomUUID } from 'node:crypto';
import type { AllowedRoute } from './allow-list.ts';
import { type AuditLog, auditTarget } from './audit.ts';
import type { Actor } from './auth/auth.ts';
import type { VendorName } from './config.ts';
import { type Answered, type Limiter, RateLimited, realSleep } from './limiter.ts';
import type { Logger } from './redact.ts';
import { UpstreamError, type UpstreamResponse } from './upstream.ts';
import { type VendorAdapter, VendorAuthError } from './vendors/types.ts';

/** A configured vendor: how to reach it and the limiter every browser shares for it. */
export interface VendorRuntime {
  name: VendorName;
  label: string;
  adapter: VendorAdapter;
  limiter: Limiter;
}

export interface ForwardDeps {
  connectTimeoutMs: number;
  upstreamTimeoutMs: number;
  audit: AuditLog;
  logger: Logger;
  /** Applied to vendor error bodies before they reach the browser. */
  redact?: (text: string) => string;
  sleep?: (ms: number) => Promise<void>;
}

export interface ForwardCall {
  vendor: VendorRuntime;
  route: AllowedRoute;
  params: string[];
  vendorPath: string;
  search: string;
  body?: Uint8Array;
  parsedBody?: unknown;
  requestHeaders: Headers;
  /** The signed-in person (issue #9), for the audit log; absent without sign-in. */
  actor?: Actor;
}

// Retries of idempotent reads on 502/503/504 (api-contracts.md §1 "retry 500/502/503/504 with backoff";
// issue #8 limits it to 502/503/504 and never for calls that start work).
const retryableStatus = new Set([502, 503, 504]);
const maxRetries = 2;
const backoffMs = [250, 1000];
// ESET's 202 replay needs `response-id` both ways; `request-id` is what ESET support asks for (§2).
const passRequestHeaders = ['response-id', 'request-id'];
const passResponseHeaders = ['content-type', 'request-id', 'response-id', 'retry-after', 'x-request-id'];

export function gatewayError(
  status: number,
  code: string,
  message: string,
  extra: Record<string, string> = {},
) {
  return Response.json(
    { code, message },
    { status, headers: { 'x-request-id': randomUUID(), 'cache-control': 'no-store', ...extra } },
  );
}

/** Error bodies are small; one that echoes a request path could carry a legacy-path Prisma key. */
function bodyOf(upstream: UpstreamResponse, redact?: (text: string) => string): Uint8Array<ArrayBuffer> {
  if (redact && upstream.status >= 400 && upstream.body.length < 64 * 1024) {
    return new TextEncoder().encode(redact(upstream.body.toString('utf8')));
  }
  return new Uint8Array(upstream.body);
}

function toResponse(upstream: UpstreamResponse, redact?: (text: string) => string): Response {
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of passResponseHeaders) {
    const value = upstream.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  if (!headers.has('x-request-id'))
    headers.set('x-request-id', upstream.headers['request-id']?.toString() ?? randomUUID());
  const empty = upstream.status === 204 || upstream.status === 304 || upstream.body.length === 0;
  return new Response(empty ? null : bodyOf(upstream, redact), { status: upstream.status, headers });
}

function retryDelay(attempt: number, upstream?: UpstreamResponse): number {
  const retryAfter = Number(upstream?.headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && retryAfter <= 5) return retryAfter * 1000;
  return backoffMs[attempt] ?? 1000;
}

interface Outcome {
  response: Response;
  /** Whether the vendor answered (false: the gateway answered for it — queue full, timeout, auth failure). */
  reached: boolean;
}

const local = (response: Response): Outcome => ({ response, reached: false });

async function attempt(call: ForwardCall, deps: ForwardDeps): Promise<Outcome> {
  const { vendor, route } = call;
  const sleep = deps.sleep ?? realSleep;
  let reauthorised = false;
  let retries = 0;
  for (;;) {
    let answered: Answered;
    try {
      answered = await vendor.limiter.acquire();
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      const seconds = Math.max(1, Math.ceil(error.retryAfterMs / 1000));
      return local(
        gatewayError(429, 'gateway_queue_full', `Too many ${vendor.label} requests queued; retry later.`, {
          'retry-after': String(seconds),
        }),
      );
    }
    let upstream: UpstreamResponse;
    let credential: string | undefined;
    try {
      const target = await vendor.adapter.target(call.vendorPath, call.search);
      credential = target.credential;
      const headers: Record<string, string> = { ...target.headers };
      if (call.body) headers['content-type'] = 'application/json';
      for (const name of passRequestHeaders) {
        const value = call.requestHeaders.get(name);
        if (value) headers[name] = value;
      }
      upstream = await vendor.adapter.upstream.send({
        url: target.url,
        method: route.method,
        headers,
        body: call.body,
        connectTimeoutMs: deps.connectTimeoutMs,
        responseTimeoutMs: deps.upstreamTimeoutMs,
      });
      answered();
    } catch (error) {
      answered();
      if (error instanceof VendorAuthError)
        return local(gatewayError(502, 'vendor_auth_failed', error.message));
      if (!(error instanceof UpstreamError)) throw error;
      // A refused certificate or a vendor too slow to answer will not do better a second later.
      const transient = error.kind === 'connect' || error.kind === 'network';
      if (route.idempotent && transient && retries < maxRetries) {
        await sleep(retryDelay(retries++));
        continue;
      }
      const timeout = error.kind === 'timeout';
      return local(
        gatewayError(
          timeout ? 504 : 502,
          timeout ? 'upstream_timeout' : 'upstream_unreachable',
          `${vendor.label}: ${error.message}`,
        ),
      );
    }
    // Expired or revoked token: a fresh one and exactly one more try (api-contracts.md §1 "handle a 401 by
    // minting once more"; issue #8 ESET "on a 401 refreshes and retries once").
    if (upstream.status === 401 && !reauthorised && vendor.adapter.invalidate(credential)) {
      reauthorised = true;
      continue;
    }
    if (retryableStatus.has(upstream.status) && route.idempotent && retries < maxRetries) {
      await sleep(retryDelay(retries++, upstream));
      continue;
    }
    return { response: toResponse(upstream, deps.redact), reached: true };
  }
}

export async function forward(call: ForwardCall, deps: ForwardDeps): Promise<Response> {
  const started = Date.now();
  const { response, reached } = await attempt(call, deps);
  const requestId = response.headers.get('request-id') ?? response.headers.get('x-request-id') ?? undefined;
  deps.logger.info(
    `${call.vendor.name} ${call.route.call} → ${response.status} ${Date.now() - started}ms request-id=${requestId}`,
  );
  if (call.route.startsWork) await auditWork(call, deps, { status: response.status, reached, requestId });
  return response;
}

/** One audit line for a work-starting call, forwarded or refused (a viewer's attempt is audited too). */
export function auditWork(
  call: ForwardCall,
  deps: Pick<ForwardDeps, 'audit'>,
  outcome: { status: number; reached: boolean; requestId?: string },
): Promise<void> {
  return deps.audit.record({
    time: new Date().toISOString(),
    vendor: call.vendor.name,
    call: call.route.call,
    ...auditTarget(call.route.call, call.params, call.parsedBody),
    status: outcome.status,
    upstream: outcome.reached,
    requestId: outcome.requestId,
    ...(call.actor && { user: call.actor.user, role: call.actor.role }),
  });
}
