import type { Random } from '../random.ts';
import { type Machine, macSpelling } from '../world.ts';

/**
 * ESET devices and device groups in ESET's wire form (seed 003 and vendor-specs/eset-device-management).
 * int64 fields are written the way proto3 JSON gateways do it in the wild: as strings for some devices and
 * as numbers for others, deterministically per device (api-contracts.md §2), so clients must parse both.
 */
export interface EsetWireGroup {
  uuid: string;
  displayName: string;
  parentGroupUuid?: string;
  isSecurityGroup: boolean;
  linkedEntityType: string;
}

export type EsetWireDevice = Record<string, unknown> & {
  uuid: string;
  displayName: string;
  parentGroupUuid: string;
  functionalityStatus: string;
  isMuted: boolean;
};

const groupNames = [
  'Lost & found',
  'Windows computers',
  'Linux servers',
  'Mac computers',
  'Headquarters',
  'Finance',
  'Engineering',
  'Operations',
  'Lab',
  'Kiosks',
  'Remote workers',
  'Datacenter',
  'Build agents',
  'Reception',
  'Legal',
];

export function generateEsetGroups(count: number, random: Random): EsetWireGroup[] {
  const root: EsetWireGroup = {
    uuid: random.uuid(),
    displayName: 'All',
    isSecurityGroup: false,
    linkedEntityType: 'DEVICE_GROUP_ENTITY_TYPE_COMPANY',
  };
  const groups = [root];
  for (let index = 1; index < Math.max(1, count); index++) {
    const base = groupNames[(index - 1) % groupNames.length] as string;
    const lap = Math.floor((index - 1) / groupNames.length);
    // Early groups hang off the root; later ones nest under an earlier group, so the tree has depth.
    const parent = index <= 4 ? root : (groups[random.int(1, index - 1)] as EsetWireGroup);
    groups.push({
      uuid: random.uuid(),
      displayName: lap === 0 ? base : `${base} ${lap + 1}`,
      parentGroupUuid: parent.uuid,
      isSecurityGroup: random.chance(0.2),
      linkedEntityType: 'DEVICE_GROUP_ENTITY_TYPE_UNSPECIFIED',
    });
  }
  return groups;
}

const familyIds: Record<Machine['os']['family'], number> = {
  Windows: 1,
  Linux: 2,
  macOS: 3,
  iOS: 3,
  Android: 4,
  Embedded: 0,
};

const deviceTypes: Record<Machine['kind'], string> = {
  workstation: 'DEVICE_TYPE_DESKTOP',
  laptop: 'DEVICE_TYPE_NOTEBOOK',
  server: 'DEVICE_TYPE_SERVER',
  phone: 'DEVICE_TYPE_SMARTPHONE',
  printer: 'DEVICE_TYPE_PRINTER',
  camera: 'DEVICE_TYPE_SECURITY_CAMERA',
  iot: 'DEVICE_TYPE_IOT',
};

const tagPool = ['VIP', 'finance', 'pci', 'kiosk', 'dev', 'critical', 'loaner'];

/** `A.B.C` → (A << 48 | B << 32 | C << 16), the spec's uint64 version id, as decimal text. */
function versionId(major: number, minor: number, patch: number): string {
  return ((BigInt(major) << 48n) | (BigInt(minor) << 32n) | (BigInt(patch) << 16n)).toString();
}

function version(name: string, int64: (value: number) => number | string) {
  const [major = 0, minor = 0, patch = 0] = name.split('.').map((part) => Number.parseInt(part, 10) || 0);
  // uint64 like int64: text for the "string" devices, a JSON number for the others (all ids here are < 2^53).
  const id = versionId(major, minor, patch);
  return {
    id: typeof int64(0) === 'string' ? id : Number(id),
    major: int64(major),
    minor: int64(minor),
    patch: int64(patch),
    name,
  };
}

function functionality(random: Random): { status: string; problems: number } {
  const roll = random.next();
  if (roll < 0.7) return { status: 'DEVICE_FUNCTIONALITY_STATUS_OK', problems: 0 };
  if (roll < 0.85)
    return { status: 'DEVICE_FUNCTIONALITY_STATUS_ATTENTION_RECOMMENDED', problems: random.int(1, 3) };
  if (roll < 0.95)
    return { status: 'DEVICE_FUNCTIONALITY_STATUS_ATTENTION_REQUIRED', problems: random.int(1, 6) };
  return { status: 'DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED', problems: 0 };
}

export function generateEsetDevice(
  machine: Machine,
  groups: readonly EsetWireGroup[],
  random: Random,
  nowMs: number,
): EsetWireDevice {
  // Deterministic per device: even machine indexes get proto3-style strings for int64 values.
  const int64 = machine.index % 2 === 0 ? (value: number) => String(value) : (value: number) => value;
  const { status, problems } = functionality(random);
  const server = machine.kind === 'server';
  const group = groups.length > 1 ? (groups[random.int(1, groups.length - 1)] as EsetWireGroup) : groups[0];
  const virtual = machine.vendor.startsWith('VMware');
  return {
    uuid: machine.esetUuid as string,
    displayName: machine.esetDisplayName,
    originalDisplayName: machine.hostname,
    description: random.chance(0.3) ? `${machine.kind} at ${machine.hostname.split('-')[1]}` : '',
    deviceType: virtual ? 'DEVICE_TYPE_VIRTUAL_MACHINE' : deviceTypes[machine.kind],
    enrollmentStatus: random.chance(0.95)
      ? 'DEVICE_ENROLLMENT_STATUS_FINISHED'
      : 'DEVICE_ENROLLMENT_STATUS_PENDING',
    functionalityStatus: status,
    functionalityProblemCount: int64(problems),
    isMobile: machine.kind === 'phone',
    isMuted: random.chance(0.08),
    lastSyncTime: new Date(nowMs - random.int(30, 3 * 24 * 3600) * 1000).toISOString(),
    managementDomain: 'esetprotect.local',
    parentGroupUuid: group?.uuid ?? '',
    primaryLocalIpAddress: machine.ip,
    publicIpAddress: machine.publicIp,
    tags: tagPool.filter(() => random.chance(0.12)),
    operatingSystem: {
      bitness: int64(64),
      displayName: machine.os.name,
      editionId: int64(server ? 1 : 2),
      familyId: int64(familyIds[machine.os.family]),
      version: version(machine.os.version, int64),
    },
    deployedComponents: [
      {
        id: int64(server ? 4101 : 4102),
        name: server ? 'efsw' : 'ees',
        displayName: server ? 'ESET Server Security' : 'ESET Endpoint Security',
        version: version(`11.${random.int(0, 1)}.${random.int(2000, 2050)}`, int64),
      },
      {
        id: int64(4001),
        name: 'agent',
        displayName: 'ESET Management Agent',
        version: version('11.1.1234', int64),
      },
    ],
    hardwareProfiles: [
      {
        bios: {
          manufacturer: machine.vendor,
          serialNumber: random.hex(10).toUpperCase(),
          uuid: random.uuid().toUpperCase(),
        },
        manufacturer: machine.vendor,
        model: machine.model,
        networkAdapters: [
          {
            caption: virtual ? 'vmxnet3 Ethernet Adapter' : 'Intel(R) Ethernet Connection I219-LM',
            macAddress: macSpelling.eset(machine.mac),
          },
        ],
        processors: [
          {
            architecture: machine.os.family === 'macOS' ? 'CPU_ARCHITECTURE_ARM64' : 'CPU_ARCHITECTURE_X64',
            caption: machine.os.family === 'macOS' ? 'Apple M2 Pro' : 'Intel(R) Core(TM) i7-1365U',
            manufacturer: machine.os.family === 'macOS' ? 'Apple' : 'GenuineIntel',
          },
        ],
        hardDrives: [
          {
            capacityBytes: String(random.pick([256, 512, 1024]) * 1_000_000_000),
            displayName: 'NVMe SSD',
            driveType: 'DRIVE_TYPE_SSD',
            serialNumber: random.hex(16).toUpperCase(),
          },
        ],
      },
    ],
  };
}
