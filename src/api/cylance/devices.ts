import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../http.ts';
import {
  type CylanceDevice,
  cylanceDeviceDetailSchema,
  cylanceDevicePageSchema,
  cylanceDeviceSchema,
} from './schemas.ts';

/** Cylance device API through the gateway (api-contracts.md §1 "Devices"); ids are lowercase hyphenated UUIDs. */
const base = '/api/cylance/devices/v2';

export function listCylanceDevices(page: number, pageSize: number, signal?: AbortSignal) {
  return request(base, { schema: cylanceDevicePageSchema, query: { page, page_size: pageSize }, signal });
}

export function getCylanceDevice(id: string, signal?: AbortSignal) {
  return request(`${base}/${encodeURIComponent(id)}`, { schema: cylanceDeviceDetailSchema, signal });
}

// 200 is the largest Cylance page size every reading of the docs allows (api-contracts.md §1 "Devices").
const inventoryPageSize = 200;
// An inventory changes slowly: it stays fresh for minutes, and every page that needs it shares one read.
const inventoryStaleMs = 5 * 60_000;

/** Every device of the tenant, page after page. */
export async function listAllCylanceDevices(signal?: AbortSignal): Promise<CylanceDevice[]> {
  const first = await listCylanceDevices(1, inventoryPageSize, signal);
  const devices = [...first.page_items];
  // One page after the other: deep pages are where Cylance answers 50x (api-contracts.md §1), and the query's
  // retry then repeats the whole read instead of leaving a hole.
  for (let page = 2; page <= first.total_pages; page++) {
    devices.push(...(await listCylanceDevices(page, inventoryPageSize, signal)).page_items);
  }
  return devices;
}

/** An array: hostnames are not unique at the vendor. */
export function findCylanceDevicesByHostname(name: string, signal?: AbortSignal) {
  return request(`${base}/hostname/${encodeURIComponent(name)}`, {
    schema: z.array(cylanceDeviceSchema),
    signal,
  });
}

/** `mac` in the vendor's spelling `28-F1-0E-45-AB-54`. */
export function findCylanceDevicesByMac(mac: string, signal?: AbortSignal) {
  return request(`${base}/macaddress/${encodeURIComponent(mac)}`, {
    schema: z.array(cylanceDeviceSchema),
    signal,
  });
}

export const cylanceDeviceQueries = {
  all: () => ['cylance', 'devices'] as const,
  list: (page: number, pageSize: number) =>
    queryOptions({
      queryKey: [...cylanceDeviceQueries.all(), 'list', { page, pageSize }] as const,
      queryFn: ({ signal }) => listCylanceDevices(page, pageSize, signal),
    }),
  /** The whole inventory: the correlated devices view and the file-retrieval device search share it. */
  inventory: () =>
    queryOptions({
      queryKey: [...cylanceDeviceQueries.all(), 'all', { pageSize: inventoryPageSize }] as const,
      queryFn: ({ signal }) => listAllCylanceDevices(signal),
      staleTime: inventoryStaleMs,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: [...cylanceDeviceQueries.all(), 'detail', id] as const,
      queryFn: ({ signal }) => getCylanceDevice(id, signal),
    }),
  byHostname: (name: string) =>
    queryOptions({
      queryKey: [...cylanceDeviceQueries.all(), 'hostname', name] as const,
      queryFn: ({ signal }) => findCylanceDevicesByHostname(name, signal),
    }),
  byMac: (mac: string) =>
    queryOptions({
      queryKey: [...cylanceDeviceQueries.all(), 'macaddress', mac] as const,
      queryFn: ({ signal }) => findCylanceDevicesByMac(mac, signal),
    }),
};
