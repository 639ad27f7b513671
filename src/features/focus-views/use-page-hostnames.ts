import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { cylanceDeviceQueries } from '../../api/cylance/devices.ts';
import { toCylanceDeviceUuid } from '../../lib/device-id.ts';
import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';

/** Device names change rarely; one read per device per ten minutes is plenty. */
const hostnameStaleTimeMs = 10 * 60_000;

/**
 * "Hostname where known" (issue #3): pairs that came from the focus-view list or a CSV carry their hostname;
 * for the others, the devices on the page on screen are read from the device API (`GET /devices/v2/{id}`,
 * which wants the hyphenated lowercase form, api-contracts.md §1) — a page at a time, never the whole set.
 * An unknown device (404) simply stays without a name.
 */
export function usePageHostnames(rows: readonly FocusLookupRow[]): FocusLookupRow[] {
  const devices = useMemo(
    () => [...new Set(rows.filter((row) => !row.hostname).map((row) => row.device_id))],
    [rows],
  );
  const names = useQueries({
    queries: devices.map((device) => ({
      ...cylanceDeviceQueries.detail(toCylanceDeviceUuid(device)),
      staleTime: hostnameStaleTimeMs,
      retry: false,
    })),
    combine: (results) => results.map((result) => result.data?.name),
  });
  const byDevice = useMemo(
    () => new Map(devices.map((device, index) => [device, names[index]])),
    [devices, names],
  );
  return useMemo(
    () =>
      rows.map((row) => {
        const name = row.hostname ? undefined : byDevice.get(row.device_id);
        return name ? { ...row, hostname: name } : row;
      }),
    [rows, byDevice],
  );
}
