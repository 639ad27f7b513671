import type { SimConfig } from './config.ts';
import type { Random } from './random.ts';

/**
 * The physical machines behind the simulated tenant. Each vendor's data is generated from these,
 * so the same machine shows up in Cylance, ESET and Prisma under each vendor's own IDs and MAC spelling
 * (api-contracts.md §4: `06-F8-13-8B-16-C9`, `06:F8:13:8B:16:C9`, `06:f8:13:8b:16:c9`).
 */
export type MachineKind = 'workstation' | 'laptop' | 'server' | 'phone' | 'printer' | 'camera' | 'iot';

export interface Machine {
  index: number;
  kind: MachineKind;
  hostname: string;
  /** Twelve uppercase hex digits, no separators; each vendor formats it its own way. */
  mac: string;
  ip: string;
  publicIp: string;
  os: {
    family: 'Windows' | 'Linux' | 'macOS' | 'iOS' | 'Android' | 'Embedded';
    name: string;
    version: string;
  };
  vendor: string;
  model: string;
  /** Cylance device id (lowercase UUID) when the machine runs the Cylance agent. */
  cylanceId?: string;
  /** ESET device UUID when the machine is managed by ESET PROTECT. */
  esetUuid?: string;
  /** Whether the network (Prisma Device-ID) has a verdict for its IP. */
  inPrisma: boolean;
  /** A hostname ESET knows it by when it was renamed there (a visible conflict in the correlated view). */
  esetDisplayName: string;
}

export interface World {
  machines: Machine[];
  cylanceMachines: Machine[];
  esetMachines: Machine[];
  prismaMachines: Machine[];
}

const sites = ['HQ', 'FIN', 'ENG', 'OPS', 'HR', 'LAB', 'DC'];
const endpointOs: Machine['os'][] = [
  { family: 'Windows', name: 'Windows 11 Enterprise', version: '10.0.22631' },
  { family: 'Windows', name: 'Windows 10 Pro', version: '10.0.19045' },
  { family: 'Windows', name: 'Windows Server 2022', version: '10.0.20348' },
  { family: 'Linux', name: 'Ubuntu 22.04 LTS', version: '22.04' },
  { family: 'Linux', name: 'Red Hat Enterprise Linux 9', version: '9.4' },
  { family: 'macOS', name: 'macOS Sonoma', version: '14.6' },
];
const hardware = [
  { vendor: 'Dell Inc.', model: 'Latitude 7440' },
  { vendor: 'Dell Inc.', model: 'OptiPlex 7010' },
  { vendor: 'LENOVO', model: 'ThinkPad T14 Gen 4' },
  { vendor: 'HP', model: 'EliteBook 840 G10' },
  { vendor: 'VMware, Inc.', model: 'VMware7,1' },
  { vendor: 'Apple Inc.', model: 'MacBookPro18,3' },
];
const networkOnly: { kind: MachineKind; vendor: string; model: string; os: Machine['os'] }[] = [
  {
    kind: 'phone',
    vendor: 'Apple Inc.',
    model: 'iPhone15,2',
    os: { family: 'iOS', name: 'iOS 17.5', version: '17.5' },
  },
  {
    kind: 'phone',
    vendor: 'Samsung',
    model: 'SM-S918B',
    os: { family: 'Android', name: 'Android 14', version: '14' },
  },
  {
    kind: 'printer',
    vendor: 'HP',
    model: 'LaserJet M507',
    os: { family: 'Embedded', name: 'FutureSmart 5', version: '5.7' },
  },
  {
    kind: 'camera',
    vendor: 'Axis',
    model: 'P3265-LVE',
    os: { family: 'Embedded', name: 'AXIS OS', version: '11.9' },
  },
  {
    kind: 'iot',
    vendor: 'Cisco',
    model: 'IP Phone 8845',
    os: { family: 'Embedded', name: 'sip88xx', version: '14.2' },
  },
];

function endpointKind(random: Random): MachineKind {
  const roll = random.next();
  return roll < 0.5 ? 'workstation' : roll < 0.85 ? 'laptop' : 'server';
}

function hostnameFor(kind: MachineKind, index: number, random: Random): string {
  const prefix = {
    workstation: 'WKS',
    laptop: 'LT',
    server: 'SRV',
    phone: 'PH',
    printer: 'PRN',
    camera: 'CAM',
    iot: 'IOT',
  }[kind];
  return `${prefix}-${random.pick(sites)}-${String(index).padStart(4, '0')}`;
}

/** Unique IPs for 100 000 machines: hosts .1–.254 of consecutive /24s from 10.16.0.0 (never .0 or .255). */
function ipFor(index: number): string {
  const subnet = Math.floor(index / 254);
  return `10.${16 + (subnet >> 8)}.${subnet & 255}.${(index % 254) + 1}`;
}

export function createWorld(config: SimConfig, random: Random): World {
  const inBoth = Math.round(Math.min(config.cylanceDevices, config.esetDevices) * 0.7);
  const cylanceOnly = config.cylanceDevices - inBoth;
  const esetOnly = config.esetDevices - inBoth;
  const endpoints = inBoth + cylanceOnly + esetOnly;
  const machines: Machine[] = [];

  for (let index = 0; index < endpoints; index++) {
    const kind = endpointKind(random);
    const os = kind === 'server' ? random.pick(endpointOs.slice(2, 5)) : random.pick(endpointOs);
    const box = os.family === 'macOS' ? hardware[5]! : random.pick(hardware.slice(0, 5));
    const hostname = hostnameFor(kind, index, random);
    const inCylance = index < inBoth + cylanceOnly;
    const inEset = index < inBoth || index >= inBoth + cylanceOnly;
    machines.push({
      index,
      kind,
      hostname,
      mac: `06${random.hex(10).toUpperCase()}`,
      ip: ipFor(index),
      publicIp: `203.0.113.${random.int(1, 254)}`,
      os,
      ...box,
      cylanceId: inCylance ? random.uuid() : undefined,
      esetUuid: inEset ? random.uuid() : undefined,
      // Most endpoints are seen by the network; every tenth is remote (VPN) and is not.
      inPrisma: index % 10 !== 9,
      // A few machines were renamed in ESET: same MAC, different hostname — a conflict the console must show.
      esetDisplayName: inEset && random.chance(0.04) ? `${hostname}-OLD` : hostname,
    });
  }

  const endpointVerdicts = machines.filter((machine) => machine.inPrisma).length;
  for (let extra = 0; endpointVerdicts + extra < config.prismaVerdicts; extra++) {
    const index = endpoints + extra;
    const device = random.pick(networkOnly);
    machines.push({
      index,
      kind: device.kind,
      hostname: hostnameFor(device.kind, index, random),
      mac: `0A${random.hex(10).toUpperCase()}`,
      ip: ipFor(index),
      publicIp: `198.51.100.${random.int(1, 254)}`,
      os: device.os,
      vendor: device.vendor,
      model: device.model,
      inPrisma: true,
      esetDisplayName: '',
    });
  }

  const prismaMachines = machines.filter((machine) => machine.inPrisma).slice(0, config.prismaVerdicts);
  return {
    machines,
    cylanceMachines: machines.filter((machine) => machine.cylanceId !== undefined),
    esetMachines: machines.filter((machine) => machine.esetUuid !== undefined),
    prismaMachines,
  };
}

/** The three MAC spellings the vendors use (api-contracts.md §4). */
export const macSpelling = {
  /** Cylance: `06-F8-13-8B-16-C9` */
  cylance: (mac: string) => mac.match(/../g)!.join('-'),
  /** ESET: `06:F8:13:8B:16:C9` */
  eset: (mac: string) => mac.match(/../g)!.join(':'),
  /** Prisma: `06:f8:13:8b:16:c9` */
  prisma: (mac: string) => mac.match(/../g)!.join(':').toLowerCase(),
};
