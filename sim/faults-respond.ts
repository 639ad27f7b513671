import { delay, getResponse, type HttpHandler, HttpResponse, http } from 'msw';
import { type FaultDecision, type FaultState, faultTarget } from './faults.ts';
import { makeHostile } from './faults-hostile.ts';
import type { FaultKind, FaultVendor } from './faults-spec.ts';
import type { SimMounts } from './handlers.ts';

const messages: Record<string, string> = {
  '401': 'The access token expired.',
  '429': 'Rate limit reached',
  '500': 'Internal server error (simulated fault)',
  '502': 'Bad gateway (simulated fault)',
  '503': 'Service unavailable: maintenance (simulated fault)',
  '504': 'Gateway timeout (simulated fault)',
};

/** Each vendor's own error shape (api-contracts.md §1–3), with a request id support would ask for. */
export function faultError(vendor: FaultVendor, status: number): Response {
  const message = messages[String(status)] ?? `HTTP ${status}`;
  const headers: Record<string, string> = { 'request-id': `fault-${crypto.randomUUID()}` };
  if (status === 429) headers['retry-after'] = '1';
  const body =
    vendor === 'cylance'
      ? { message }
      : vendor === 'eset'
        ? { code: status === 429 ? 8 : status === 401 ? 16 : 14, message, details: [] }
        : { code: status, message };
  return HttpResponse.json(body, { status, headers });
}

function withBody(response: Response, body: BodyInit, headers?: Headers): Response {
  const out = new Headers(headers ?? response.headers);
  out.delete('content-length');
  return new Response(body, { status: response.status, headers: out });
}

/** The body trickles out in a few chunks over `totalMs`: a vendor that answers but sends slowly. */
function slowBody(bytes: Uint8Array, totalMs: number): ReadableStream<Uint8Array> {
  const chunks = 5;
  const size = Math.ceil(bytes.length / chunks) || 1;
  let offset = 0;
  return new ReadableStream({
    async pull(controller) {
      await delay(totalMs / chunks);
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
      if (offset >= bytes.length) controller.close();
    },
  });
}

async function transform(response: Response, kind: FaultKind | undefined, decision: FaultDecision) {
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  if (kind === 'malformed') {
    return withBody(response, '{"page_items": [{"id": "1", "status": PENDING', undefined);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (kind === 'truncated') return withBody(response, bytes.slice(0, Math.floor(bytes.length / 2)));
  if (decision.hostile && isJson && response.ok && bytes.length > 0) {
    const hostile = makeHostile(JSON.parse(new TextDecoder().decode(bytes)), decision.random);
    return withBody(response, JSON.stringify(hostile));
  }
  if (kind === 'slow') return withBody(response, slowBody(bytes, decision.slowMs));
  return withBody(response, bytes);
}

function requestKey(request: Request): string {
  const url = new URL(request.url);
  return `${request.method} ${url.pathname}${url.search}`;
}

/** A replay of a 202 the fault layer gave: 202 again until ready, then the real answer. */
async function replay202(state: FaultState, request: Request, handlers: HttpHandler[]) {
  const id = request.headers.get('response-id');
  const entry = id ? state.pending202.get(id) : undefined;
  if (!id || !entry || entry.key !== requestKey(request)) return undefined;
  if (state.clock.now() < entry.readyAt) {
    return new HttpResponse(null, {
      status: 202,
      headers: { 'response-id': id, 'request-id': crypto.randomUUID() },
    });
  }
  state.pending202.delete(id);
  const headers = new Headers(request.headers);
  headers.delete('response-id');
  return getResponse(handlers, new Request(request, { headers }));
}

/**
 * `handlers` with the fault layer in front. The catch-all falls through (returns undefined) when the call
 * meets no replacing fault and no hostile values, so the real handlers answer as usual.
 */
export function withFaults(handlers: HttpHandler[], state: FaultState, mounts: SimMounts): HttpHandler[] {
  const front = http.all('*', async ({ request }) => {
    const target = faultTarget(new URL(request.url), mounts);
    if (!target) return undefined;
    const replayed = await replay202(state, request, handlers);
    if (replayed) return replayed;
    const decision = state.decide(target.vendor, target.path);
    if (!decision) {
      state.record(target.vendor, undefined);
      return undefined;
    }
    const { kind } = decision;
    state.record(target.vendor, kind ?? (decision.hostile ? 'hostile' : undefined));
    if (decision.latencyMs > 0) await delay(decision.latencyMs);
    if (kind && /^\d{3}$/.test(kind) && kind !== '202') return faultError(target.vendor, Number(kind));
    if (kind === '202') {
      const id = crypto.randomUUID();
      state.pending202.set(id, {
        key: requestKey(request),
        readyAt: state.clock.now() + decision.delay202Ms,
      });
      return new HttpResponse(null, {
        status: 202,
        headers: { 'response-id': id, 'request-id': crypto.randomUUID() },
      });
    }
    if (!kind && !decision.hostile) return undefined;
    const real = await getResponse(handlers, request.clone());
    return real ? transform(real, kind, decision) : undefined;
  });
  return [front, ...handlers];
}
