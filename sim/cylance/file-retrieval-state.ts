import { naiveUtc, pendingDurationMs, type SimContext } from '../context.ts';
import type { Random } from '../random.ts';
import { toOpticsId } from './common.ts';

/**
 * Cylance Optics file retrieval (api-contracts.md §1 "File retrieval", seed 001).
 *
 * Every status is computed from the clock when it is read (no timers): a request is `PENDING` for
 * pendingDurationMs, then resolves to its planned outcome; `UNAVAILABLE` reads as `RETRY_REQUEST` one hour
 * later; an `AVAILABLE` read issues a fresh download link that works for 10 minutes.
 */
export type FileOutcome = 'AVAILABLE' | 'DOES_NOT_EXIST' | 'UNAVAILABLE';

const pendingStatus = 'PENDING';
export const linkValidityMs = 10 * 60_000;
export const retryAfterUnavailableMs = 60 * 60_000;
const maxPathLength = 4096;
/** Where download links point: off the API mount, like the vendor's storage host, and without a bearer. */
export const downloadPath = '/sim-downloads/cylance';

interface Link {
  token: string;
  issuedAt: number;
}

export interface SimRetrieval {
  deviceId: string;
  hostname: string;
  filepath: string;
  createdAt: number;
  resolveAt: number;
  outcome: FileOutcome;
  userId: string;
  userLogin: string;
  correlationId: string;
  md5: string;
  sha1: string;
  sha256: string;
  password: string;
  link?: Link;
}

const users = [
  { id: 'a3f1c2d4-5b6e-4f70-8a9b-0c1d2e3f4a5b', login: 'analyst@example.com' },
  { id: 'b4e2d3c5-6c7f-4081-9bac-1d2e3f4a5b6c', login: 'ir-lead@example.com' },
];
const samplePaths = [
  'C:\\Users\\jdoe\\Downloads\\invoice_2026.pdf.exe',
  'C:\\Windows\\Temp\\svchost32.exe',
  'C:\\Users\\Public\\Documents\\run me.ps1',
  'C:\\ProgramData\\Updater\\upd.dll',
  '\\\\FS01\\share\\tools\\psexec.exe',
  '/tmp/.x/kworker',
  '/home/build/.cache/pip/install.sh',
  'C:\\Users\\Åsa Öberg\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Startup\\løader.vbs',
];

/** Absolute Windows (`C:\`), UNC (`\\server\share`) or POSIX (`/`) path — anything else the vendor rejects. */
function isAbsolutePath(path: string): boolean {
  return /^[A-Za-z]:\\/.test(path) || /^\\\\[^\\]+\\[^\\]+/.test(path) || path.startsWith('/');
}

function drawOutcome(random: Random): FileOutcome {
  const roll = random.next();
  return roll < 0.75 ? 'AVAILABLE' : roll < 0.88 ? 'DOES_NOT_EXIST' : 'UNAVAILABLE';
}

/**
 * The outcome of a new request, stable for a seed whatever order requests arrive in (bulk runs interleave):
 * an offline device cannot upload (UNAVAILABLE); on an online one a stable hash of device, path and attempt
 * decides — about 10% of paths do not exist, about 5% of uploads fail, the rest become AVAILABLE. The
 * attempt number is part of the hash, so requesting again after a failure can succeed.
 */
export function requestOutcome(
  seed: number,
  deviceId: string,
  filepath: string,
  attempt: number,
  online: boolean,
) {
  if (!online) return 'UNAVAILABLE';
  let hash = 2166136261 ^ seed;
  for (const char of `${deviceId}|${filepath}|${attempt}`)
    hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  const bucket = (hash >>> 0) % 100;
  return bucket < 10 ? 'DOES_NOT_EXIST' : bucket < 15 ? 'UNAVAILABLE' : 'AVAILABLE';
}

function keyOf(deviceId: string, filepath: string): string {
  return `${deviceId}\n${filepath}`;
}

export function createFileRetrievals(context: SimContext) {
  const random = context.random.fork('file-retrievals');
  // The same machines as the Cylance device API (sim/cylance/devices.ts names each device by its hostname).
  const hostnames = new Map(
    context.world.cylanceMachines.map((machine) => [toOpticsId(machine.cylanceId!), machine.hostname]),
  );
  const deviceIds = [...hostnames.keys()];
  /** Every request ever made, oldest first: the history endpoint lists them. */
  const history: SimRetrieval[] = [];
  /** The latest request per device and path: what `getfile:get` reports. */
  const latest = new Map<string, SimRetrieval>();
  /** Outcomes a test or demo script wants next, consumed before random draws. */
  const plannedOutcomes: FileOutcome[] = [];
  /** Every link ever issued: each keeps its own 10 minutes, a re-read does not revoke earlier ones. */
  const links = new Map<string, { retrieval: SimRetrieval; issuedAt: number }>();

  function add(deviceId: string, filepath: string, createdAt: number, outcome: FileOutcome) {
    const user = random.pick(users);
    const retrieval: SimRetrieval = {
      deviceId,
      hostname: hostnames.get(deviceId) ?? '',
      filepath,
      createdAt,
      resolveAt: createdAt + pendingDurationMs(context, random),
      outcome,
      userId: user.id,
      userLogin: user.login,
      correlationId: random.uuid(),
      md5: random.hex(32),
      sha1: random.hex(40),
      sha256: random.hex(64),
      password: `cy-${random.hex(12)}`,
    };
    history.push(retrieval);
    latest.set(keyOf(deviceId, filepath), retrieval);
    return retrieval;
  }

  // Seeded history: spread over the last 30 days, oldest first, so some recent ones may still be pending.
  if (deviceIds.length > 0) {
    const start = context.clock.now() - 30 * 24 * 3_600_000;
    const step = (30 * 24 * 3_600_000) / Math.max(1, context.config.fileRetrievals);
    for (let index = 0; index < context.config.fileRetrievals; index++) {
      add(
        random.pick(deviceIds),
        random.pick(samplePaths),
        Math.round(start + index * step + random.next() * step * 0.5),
        drawOutcome(random),
      );
    }
  }

  function statusOf(retrieval: SimRetrieval, now: number): string {
    if (now < retrieval.resolveAt) return pendingStatus;
    if (retrieval.outcome === 'UNAVAILABLE' && now >= retrieval.resolveAt + retryAfterUnavailableMs)
      return 'RETRY_REQUEST';
    return retrieval.outcome;
  }

  const descriptions: Record<string, string> = {
    PENDING: 'Waiting for the device to upload the file.',
    AVAILABLE: 'The file is available for download.',
    DOES_NOT_EXIST: 'The file was not found on the device.',
    UNAVAILABLE: 'The device is offline or failed to upload the file.',
    RETRY_REQUEST: 'No result was received; the file can be requested again.',
  };

  /** The vendor's item (`filepath`, not `file_path`); the link and password only once AVAILABLE. */
  function toItem(retrieval: SimRetrieval, now: number, downloadBase: string) {
    const status = statusOf(retrieval, now);
    const available = status === 'AVAILABLE';
    return {
      tenant_id: context.tenantId,
      user_id: retrieval.userId,
      device_id: retrieval.deviceId,
      created_at: naiveUtc(retrieval.createdAt),
      filepath: retrieval.filepath,
      download_url: available && retrieval.link ? `${downloadBase}/${retrieval.link.token}` : null,
      file_status: status,
      file_status_description: descriptions[status] ?? null,
      password: available ? retrieval.password : null,
      md5: available ? retrieval.md5 : null,
      sha1: available ? retrieval.sha1 : null,
      sha256: available ? retrieval.sha256 : null,
      correlation_id: retrieval.correlationId,
      user_login: retrieval.userLogin,
      hostname: retrieval.hostname,
    };
  }

  return {
    hostnames,
    history,
    statusOf,
    toItem,
    isAbsolutePath,
    maxPathLength,
    /** Queue outcomes for the next requests (tests and demo scripts); random draws resume afterwards. */
    planOutcomes: (...outcomes: FileOutcome[]) => {
      plannedOutcomes.push(...outcomes);
    },
    request(deviceId: string, filepath: string, online = true) {
      const attempt = history.filter(
        (item) => item.deviceId === deviceId && item.filepath === filepath,
      ).length;
      const outcome =
        plannedOutcomes.shift() ?? requestOutcome(context.config.seed, deviceId, filepath, attempt, online);
      return add(deviceId, filepath, context.clock.now(), outcome);
    },
    find: (deviceId: string, filepath: string) => latest.get(keyOf(deviceId, filepath)),
    /** Reading an AVAILABLE status issues a fresh link; earlier links keep their own 10 minutes. */
    issueLink(retrieval: SimRetrieval) {
      const link = { token: random.hex(32), issuedAt: context.clock.now() };
      retrieval.link = link;
      links.set(link.token, { retrieval, issuedAt: link.issuedAt });
      return link;
    },
    findLink: (token: string) => links.get(token),
  };
}
