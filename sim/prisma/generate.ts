import { type Machine, macSpelling } from '../world.ts';

/**
 * One Prisma Device-ID verdict per network-visible machine (seed 002 field table). Built on demand from the
 * machine and a hash of its index, so 100 000 verdicts cost nothing until a page is asked for.
 */
export interface WireVerdict {
  ip: string;
  updateTime: number;
  mac: string;
  category: string;
  vendor: string;
  model?: string;
  os?: string;
  osFamily?: string;
  profile: string;
}

const categories: Record<Machine['kind'], string> = {
  workstation: 'Personal Computer',
  laptop: 'Personal Computer',
  server: 'Server',
  phone: 'Smartphone or Tablet',
  printer: 'Printer',
  camera: 'Video Surveillance',
  iot: 'VoIP Phone',
};

function profileOf(machine: Machine): string {
  if (machine.kind === 'phone') return machine.os.family === 'iOS' ? 'iPhone' : 'Android Phone';
  if (machine.kind === 'printer') return `${machine.vendor} Printer`;
  if (machine.kind === 'camera') return `${machine.vendor} IP Camera`;
  if (machine.kind === 'iot') return `${machine.vendor} IP Phone`;
  if (machine.kind === 'server') return `${machine.os.family} Server`;
  return machine.os.family === 'macOS' ? 'Mac' : `${machine.os.family} Workstation`;
}

/** A small integer hash (FNV-1a style mix) so each verdict's details are stable without a stored PRNG state. */
function mix(value: number, salt: number): number {
  let hash = Math.imul(value ^ salt, 2654435761);
  hash ^= hash >>> 15;
  return (Math.imul(hash, 2246822519) ^ (hash >>> 13)) >>> 0;
}

export function verdictFor(machine: Machine, seed: number, nowMs: number): WireVerdict {
  const h = mix(machine.index, seed);
  const verdict: WireVerdict = {
    ip: machine.ip,
    // Seen within the last 30 days, in Unix seconds.
    updateTime: Math.floor(nowMs / 1000) - (h % (30 * 24 * 3600)),
    mac: macSpelling.prisma(machine.mac),
    category: categories[machine.kind],
    vendor: machine.vendor,
    model: machine.model,
    os: machine.os.name,
    osFamily: machine.os.family,
    profile: profileOf(machine),
  };
  // The classifier is not always sure: some network-only devices come without model or OS.
  if (machine.esetUuid === undefined && machine.cylanceId === undefined && h % 11 === 0) {
    delete verdict.model;
    delete verdict.os;
  }
  return verdict;
}
