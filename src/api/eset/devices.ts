import { queryOptions } from '@tanstack/react-query';
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
 * ESET documents device ids as UUIDs (`format: uuid` in the spec); anything else is rejected with a reason
 * before a call is made. Lowercased (ESET writes them lowercase) and de-duplicated.
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
  return { uuids, errors };
}

export interface EsetSnapshot {
  devices: EsetDevice[];
  /** UUIDs ESET does not know: the batch failed with 404 and one-by-one GETs named them. */
  unknownUuids: string[];
  /** True when the atomic batch failed and the devices come from one-by-one reads (not one time point). */
  partial: boolean;
}

/** At most this many one-by-one GETs at a time in the 404 fallback (ESET allows 10 calls/s). */
const fallbackConcurrency = 4;

async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The snapshot: `devices:batchGet`, and when the batch fails with 404 (atomic: one unknown UUID fails it all)
 * find the unknown ones with one-by-one GETs and return the rest. An empty list makes no call (ESET → 400).
 */
export async function snapshotEsetDevices(
  uuids: readonly string[],
  signal?: AbortSignal,
  replay?: EsetReplayOptions,
): Promise<EsetSnapshot> {
  if (uuids.length === 0) throw new Error('Choose at least one ESET device for a snapshot.');
  try {
    return { devices: await batchGetEsetDevices(uuids, signal, replay), unknownUuids: [], partial: false };
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 404)) throw error;
  }
  const reads = await mapBounded(uuids, fallbackConcurrency, async (uuid) => {
    try {
      return { uuid, device: await getEsetDevice(uuid, signal, replay) };
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) return { uuid, device: undefined };
      throw error;
    }
  });
  return {
    devices: reads.flatMap((read) => (read.device ? [read.device] : [])),
    unknownUuids: reads.filter((read) => !read.device).map((read) => read.uuid),
    partial: true,
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
