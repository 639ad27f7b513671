import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { cylanceDeviceQueries } from '../../api/cylance/devices.ts';
import { normalizeOpticsDeviceId } from '../../lib/device-id.ts';
import type { FocusLookup, FocusLookupRow } from '../../tracking/focus-lookups.ts';

/**
 * "Hostname where known" (issue #3): pairs that came from the focus-view list or a CSV carry their hostname;
 * the others are named from the tenant's Cylance inventory (`GET /devices/v2`, 200 a page, read once, cached
 * and shared with the devices views), so sorting, the text filter and the CSV see the same names as the
 * screen. Device ids come back hyphenated and lowercase and are matched in the Optics form
 * (api-contracts.md §1 "Device IDs"). A device the inventory does not know simply stays without a name.
 *
 * The read waits for the statuses: its pages and the lookup's searches share the gateway's Cylance limiter,
 * and a 20 000-device tenant is 100 pages, which would interleave with the searches and hold back the
 * statuses the analyst came for. Names fill in once the statuses are there.
 */
export function useRowHostnames(lookup: FocusLookup): readonly FocusLookupRow[] {
  const { rows, run } = lookup;
  const needed = useMemo(() => rows.some((row) => !row.hostname), [rows]);
  const statusesDue = useMemo(
    () =>
      run.running ||
      // Before the run starts (it starts after the first render), unless the analyst cancelled it.
      (!run.cancelled && rows.some((row) => row.answeredAt === 0 && row.error === undefined)),
    [rows, run.running, run.cancelled],
  );
  const inventory = useQuery({ ...cylanceDeviceQueries.inventory(), enabled: needed && !statusesDue });
  const names = useMemo(() => {
    const byOpticsId = new Map<string, string>();
    for (const device of inventory.data ?? []) {
      const id = normalizeOpticsDeviceId(device.id);
      if (id.ok) byOpticsId.set(id.value, device.name);
    }
    return byOpticsId;
  }, [inventory.data]);
  return useMemo(() => {
    if (names.size === 0) return rows;
    return rows.map((row) => {
      const name = row.hostname ? undefined : names.get(row.device_id);
      return name ? { ...row, hostname: name } : row;
    });
  }, [rows, names]);
}
