/**
 * The fault-injection vocabulary of the simulator (issue #10) and its compact text form, used by the
 * `SIM_FAULTS` environment variable and the `/sim/faults` control endpoint:
 *
 *   SIM_FAULTS="cylance:500=0.1,429=0.05; prisma:503=1,for=60s; all:latency=200; hostile=1"
 *
 * - Clauses are separated by `;`. A clause is `[target:]setting,setting,…`; without a target it is `all`.
 * - A target is a vendor (`cylance`, `eset`, `prisma`, `all`), optionally followed by a vendor path glob:
 *   `cylance/foci/v2/search`, `cylance/devicecommands/v2/*\/getfile:get`, `eset/v1/devices**`. The path is
 *   the vendor's own (after its mount); `*` matches within one segment, `**` matches anything. Paths may
 *   contain `:` (`getfile:get`): the target ends at the last `:` before the first `=`.
 * - Settings: a rate in [0, 1] per error status `401 429 500 502 503 504`; `errors=r` spreads r evenly over
 *   the retryable ones (429 500 502 503 504); `202=r` (ESET only: answer 202 + `response-id`, ready after
 *   `delay202` simulated ms, default 3000); `malformed=r` (200 with a body that is not JSON); `truncated=r`
 *   (200 with half the JSON body); `slow=r` (the body trickles out over `slowms` ms, default 1500);
 *   `hostile=r` (the real answer with hostile values: HTML and script in names, `javascript:`/`data:`
 *   download URLs, huge strings, unknown enum values); `latency=ms` added to every matching call;
 *   `for=duration` (`90s`, `2m`, `500ms` or plain ms) ends the clause after that much simulated time;
 *   `seed=n` (in any clause) reseeds the fault dice.
 * - Later clauses override earlier ones key by key, so `all:errors=0.2; prisma:503=1` takes Prisma down.
 * Token endpoints (Cylance `/auth/`, ESET OAuth) never get faults: the gateway's own retries cover them.
 */
export const faultVendors = ['cylance', 'eset', 'prisma'] as const;
export type FaultVendor = (typeof faultVendors)[number];

export const faultStatuses = [401, 429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof faultStatuses)[number];
const retryableStatuses: readonly FaultStatus[] = [429, 500, 502, 503, 504];

/** Outcomes that replace the real answer; the dice pick at most one per call, in this order. */
export const faultKinds = [
  '401',
  '429',
  '500',
  '502',
  '503',
  '504',
  '202',
  'malformed',
  'truncated',
  'slow',
] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultRule {
  vendor: FaultVendor | 'all';
  /** Vendor path glob; undefined = every path of the vendor. */
  path?: string;
  rates: Partial<Record<FaultKind | 'hostile', number>>;
  latencyMs?: number;
  delay202Ms?: number;
  slowMs?: number;
  /** Simulated ms the clause stays in force after it is set. */
  forMs?: number;
}

export interface FaultSpec {
  seed?: number;
  rules: FaultRule[];
}

export type ParseResult = { ok: true; spec: FaultSpec } | { ok: false; reason: string };

const rateKeys = new Set<string>([...faultKinds, 'hostile']);

/** `90s`, `2m`, `500ms`, `1500` (ms). */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = match[2] === 's' ? 1000 : match[2] === 'm' ? 60_000 : 1;
  const ms = Math.round(value * unit);
  return Number.isSafeInteger(ms) ? ms : undefined;
}

function parseTarget(text: string): Pick<FaultRule, 'vendor' | 'path'> | string {
  const slash = text.indexOf('/');
  const vendor = slash === -1 ? text : text.slice(0, slash);
  const path = slash === -1 ? undefined : text.slice(slash);
  if (vendor !== 'all' && !faultVendors.includes(vendor as FaultVendor))
    return `unknown vendor "${vendor}" (use ${[...faultVendors, 'all'].join(', ')})`;
  if (path !== undefined && (path === '/' || /\s/.test(path))) return `invalid path "${path}"`;
  return { vendor: vendor as FaultRule['vendor'], path };
}

function applySetting(rule: FaultRule, key: string, value: string): string | undefined {
  if (key === 'latency' || key === 'delay202' || key === 'slowms' || key === 'for') {
    const ms = parseDuration(value);
    if (ms === undefined || (ms > 600_000 && key !== 'for'))
      return `${key} needs a duration up to 10 minutes, got "${value}"`;
    if (key === 'latency') rule.latencyMs = ms;
    else if (key === 'delay202') rule.delay202Ms = ms;
    else if (key === 'slowms') rule.slowMs = ms;
    else rule.forMs = ms;
    return undefined;
  }
  const rate = Number(value);
  if (!(rate >= 0 && rate <= 1)) return `${key} needs a rate between 0 and 1, got "${value}"`;
  if (key === 'errors') {
    for (const status of retryableStatuses) rule.rates[`${status}`] = rate / retryableStatuses.length;
    return undefined;
  }
  if (!rateKeys.has(key)) return `unknown setting "${key}"`;
  if (key === '202' && rule.vendor !== 'eset') return '202 delays exist for ESET only (eset:202=…)';
  rule.rates[key as FaultKind | 'hostile'] = rate;
  return undefined;
}

function parseClause(clause: string, spec: FaultSpec): string | undefined {
  const firstEq = clause.indexOf('=');
  const colon = firstEq === -1 ? -1 : clause.lastIndexOf(':', firstEq);
  const target = parseTarget(colon === -1 ? 'all' : clause.slice(0, colon).trim());
  if (typeof target === 'string') return target;
  const rule: FaultRule = { ...target, rates: {} };
  let settingsSeen = 0;
  for (const setting of clause.slice(colon + 1).split(',')) {
    const [key, value, extra] = setting.split('=').map((part) => part.trim());
    if (!key || value === undefined || value === '' || extra !== undefined)
      return `"${setting.trim()}" is not key=value`;
    if (key === 'seed') {
      if (!/^\d{1,9}$/.test(value)) return `seed needs a whole number, got "${value}"`;
      spec.seed = Number(value);
      continue;
    }
    const problem = applySetting(rule, key, value);
    if (problem) return problem;
    settingsSeen++;
  }
  // A clause that only sets the seed adds no rule.
  if (settingsSeen > 0) spec.rules.push(rule);
  return undefined;
}

/** Parses `SIM_FAULTS`; undefined or blank means no faults. Never throws: a bad spec comes back with a reason. */
export function parseFaultSpec(text: string | undefined): ParseResult {
  const spec: FaultSpec = { rules: [] };
  for (const raw of (text ?? '').split(';')) {
    const clause = raw.trim();
    if (clause === '') continue;
    const problem = parseClause(clause, spec);
    if (problem) return { ok: false, reason: `SIM_FAULTS clause "${clause}": ${problem}` };
  }
  return { ok: true, spec };
}

/** The compact text of a spec (what `GET /sim/faults` shows); parsing it gives the same spec back. */
export function formatFaultSpec(spec: FaultSpec): string {
  const clauses = spec.rules.map((rule) => {
    const settings = Object.entries(rule.rates).map(([key, rate]) => `${key}=${rate}`);
    if (rule.latencyMs !== undefined) settings.push(`latency=${rule.latencyMs}`);
    if (rule.delay202Ms !== undefined) settings.push(`delay202=${rule.delay202Ms}`);
    if (rule.slowMs !== undefined) settings.push(`slowms=${rule.slowMs}`);
    if (rule.forMs !== undefined) settings.push(`for=${rule.forMs}`);
    return `${rule.vendor}${rule.path ?? ''}:${settings.join(',')}`;
  });
  if (spec.seed !== undefined) clauses.push(`seed=${spec.seed}`);
  return clauses.join(';');
}
