import { queryOptions } from '@tanstack/react-query';
import { chunk } from '../../lib/chunk.ts';
import { formatCount } from '../../lib/format-count.ts';
import { HttpError } from '../http.ts';
import { type EsetReplayOptions, esetGet } from './replay.ts';
import {
  type EsetDevice,
  type EsetFunctionalityStatus,
  esetBatchGetSchema,
  esetDeviceListSchema,
  esetDeviceResponseSchema,
} from './schemas.ts';

/** ESET Device Management through the gateway (api-contracts.md §2): `/api/eset/v1/...`. */
export const esetBase = '/api/eset/v1';

export interface EsetDeviceFilters {
  /** Exact display names; repeated parameter `displayNames=a&displayNames=b`. */
  displayNames?: readonly string[];
  functionalityStatus?: EsetFunctionalityStatus;
  isMuted?: boolean;
}

export interface EsetListPage {
  /** 0 or unset → 50; above 1000 ESET silently uses 1000 (AIP-158). */
  pageSize?: number;
  pageToken?: string;
}

export function listEsetDevices(
  filters: EsetDeviceFilters = {},
  page: EsetListPage = {},
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
) {
  return esetGet(`${esetBase}/devices`, {
    schema: esetDeviceListSchema,
    query: {
      displayNames: filters.displayNames,
      functionalityStatus: filters.functionalityStatus,
      isMuted: filters.isMuted,
      pageSize: page.pageSize,
      pageToken: page.pageToken,
    },
    signal,
    replay,
  });
}

export async function getEsetDevice(uuid: string, signal?: AbortSignal, replay?: EsetReplayOptions) {
  const body = await esetGet(`${esetBase}/devices/${encodeURIComponent(uuid)}`, {
    schema: esetDeviceResponseSchema,
    signal,
    replay,
  });
  return body.device;
}

/** One atomic read of several devices: all of them, or a 404 and nothing (seed 003). */
export async function batchGetEsetDevices(
  uuids: readonly string[],
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
) {
  const body = await esetGet(`${esetBase}/devices:batchGet`, {
    schema: esetBatchGetSchema,
    query: { devicesUuids: uuids },
    signal,
    replay,
  });
  return body.devices;
}

// ---- UUID input (the snapshot's deep link `?uuids=a,b` and the paste box) ----
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface EsetUuidList {
  uuids: string[];
  errors: { input: string; reason: string }[];
}

/**
 * Devices per snapshot. The selection and the snapshot live in the link (`sel=`, `uuids=`: 37 characters per
 * UUID each), which the gateway accepts up to 128 KiB (server/gateway.ts): 1 000 — ESET's largest page — keep
 * a link with both under 80 kB.
 */
export const maxSnapshotUuids = 1000;

/**
 * ESET documents device ids as UUIDs (`format: uuid` in the spec); anything else is rejected with a reason
 * before a call is made. Lowercased (ESET writes them lowercase) and de-duplicated; past `maxSnapshotUuids` the
 * rest is left out with one line saying how many.
 */
export function parseEsetUuids(input: string | readonly string[]): EsetUuidList {
  const tokens = typeof input === 'string' ? input.split(/[\s,;]+/) : input;
  const uuids: string[] = [];
  const errors: EsetUuidList['errors'] = [];
  for (const raw of tokens) {
    const token = raw
      .trim()
      .replace(/^\{|\}$/g, '')
      .toLowerCase();
    if (token === '') continue;
    if (!uuidPattern.test(token)) {
      errors.push({ input: raw.trim(), reason: 'not a device UUID (8-4-4-4-12 hex digits)' });
    } else if (!uuids.includes(token)) {
      uuids.push(token);
    }
  }
  if (uuids.length > maxSnapshotUuids) {
    const extra = uuids.splice(maxSnapshotUuids);
    errors.push({
      input: `${formatCount(extra.length)} more UUIDs (from ${extra[0]})`,
      reason: `at most ${formatCount(maxSnapshotUuids)} devices per snapshot; the first ${formatCount(maxSnapshotUuids)} are read`,
    });
  }
  return { uuids, errors };
}

export interface EsetSnapshot {
  devices: EsetDevice[];
  /** UUIDs ESET does not know: the batch failed with 404 and smaller batches named them. */
  unknownUuids: string[];
  /**
   * True when some devices come from several smaller batches (read at different moments, not one time point):
   * only when the final batch of the known UUIDs failed too (a device went away meanwhile).
   */
  partial: boolean;
  /** Batches sent together: more than one when the snapshot holds more than `maxBatchUuids` devices. */
  batches: number;
}

/**
 * UUIDs per `devices:batchGet`. They travel in the URL (`devicesUuids=` × n, 50 characters each) and ESET
 * documents no largest batch (api-contracts.md §2): 100 keep it near 5 kB, well under the 16 kB request head
 * that Node — the gateway — and common proxies accept (about 320 UUIDs fit in 16 kB; 450 got a 431 here).
 */
export const maxBatchUuids = 100;

const notFound = (error: unknown) => error instanceof HttpError && error.status === 404;

/**
 * One batch, split in halves while it fails with 404 (atomic: one unknown UUID fails it all) until each
 * unknown UUID stands alone. One unknown UUID among n costs about 2·log2(n) calls, not n one-by-one GETs.
 */
async function splitOffUnknown(
  uuids: readonly string[],
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
): Promise<{ devices: EsetDevice[]; unknown: string[] }> {
  try {
    return { devices: await batchGetEsetDevices(uuids, signal, replay), unknown: [] };
  } catch (error) {
    if (!notFound(error)) throw error;
  }
  if (uuids.length === 1) return { devices: [], unknown: [...uuids] };
  const middle = Math.ceil(uuids.length / 2);
  const halves = await Promise.all(
    [uuids.slice(0, middle), uuids.slice(middle)].map((half) => splitOffUnknown(half, signal, replay)),
  );
  return {
    devices: halves.flatMap((half) => half.devices),
    unknown: halves.flatMap((half) => half.unknown),
  };
}

/** One batch of at most `maxBatchUuids`: all of it, or the unknown UUIDs named and the rest read again together. */
async function snapshotBatch(
  uuids: readonly string[],
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
): Promise<Omit<EsetSnapshot, 'batches'>> {
  const split = await splitOffUnknown(uuids, signal, replay);
  const known = uuids.filter((uuid) => !split.unknown.includes(uuid));
  if (split.unknown.length === 0 || known.length === 0)
    return { devices: split.devices, unknownUuids: split.unknown, partial: false };
  try {
    const devices = await batchGetEsetDevices(known, signal, replay);
    return { devices, unknownUuids: split.unknown, partial: false };
  } catch (error) {
    if (!notFound(error)) throw error;
    return { devices: split.devices, unknownUuids: split.unknown, partial: true };
  }
}

/**
 * The snapshot: `devices:batchGet` — one consistent time point (seed 003), in batches of `maxBatchUuids` sent
 * together when there are more. When ESET does not know some of the UUIDs, they are named by splitting the
 * batch, and the known ones are read again in one batch so it is still one time point. An empty list makes no
 * call (ESET → 400).
 */
export async function snapshotEsetDevices(
  uuids: readonly string[],
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
): Promise<EsetSnapshot> {
  if (uuids.length === 0) throw new Error('Choose at least one ESET device for a snapshot.');
  const parts = await Promise.all(
    chunk(uuids, maxBatchUuids).map((part) => snapshotBatch(part, signal, replay)),
  );
  return {
    devices: parts.flatMap((part) => part.devices),
    unknownUuids: parts.flatMap((part) => part.unknownUuids),
    partial: parts.some((part) => part.partial),
    batches: parts.length,
  };
}

export const esetDeviceQueries = {
  all: () => ['eset', 'devices'] as const,
  list: (filters: EsetDeviceFilters, page: EsetListPage) =>
    queryOptions({
      queryKey: [...esetDeviceQueries.all(), 'list', filters, page] as const,
      queryFn: ({ signal }) => listEsetDevices(filters, page, signal),
    }),
  detail: (uuid: string) =>
    queryOptions({
      queryKey: [...esetDeviceQueries.all(), 'detail', uuid] as const,
      queryFn: ({ signal }) => getEsetDevice(uuid, signal),
    }),
  /** Sorted so the same set is one cache entry; a snapshot is a point in time, so it never goes stale by itself. */
  snapshot: (uuids: readonly string[]) =>
    queryOptions({
      queryKey: [...esetDeviceQueries.all(), 'batch', [...uuids].sort()] as const,
      queryFn: ({ signal }) => snapshotEsetDevices([...uuids].sort(), signal),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};
