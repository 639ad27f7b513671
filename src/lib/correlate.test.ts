import { describe, expect, it } from 'vitest';
import { type CylanceLike, correlate, type EsetLike, findMachine, type PrismaLike } from './correlate.ts';

const cylance = (id: string, name: string, macs: string[], ips: string[] = []): CylanceLike => ({
  id,
  name,
  mac_addresses: macs,
  ip_addresses: ips,
});
const eset = (uuid: string, displayName: string, macs: string[], ip?: string): EsetLike => ({
  uuid,
  displayName,
  primaryLocalIpAddress: ip,
  hardwareProfiles: [{ networkAdapters: macs.map((macAddress) => ({ macAddress })) }],
});
const verdict = (ip: string, mac?: string): PrismaLike => ({ ip, mac });

describe('correlate', () => {
  it('joins one machine across the three MAC spellings into one row with all three sources', () => {
    const machines = correlate({
      cylance: [cylance('c-1', 'WKS-HQ-0001', ['06-F8-13-8B-16-C9'], ['10.16.0.1'])],
      eset: [eset('e-1', 'WKS-HQ-0001', ['06:F8:13:8B:16:C9'], '10.16.0.1')],
      prisma: [verdict('10.16.0.1', '06:f8:13:8b:16:c9')],
    });
    expect(machines).toHaveLength(1);
    expect(machines[0]).toMatchObject({
      key: 'mac:06F8138B16C9',
      hostname: 'WKS-HQ-0001',
      sources: ['cylance', 'eset', 'prisma'],
      matchedBy: 'mac',
      conflicts: [],
      macs: ['06F8138B16C9'],
    });
  });

  it('shows a conflict when one MAC carries different hostnames (an ESET rename)', () => {
    const [machine, ...rest] = correlate({
      cylance: [cylance('c-1', 'LT-FIN-0007', ['0A-00-00-00-00-07'])],
      eset: [eset('e-1', 'LT-FIN-0007-OLD', ['0A:00:00:00:00:07'])],
      prisma: [],
    });
    expect(rest).toEqual([]);
    expect(machine?.conflicts).toEqual([{ kind: 'hostname', hostnames: ['LT-FIN-0007', 'LT-FIN-0007-OLD'] }]);
    expect(machine?.hostname).toBe('LT-FIN-0007');
  });

  it('falls back to the IP when a source has no MAC', () => {
    const machines = correlate({
      cylance: [cylance('c-1', 'SRV-DC-0002', [], ['10.16.0.2'])],
      eset: [],
      prisma: [verdict('10.16.0.2', '0a:11:22:33:44:55')],
    });
    expect(machines).toHaveLength(1);
    expect(machines[0]).toMatchObject({
      sources: ['cylance', 'prisma'],
      matchedBy: 'ip',
      key: 'mac:0A1122334455',
    });
  });

  it('does not join by IP when both sides have different MACs (a reused DHCP address)', () => {
    const machines = correlate({
      cylance: [cylance('c-1', 'WKS-A', ['06-00-00-00-00-01'], ['10.16.0.3'])],
      eset: [],
      prisma: [verdict('10.16.0.3', '06:00:00:00:00:02')],
    });
    expect(machines).toHaveLength(2);
  });

  it('falls back to the hostname, case-insensitively, when neither MAC nor IP links the records', () => {
    const machines = correlate({
      cylance: [cylance('c-1', 'WKS-OPS-0100', [], ['10.16.0.4'])],
      eset: [eset('e-1', 'wks-ops-0100', [])],
      prisma: [],
    });
    expect(machines).toHaveLength(1);
    expect(machines[0]).toMatchObject({ matchedBy: 'hostname', hostnames: ['WKS-OPS-0100'], conflicts: [] });
    expect(machines[0]?.key).toBe('cylance:c-1');
  });

  it('keeps single-source machines, each with a key naming its source', () => {
    const machines = correlate({
      cylance: [cylance('c-1', 'LT-HR-0001', [])],
      eset: [eset('e-9', 'LT-HR-0002', [])],
      prisma: [verdict('10.17.0.9')],
    });
    expect(machines.map((machine) => machine.key)).toEqual(['cylance:c-1', 'eset:e-9', 'ip:10.17.0.9']);
    expect(machines.map((machine) => machine.sources)).toEqual([['cylance'], ['eset'], ['prisma']]);
    expect(machines.every((machine) => machine.matchedBy === null)).toBe(true);
  });

  it('never joins two records of one vendor on weak evidence, but flags a duplicate sharing a MAC', () => {
    const sameName = correlate({
      cylance: [cylance('c-1', 'WKS-X', []), cylance('c-2', 'WKS-X', [])],
      eset: [],
      prisma: [],
    });
    expect(sameName).toHaveLength(2);
    const sameMac = correlate({
      cylance: [
        cylance('c-1', 'WKS-X', ['06-00-00-00-00-09']),
        cylance('c-2', 'WKS-X', ['06:00:00:00:00:09']),
      ],
      eset: [],
      prisma: [],
    });
    expect(sameMac).toHaveLength(1);
    expect(sameMac[0]?.conflicts).toEqual([{ kind: 'duplicate', source: 'cylance', count: 2 }]);
  });

  it('puts every record in exactly one machine, and ignores values that are not MACs or IPs', () => {
    const input = {
      cylance: [
        cylance('c-1', 'A', ['06-00-00-00-00-01']),
        cylance('c-2', 'B', ['not-a-mac', '00-00-00-00-00-00'], ['10.16.0.2']),
        cylance('c-3', 'C', [], ['999.1.1.1']),
      ],
      eset: [eset('e-1', 'A2', ['06:00:00:00:00:01']), eset('e-2', 'C', ['00:00:00:00:00:00'])],
      prisma: [verdict('10.16.0.2'), verdict('10.16.0.9', '06:00:00:00:00:01')],
    };
    const machines = correlate(input);
    const cylanceIds = machines.flatMap((machine) => machine.cylance.map((device) => device.id)).sort();
    const esetIds = machines.flatMap((machine) => machine.eset.map((device) => device.uuid)).sort();
    const prismaIps = machines.flatMap((machine) => machine.prisma.map((item) => item.ip)).sort();
    expect(cylanceIds).toEqual(['c-1', 'c-2', 'c-3']);
    expect(esetIds).toEqual(['e-1', 'e-2']);
    expect(prismaIps).toEqual(['10.16.0.2', '10.16.0.9']);
    expect(machines).toHaveLength(3);
    const c3 = machines.find((machine) => machine.cylance[0]?.id === 'c-3');
    expect(c3?.ips).toEqual([]);
    // The all-zero MAC is a placeholder, not evidence: e-2 joins c-3 by name, not c-2 by that MAC.
    expect(c3?.eset.map((device) => device.uuid)).toEqual(['e-2']);
  });

  it('finds a machine by any of its keys', () => {
    const machines = correlate({
      cylance: [cylance('c-1', 'WKS-1', ['06-F8-13-8B-16-C9'], ['10.16.0.1'])],
      eset: [eset('E-UUID', 'WKS-1', ['06:F8:13:8B:16:C9'])],
      prisma: [verdict('10.16.0.1')],
    });
    const [machine] = machines;
    for (const key of [
      'mac:06F8138B16C9',
      'mac:06:f8:13:8b:16:c9',
      'cylance:C-1',
      'eset:e-uuid',
      'ip:10.16.0.1',
    ])
      expect(findMachine(machines, key)).toBe(machine);
    for (const key of ['mac:zz', 'nonsense', 'ip:10.0.0.1', 'other:1'])
      expect(findMachine(machines, key)).toBeUndefined();
  });
});
