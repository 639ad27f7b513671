import type { SimClock } from './clock.ts';
import {
  type FaultKind,
  type FaultRule,
  type FaultSpec,
  type FaultVendor,
  faultKinds,
  formatFaultSpec,
  parseFaultSpec,
} from './faults-spec.ts';
import type { SimMounts } from './handlers.ts';
import { createRandom, type Random } from './random.ts';

/**
 * Fault injection (issue #10): one catch-all handler in front of the simulator's handlers decides per call
 * (vendor by mount, route by path glob) whether to add latency, answer with an error, a 202, a broken or slow
 * body, or to call the real handlers and make their JSON hostile. Deterministic from a seed: the same spec,
 * seed and sequence of calls meet the same faults. The syntax is in faults-spec.ts.
 */
export interface FaultStats {
  /** Vendor calls the fault layer saw (token calls excluded). */
  calls: number;
  /** Calls that met a fault (latency alone is not a fault). */
  faults: number;
  byKind: Partial<Record<FaultKind | 'hostile', number>>;
  byVendor: Partial<Record<FaultVendor, { calls: number; faults: number }>>;
}

export interface FaultSnapshot {
  spec: string;
  seed: number;
  /** Per rule, the simulated time it stops applying (rules with `for=`). */
  expiresAt: (number | null)[];
  stats: FaultStats;
}

export interface FaultState {
  get(): FaultSnapshot;
  /** Replaces the spec (text form); `for=` clauses start counting now. Returns the reason when it is invalid. */
  set(text: string): { ok: true; snapshot: FaultSnapshot } | { ok: false; reason: string };
  resetStats(): void;
  /** The merged settings for a call and the dice for it; undefined when no rule matches. */
  decide(vendor: FaultVendor, path: string): FaultDecision | undefined;
  record(vendor: FaultVendor, kind: FaultKind | 'hostile' | undefined): void;
  readonly clock: SimClock;
  /** ESET 202s the fault layer handed out, by `response-id`. */
  readonly pending202: Map<string, { key: string; readyAt: number }>;
}

export interface FaultDecision {
  kind?: FaultKind;
  hostile: boolean;
  latencyMs: number;
  delay202Ms: number;
  slowMs: number;
  random: Random;
}

const emptyStats = (): FaultStats => ({ calls: 0, faults: 0, byKind: {}, byVendor: {} });

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${escaped.replaceAll('**', '\u0000').replaceAll('*', '[^/]*').replaceAll('\u0000', '.*')}$`,
  );
}

export function createFaultState(options: { clock: SimClock; seed: number; spec?: FaultSpec }): FaultState {
  let spec: FaultSpec = options.spec ?? { rules: [] };
  let random = createRandom(spec.seed ?? options.seed).fork('faults');
  let expiresAt: (number | null)[] = [];
  let matchers: (RegExp | undefined)[] = [];
  let stats = emptyStats();
  const install = (next: FaultSpec) => {
    spec = next;
    random = createRandom(next.seed ?? options.seed).fork('faults');
    const now = options.clock.now();
    expiresAt = next.rules.map((rule) => (rule.forMs === undefined ? null : now + rule.forMs));
    matchers = next.rules.map((rule) => (rule.path ? globToRegExp(rule.path) : undefined));
  };
  install(spec);
  const snapshot = (): FaultSnapshot => ({
    spec: formatFaultSpec(spec),
    seed: spec.seed ?? options.seed,
    expiresAt: [...expiresAt],
    stats: structuredClone(stats),
  });

  return {
    clock: options.clock,
    pending202: new Map(),
    get: snapshot,
    set(text) {
      const parsed = parseFaultSpec(text);
      if (!parsed.ok) return parsed;
      install(parsed.spec);
      return { ok: true, snapshot: snapshot() };
    },
    resetStats() {
      stats = emptyStats();
    },
    decide(vendor, path) {
      const now = options.clock.now();
      const merged: FaultRule = { vendor, rates: {} };
      let matched = false;
      spec.rules.forEach((rule, index) => {
        if (rule.vendor !== 'all' && rule.vendor !== vendor) return;
        if (matchers[index] && !matchers[index].test(path)) return;
        const end = expiresAt[index];
        if (end != null && now >= end) return;
        matched = true;
        Object.assign(merged.rates, rule.rates);
        merged.latencyMs = rule.latencyMs ?? merged.latencyMs;
        merged.delay202Ms = rule.delay202Ms ?? merged.delay202Ms;
        merged.slowMs = rule.slowMs ?? merged.slowMs;
      });
      if (!matched) return undefined;
      // One roll picks at most one replacing fault; rates add up in faultKinds order (a sum above 1 favours
      // the first kinds). Hostile values are a second, independent roll.
      const roll = random.next();
      let sum = 0;
      let kind: FaultKind | undefined;
      for (const candidate of faultKinds) {
        if (candidate === '202' && vendor !== 'eset') continue;
        sum += merged.rates[candidate] ?? 0;
        if (roll < sum) {
          kind = candidate;
          break;
        }
      }
      const hostile = random.next() < (merged.rates.hostile ?? 0);
      return {
        kind,
        hostile,
        latencyMs: merged.latencyMs ?? 0,
        delay202Ms: merged.delay202Ms ?? 3000,
        slowMs: merged.slowMs ?? 1500,
        random: random.fork(String(stats.calls)),
      };
    },
    record(vendor, kind) {
      const perVendor = stats.byVendor[vendor] ?? { calls: 0, faults: 0 };
      stats.calls++;
      perVendor.calls++;
      if (kind) {
        stats.faults++;
        perVendor.faults++;
        stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
      }
      stats.byVendor[vendor] = perVendor;
    },
  };
}

/** The vendor a URL belongs to, and its path after the mount. Token endpoints are left alone. */
export function faultTarget(url: URL, mounts: SimMounts): { vendor: FaultVendor; path: string } | undefined {
  const bases: [FaultVendor, string][] = [
    ['cylance', mounts.cylance],
    ['eset', mounts.esetDeviceManagement],
    ['prisma', mounts.prisma.base],
  ];
  const href = `${url.origin}${url.pathname}`;
  for (const [vendor, base] of bases) {
    if (!href.startsWith(`${base}/`)) continue;
    const path = href.slice(base.length);
    if (vendor === 'cylance' && path.startsWith('/auth/')) return undefined;
    return { vendor, path };
  }
  return undefined;
}

/**
 * The control API (`GET`/`POST /sim/faults`, exposed by the gateway as `/api/sim/faults` in demo mode only):
 * GET shows the spec and the figures; POST `{"spec": "prisma:503=1,for=60s"}` replaces the spec,
 * `{"resetStats": true}` zeroes the figures. Answers `{status, body}` for the server to send.
 */
export function faultControl(
  state: FaultState,
  method: string,
  bodyText: string,
): { status: number; body: unknown } {
  if (method === 'GET') return { status: 200, body: state.get() };
  if (method !== 'POST') return { status: 405, body: { message: 'Use GET or POST.' } };
  let body: { spec?: unknown; resetStats?: unknown };
  try {
    body = JSON.parse(bodyText || '{}');
  } catch {
    return { status: 400, body: { message: 'Body must be JSON: {"spec": "…"} or {"resetStats": true}.' } };
  }
  if (body.spec !== undefined && typeof body.spec !== 'string')
    return { status: 400, body: { message: 'spec must be a string in the SIM_FAULTS syntax.' } };
  if (typeof body.spec === 'string') {
    const result = state.set(body.spec);
    if (!result.ok) return { status: 400, body: { message: result.reason } };
  }
  if (body.resetStats === true) state.resetStats();
  return { status: 200, body: state.get() };
}
