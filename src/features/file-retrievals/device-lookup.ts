import type { QueryClient } from '@tanstack/react-query';
import { cylanceDeviceQueries } from '../../api/cylance/devices.ts';
import type { CylanceDevice } from '../../api/cylance/schemas.ts';
import { HttpError } from '../../api/http.ts';
import { normalizeOpticsDeviceId, toCylanceDeviceUuid } from '../../lib/device-id.ts';

/**
 * Finds the Cylance device an analyst means: a pasted id in either form (api-contracts.md §1 "Device IDs")
 * is looked up by id, anything else by hostname (`GET /devices/v2/hostname/{name}`, exact). An unknown device
 * is reported before any file request is sent.
 */
export interface PickedDevice {
  /** The Optics form the device commands need. */
  opticsId: string;
  name: string;
  state?: string | null;
}

export type DeviceQuery = { kind: 'id'; uuid: string; opticsId: string } | { kind: 'hostname'; name: string };

export function classifyDeviceInput(input: string): DeviceQuery | null {
  const text = input.trim();
  if (text === '') return null;
  const id = normalizeOpticsDeviceId(text);
  if (id.ok) return { kind: 'id', uuid: toCylanceDeviceUuid(id.value), opticsId: id.value };
  return { kind: 'hostname', name: text };
}

export function toPickedDevice(device: CylanceDevice): PickedDevice {
  const id = normalizeOpticsDeviceId(device.id);
  return { opticsId: id.ok ? id.value : device.id, name: device.name, state: device.state };
}

/** Resolves one line of input to exactly one device, or says why not. */
export async function resolveDevice(
  queryClient: QueryClient,
  input: string,
): Promise<{ ok: true; device: PickedDevice } | { ok: false; reason: string }> {
  const query = classifyDeviceInput(input);
  if (!query) return { ok: false, reason: 'Empty line' };
  try {
    if (query.kind === 'id') {
      const device = await queryClient.fetchQuery(cylanceDeviceQueries.detail(query.uuid));
      return { ok: true, device: { ...toPickedDevice(device), opticsId: query.opticsId } };
    }
    const devices = await queryClient.fetchQuery(cylanceDeviceQueries.byHostname(query.name));
    if (devices.length === 0) return { ok: false, reason: `No Cylance device is named ${query.name}` };
    if (devices.length > 1)
      return { ok: false, reason: `${devices.length} devices are named ${query.name}: paste the device id` };
    return { ok: true, device: toPickedDevice(devices[0]!) };
  } catch (error) {
    if (error instanceof HttpError && error.status === 404)
      return { ok: false, reason: `No Cylance device matches ${input.trim()}` };
    throw error;
  }
}
