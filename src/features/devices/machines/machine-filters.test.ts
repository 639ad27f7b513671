import { describe, expect, it } from 'vitest';
import type { Machine } from './machine-filters.ts';
import { matchesMachine, sortMachines } from './machine-filters.ts';

function machine(partial: Partial<Machine> & Pick<Machine, 'key'>): Machine {
  return {
    hostname: null,
    hostnames: [],
    macs: [],
    ips: [],
    sources: [],
    matchedBy: null,
    conflicts: [],
    cylance: [],
    eset: [],
    prisma: [],
    ...partial,
  };
}

const all = machine({
  key: 'mac:06F8138B16C9',
  hostname: 'WKS-HQ-0001',
  hostnames: ['WKS-HQ-0001', 'WKS-HQ-0001-OLD'],
  macs: ['06F8138B16C9'],
  ips: ['10.16.0.10'],
  sources: ['cylance', 'eset', 'prisma'],
  conflicts: [{ kind: 'hostname', hostnames: ['WKS-HQ-0001', 'WKS-HQ-0001-OLD'] }],
});
const printer = machine({
  key: 'ip:10.16.0.9',
  macs: ['0A0000000009'],
  ips: ['10.16.0.9'],
  sources: ['prisma'],
});
const laptop = machine({
  key: 'cylance:c-1',
  hostname: 'lt-fin-0002',
  hostnames: ['lt-fin-0002'],
  sources: ['cylance'],
});
const none = { q: '', presence: {}, conflicts: false };

describe('machine filters', () => {
  it('finds a machine by any MAC spelling, by IP and by any of its hostnames', () => {
    for (const q of ['06-F8-13', '06:f8:13:8b', '06f8138b16c9', '10.16.0.10', 'hq-0001-old'])
      expect(matchesMachine(all, { ...none, q })).toBe(true);
    expect(matchesMachine(all, { ...none, q: 'fin' })).toBe(false);
  });

  it('filters on vendor presence and absence, and on conflicts', () => {
    const rows = [all, printer, laptop];
    const keys = (filter: Partial<typeof none> & { presence?: Record<string, 'yes' | 'no' | null> }) =>
      rows.filter((row) => matchesMachine(row, { ...none, ...filter })).map((row) => row.key);
    expect(keys({ presence: { eset: 'no' } })).toEqual(['ip:10.16.0.9', 'cylance:c-1']);
    expect(keys({ presence: { prisma: 'yes', cylance: 'no' } })).toEqual(['ip:10.16.0.9']);
    expect(keys({ conflicts: true })).toEqual(['mac:06F8138B16C9']);
  });

  it('sorts by hostname case-insensitively with unnamed machines last, by IP numerically, and by source count', () => {
    expect(sortMachines([all, printer, laptop], 'hostname').map((row) => row.key)).toEqual([
      'cylance:c-1',
      'mac:06F8138B16C9',
      'ip:10.16.0.9',
    ]);
    expect(sortMachines([all, printer, laptop], '-hostname').map((row) => row.key)).toEqual([
      'mac:06F8138B16C9',
      'cylance:c-1',
      'ip:10.16.0.9',
    ]);
    expect(sortMachines([all, printer, laptop], 'ip').map((row) => row.key)).toEqual([
      'ip:10.16.0.9',
      'mac:06F8138B16C9',
      'cylance:c-1',
    ]);
    expect(sortMachines([printer, all, laptop], '-sources')[0]).toBe(all);
  });
});
