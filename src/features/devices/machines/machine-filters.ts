import { parseAsBoolean, parseAsInteger, parseAsString, parseAsStringLiteral } from 'nuqs';
import type { CylanceDevice } from '../../../api/cylance/schemas.ts';
import type { EsetDevice } from '../../../api/eset/schemas.ts';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import type { CorrelatedMachine, SourceName } from '../../../lib/correlate.ts';
import { ipSortKey } from '../../../lib/ip.ts';

export type Machine = CorrelatedMachine<CylanceDevice, EsetDevice, Verdict>;

const presence = ['yes', 'no'] as const;
export type Presence = (typeof presence)[number];
export const machineSortKeys = ['hostname', 'ip', 'sources', 'conflicts'] as const;
export type MachineSortKey = (typeof machineSortKeys)[number];
const sortValues = machineSortKeys.flatMap((key) => [key, `-${key}`] as const);
export type MachineSort = (typeof sortValues)[number];

/** The machines tab's URL: text, per-vendor presence (`eset=no`: machines ESET does not manage), conflicts, sort. */
export const machineParams = {
  q: parseAsString.withDefault(''),
  cylance: parseAsStringLiteral(presence),
  eset: parseAsStringLiteral(presence),
  prisma: parseAsStringLiteral(presence),
  conflicts: parseAsBoolean.withDefault(false),
  sort: parseAsStringLiteral(sortValues).withDefault('hostname'),
  page: parseAsInteger.withDefault(1),
};

export interface MachineFilter {
  q: string;
  presence: Partial<Record<SourceName, Presence | null>>;
  conflicts: boolean;
}

/** Text matches hostnames, IPs and MACs in any spelling (`06-F8-13`, `06:f8:13` and `06f813` all match). */
export function matchesMachine(machine: Machine, filter: MachineFilter): boolean {
  for (const [source, wanted] of Object.entries(filter.presence) as [SourceName, Presence | null][]) {
    if (wanted && machine.sources.includes(source) !== (wanted === 'yes')) return false;
  }
  if (filter.conflicts && machine.conflicts.length === 0) return false;
  const text = filter.q.trim().toLowerCase();
  if (!text) return true;
  const macText = text.replace(/[-:.]/g, '').toUpperCase();
  return (
    machine.hostnames.some((name) => name.toLowerCase().includes(text)) ||
    machine.ips.some((ip) => ip.includes(text)) ||
    (macText.length > 0 && /^[0-9A-F]+$/.test(macText) && machine.macs.some((mac) => mac.includes(macText)))
  );
}

const compareBy: Record<MachineSortKey, (a: Machine, b: Machine) => number> = {
  hostname: (a, b) => (a.hostname ?? '').localeCompare(b.hostname ?? '', undefined, { sensitivity: 'base' }),
  ip: (a, b) => ipSortKey(a.ips[0] ?? '~').localeCompare(ipSortKey(b.ips[0] ?? '~')),
  sources: (a, b) => a.sources.length - b.sources.length,
  conflicts: (a, b) => a.conflicts.length - b.conflicts.length,
};

export function sortMachines(machines: readonly Machine[], sort: MachineSort): Machine[] {
  const descending = sort.startsWith('-');
  const key = (descending ? sort.slice(1) : sort) as MachineSortKey;
  const compare = compareBy[key];
  // Unnamed machines (network-only devices) go last in either direction: the analyst looks for names first.
  const unnamed = (machine: Machine) => (key === 'hostname' && !machine.hostname ? 1 : 0);
  // Ties fall back to the key so the order is stable across reloads.
  return [...machines].sort(
    (a, b) =>
      unnamed(a) - unnamed(b) || (descending ? -compare(a, b) : compare(a, b)) || a.key.localeCompare(b.key),
  );
}
