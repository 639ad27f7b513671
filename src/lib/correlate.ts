import { createUnion, joinOn } from './correlate-union.ts';
import { normalizeIp } from './ip.ts';
import { macKey } from './mac.ts';

/** Placeholder MACs that agents report for adapters without one; joining on them would merge strangers. */
const meaninglessMacs = new Set(['000000000000', 'FFFFFFFFFFFF']);

function joinableMac(input: string): string | undefined {
  const mac = macKey(input);
  return mac && !meaninglessMacs.has(mac) ? mac : undefined;
}

function ipKey(input: string): string | undefined {
  const result = normalizeIp(input);
  return result.ok ? result.value : undefined;
}

/**
 * The join behind "All machines" (issue #6): Cylance devices, ESET devices and Prisma verdicts describe the same
 * physical machines under different ids and MAC spellings (api-contracts.md §4). Records are joined by MAC, then
 * IP, then hostname (case-insensitive) into one machine each.
 *
 * The vendor shapes are structural (only the fields the join reads), so the full records ride along unchanged
 * and the device page can show everything each source knows.
 */
export type SourceName = 'cylance' | 'eset' | 'prisma';
const sourceNames: readonly SourceName[] = ['cylance', 'eset', 'prisma'];

export interface CylanceLike {
  id: string;
  name: string;
  ip_addresses?: readonly string[] | null;
  mac_addresses?: readonly string[] | null;
}
export interface EsetLike {
  uuid: string;
  displayName?: string | null;
  primaryLocalIpAddress?: string | null;
  hardwareProfiles?:
    | readonly {
        networkAdapters?: readonly { macAddress?: string | null }[] | null;
      }[]
    | null;
}
/** Verdicts are IP-to-device mappings (seed 002); `hostname` only exists on writes [?], read it when present. */
export interface PrismaLike {
  ip: string;
  mac?: string | null;
  hostname?: string | null;
}

export type MatchKind = 'mac' | 'ip' | 'hostname';

export type Conflict =
  | { kind: 'hostname'; hostnames: string[] }
  | { kind: 'duplicate'; source: SourceName; count: number };

export interface CorrelatedMachine<C extends CylanceLike, E extends EsetLike, P extends PrismaLike> {
  /** Stable and URL-safe: `mac:06F8138B16C9`, or `cylance:<id>` / `eset:<uuid>` / `ip:<ip>` without a MAC. */
  key: string;
  /** The name to show: Cylance's, else ESET's, else the network's. */
  hostname: string | null;
  /** Every distinct hostname the sources use (first spelling of each, compared case-insensitively). */
  hostnames: string[];
  /** Twelve uppercase hex digits each, sorted. */
  macs: string[];
  ips: string[];
  sources: SourceName[];
  /** The weakest evidence that joined two of its records; null for a single record. */
  matchedBy: MatchKind | null;
  conflicts: Conflict[];
  cylance: C[];
  eset: E[];
  prisma: P[];
}

interface SourceRecord {
  source: SourceName;
  id: string;
  hostname: string | null;
  macs: Set<string>;
  ips: Set<string>;
}

function collect(
  values: readonly (string | null | undefined)[],
  normalize: (v: string) => string | undefined,
) {
  const result = new Set<string>();
  for (const value of values) {
    const normalized = value ? normalize(value) : null;
    if (normalized) result.add(normalized);
  }
  return result;
}

function toRecords(input: CorrelationInput<CylanceLike, EsetLike, PrismaLike>): SourceRecord[] {
  const records: SourceRecord[] = [];
  for (const device of input.cylance) {
    records.push({
      source: 'cylance',
      id: device.id,
      hostname: device.name || null,
      macs: collect(device.mac_addresses ?? [], joinableMac),
      ips: collect(device.ip_addresses ?? [], ipKey),
    });
  }
  for (const device of input.eset) {
    const adapters = (device.hardwareProfiles ?? []).flatMap((profile) => profile.networkAdapters ?? []);
    records.push({
      source: 'eset',
      id: device.uuid,
      hostname: device.displayName || null,
      macs: collect(
        adapters.map((adapter) => adapter.macAddress),
        joinableMac,
      ),
      ips: collect([device.primaryLocalIpAddress], ipKey),
    });
  }
  for (const verdict of input.prisma) {
    records.push({
      source: 'prisma',
      id: verdict.ip,
      hostname: verdict.hostname || null,
      macs: collect([verdict.mac], joinableMac),
      ips: collect([verdict.ip], ipKey),
    });
  }
  return records;
}

export interface CorrelationInput<C, E, P> {
  cylance: readonly C[];
  eset: readonly E[];
  prisma: readonly P[];
}

const linkStrength: readonly MatchKind[] = ['hostname', 'ip', 'mac'];

function distinctHostnames(records: readonly SourceRecord[]): string[] {
  const byLower = new Map<string, string>();
  for (const record of records) {
    if (record.hostname && !byLower.has(record.hostname.toLowerCase()))
      byLower.set(record.hostname.toLowerCase(), record.hostname);
  }
  return [...byLower.values()];
}

function machineKey(records: readonly SourceRecord[], macs: readonly string[]): string {
  if (macs[0]) return `mac:${macs[0]}`;
  const first = [...records].sort(
    (a, b) => sourceNames.indexOf(a.source) - sourceNames.indexOf(b.source),
  )[0] as SourceRecord;
  return first.source === 'prisma' ? `ip:${first.id}` : `${first.source}:${first.id}`;
}

export function correlate<C extends CylanceLike, E extends EsetLike, P extends PrismaLike>(
  input: CorrelationInput<C, E, P>,
): CorrelatedMachine<C, E, P>[] {
  const records = toRecords(input);
  const union = createUnion(records);
  joinOn(records, union, 'mac', (record) => record.macs);
  joinOn(records, union, 'ip', (record) => record.ips);
  joinOn(records, union, 'hostname', (record) => (record.hostname ? [record.hostname.toLowerCase()] : []));

  const members = new Map<number, number[]>();
  records.forEach((_, index) => {
    const root = union.find(index);
    const list = members.get(root);
    if (list) list.push(index);
    else members.set(root, [index]);
  });

  const originals: readonly (C | E | P)[] = [...input.cylance, ...input.eset, ...input.prisma];
  const machines: CorrelatedMachine<C, E, P>[] = [];
  for (const indexes of members.values()) {
    const group = indexes.map((index) => records[index] as SourceRecord);
    const pick = <T>(source: SourceName) =>
      indexes.filter((index) => records[index]?.source === source).map((index) => originals[index] as T);
    const macs = [...new Set(group.flatMap((record) => [...record.macs]))].sort();
    const hostnames = distinctHostnames(group);
    const sources = sourceNames.filter((source) => group.some((record) => record.source === source));
    const links = union.linksOf(indexes[0] as number);
    const conflicts: Conflict[] = [];
    if (hostnames.length > 1) conflicts.push({ kind: 'hostname', hostnames });
    for (const source of sources) {
      const count = group.filter((record) => record.source === source).length;
      if (count > 1) conflicts.push({ kind: 'duplicate', source, count });
    }
    machines.push({
      key: machineKey(group, macs),
      hostname: hostnames[0] ?? null,
      hostnames,
      macs,
      ips: [...new Set(group.flatMap((record) => [...record.ips]))],
      sources,
      matchedBy: linkStrength.find((kind) => links.has(kind)) ?? null,
      conflicts,
      cylance: pick<C>('cylance'),
      eset: pick<E>('eset'),
      prisma: pick<P>('prisma'),
    });
  }
  return machines;
}

/**
 * Finds the machine a key names, even when the data changed since the key was made: a `mac:` key matches any
 * of the machine's MACs (a second adapter may now sort first), an id key any record of that vendor.
 */
export function findMachine<C extends CylanceLike, E extends EsetLike, P extends PrismaLike>(
  machines: readonly CorrelatedMachine<C, E, P>[],
  key: string,
): CorrelatedMachine<C, E, P> | undefined {
  const separator = key.indexOf(':');
  const kind = key.slice(0, separator);
  const value = key.slice(separator + 1);
  if (separator < 1 || value === '') return undefined;
  const lower = value.toLowerCase();
  switch (kind) {
    case 'mac': {
      const mac = macKey(value);
      return mac ? machines.find((machine) => machine.macs.includes(mac)) : undefined;
    }
    case 'cylance':
      return machines.find((machine) => machine.cylance.some((device) => device.id.toLowerCase() === lower));
    case 'eset':
      return machines.find((machine) => machine.eset.some((device) => device.uuid.toLowerCase() === lower));
    case 'ip': {
      const ip = ipKey(value);
      return ip ? machines.find((machine) => machine.ips.includes(ip)) : undefined;
    }
    default:
      return undefined;
  }
}
