import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SimContext } from '../context.ts';
import type { SimMounts } from '../handlers.ts';
import type { SimTenant } from '../tenant.ts';
import { verdictFor, type WireVerdict } from './generate.ts';

/**
 * Prisma Access Third-Party Device-ID (api-contracts.md §3, seed 002): the verdict table with its bookmark
 * loop, the by-IP lookup, statistics, one request per second and the API key in a header or the legacy path.
 */
export function createPrismaVerdicts(context: SimContext) {
  const machines = context.world.prismaMachines;
  const seed = context.config.seed;
  const createdAt = context.clock.now();
  let byIp: Map<string, number> | undefined;
  return {
    count: () => machines.length,
    verdict: (index: number): WireVerdict => verdictFor(machines[index]!, seed, createdAt),
    /** Index of the verdict for an IP (built on first lookup). */
    indexOfIp: (ip: string): number | undefined => {
      byIp ??= new Map(machines.map((machine, index) => [machine.ip, index]));
      return byIp.get(ip);
    },
    /** Seed 002: "No more than one request per second is allowed". */
    rateLimit: { minIntervalMs: 1_000, lastAcceptedAt: undefined as number | undefined, refused: 0 },
    received: { query: 0, statistics: 0 },
  };
}

const maxPageLen = 10_000;
const maxIps = 10;

function prismaError(status: number, message: string, headers: Record<string, string> = {}) {
  return HttpResponse.json({ code: status, message }, { status, headers });
}

/** Bookmarks are opaque to clients; here they carry the offset of the next page. */
function bookmarkFor(offset: number): string {
  return `Ck${btoa(`pv1:${offset}`).replace(/=+$/, '')}`;
}

function offsetOf(bookmark: string): number | undefined {
  try {
    const match = /^pv1:(\d+)$/.exec(atob(bookmark.slice(2)));
    return bookmark.startsWith('Ck') && match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function prismaHandlers(tenant: SimTenant, mount: SimMounts['prisma']): HttpHandler[] {
  const state = tenant.prismaVerdicts;
  // `${base}/verdicts` (key in the `apiKey` header) or legacy `${base}/{apiKey}/verdicts`; `:statistics` suffix.
  const route = new RegExp(`^${escapeRegExp(mount.base)}(?:/([^/]+))?/verdicts(:statistics)?$`);

  const authorised = (request: Request, pathKey: string | undefined) => {
    if (mount.apiKey === undefined) return true;
    const key = pathKey === undefined ? request.headers.get('apikey') : decodeURIComponent(pathKey);
    return key === mount.apiKey;
  };

  const overLimit = () => {
    const now = tenant.clock.now();
    const { lastAcceptedAt, minIntervalMs } = state.rateLimit;
    if (lastAcceptedAt !== undefined && now - lastAcceptedAt < minIntervalMs) {
      state.rateLimit.refused++;
      const waitS = Math.max(1, Math.ceil((lastAcceptedAt + minIntervalMs - now) / 1000));
      return prismaError(429, 'Too many requests. No more than one request per second is allowed.', {
        'retry-after': String(waitS),
      });
    }
    state.rateLimit.lastAcceptedAt = now;
    return undefined;
  };

  const statistics = () => {
    state.received.statistics++;
    const total = state.count();
    return HttpResponse.json({
      verdicts: { totalCount: total, totalUpdate: total, totalDelete: 0 },
      requestRcvd: {
        update: Math.ceil(total / 1000),
        deleteAll: 0,
        query: state.received.query,
        statistics: state.received.statistics,
      },
    });
  };

  const lookup = (raw: string) => {
    const ips = raw
      .split(',')
      .map((ip) => ip.trim())
      .filter(Boolean);
    if (ips.length === 0 || ips.length > maxIps) return prismaError(400, `ip takes 1 to ${maxIps} addresses`);
    const malformed = ips.find((ip) => !ipv4.test(ip) && !ip.includes(':'));
    if (malformed) return prismaError(400, `invalid ip: ${malformed}`);
    // Unknown IPs are silently left out (api-contracts.md §3).
    const verdicts = ips.flatMap((ip) => {
      const index = state.indexOfIp(ip);
      return index === undefined ? [] : [state.verdict(index)];
    });
    return HttpResponse.json({ count: verdicts.length, verdicts });
  };

  const page = (url: URL) => {
    const rawLen = url.searchParams.get('pageLen');
    const pageLen = rawLen === null || rawLen === '' ? maxPageLen : Number(rawLen);
    if (!Number.isInteger(pageLen) || pageLen < 1 || pageLen > maxPageLen) {
      return prismaError(400, `pageLen must be between 1 and ${maxPageLen}`);
    }
    const bookmark = url.searchParams.get('bookmark');
    const offset = bookmark ? offsetOf(bookmark) : 0;
    if (offset === undefined || offset > state.count()) return prismaError(400, 'invalid bookmark');
    const end = Math.min(state.count(), offset + pageLen);
    const verdicts: ReturnType<typeof state.verdict>[] = [];
    for (let index = offset; index < end; index++) verdicts.push(state.verdict(index));
    // The end signal chosen here: the last page carries an empty nextBookmark (one of the documented readings).
    const nextBookmark = end < state.count() ? bookmarkFor(end) : '';
    return HttpResponse.json({ nextBookmark, count: verdicts.length, verdicts });
  };

  return [
    http.get(route, ({ request, params }) => {
      const pathKey = typeof params[0] === 'string' ? params[0] : undefined;
      if (!authorised(request, pathKey)) return prismaError(401, 'Unauthorized token');
      const limited = overLimit();
      if (limited) return limited;
      if (params[1] === ':statistics') return statistics();
      state.received.query++;
      const url = new URL(request.url);
      const ip = url.searchParams.get('ip');
      return ip === null ? page(url) : lookup(ip);
    }),
  ];
}
