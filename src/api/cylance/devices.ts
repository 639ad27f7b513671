import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../http.ts';
import { cylanceDeviceDetailSchema, cylanceDevicePageSchema, cylanceDeviceSchema } from './schemas.ts';

/** Cylance device API through the gateway (api-contracts.md §1 "Devices"); ids are lowercase hyphenated UUIDs. */
const base = '/api/cylance/devices/v2';

export function listCylanceDevices(page: number, pageSize: number, signal?: AbortSignal) {
  return request(base, { schema: cylanceDevicePageSchema, query: { page, page_size: pageSize }, signal });
}

export function getCylanceDevice(id: string, signal?: AbortSignal) {
  return request(`${base}/${encodeURIComponent(id)}`, { schema: cylanceDeviceDetailSchema, signal });
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
