import { describe, expect, it } from 'vitest';
import { toOpticsId } from '../../../sim/cylance/common.ts';
import { findCylanceDeviceByOpticsId } from '../../../sim/cylance/devices.ts';
import { httpRejection } from '../../test/http-rejection.ts';
import { useSimServer } from '../../test/sim-server.ts';
import {
  findCylanceDevicesByHostname,
  findCylanceDevicesByMac,
  getCylanceDevice,
  listCylanceDevices,
} from './devices.ts';

const sim = useSimServer({ cylanceDevices: 60 });

describe('Cylance devices against the simulator (api-contracts.md §1 Devices)', () => {
  it('pages the device list in the vendor envelope, parsed by the client schema', async () => {
    const page = await listCylanceDevices(2, 25);
    expect(page).toMatchObject({
      page_number: 2,
      page_size: 25,
      total_pages: 3,
      total_number_of_items: 60,
    });
    expect(page.page_items).toHaveLength(25);
    const [first] = page.page_items;
    expect(first?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(first?.mac_addresses?.[0]).toMatch(/^([0-9A-F]{2}-){5}[0-9A-F]{2}$/);
    expect(first?.date_first_registered).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('uses every real-world spelling of the state', async () => {
    const page = await listCylanceDevices(1, 10_000);
    expect(page.page_items).toHaveLength(60);
    expect(new Set(page.page_items.map((device) => device.state))).toEqual(
      new Set(['Online', 'OnLine', 'Offline', 'OffLine']),
    );
  });

  it('rejects an unsupported page size with the vendor message', async () => {
    for (const size of [0, 10_001]) {
      const error = await httpRejection(listCylanceDevices(1, size));
      expect(error.status).toBe(400);
      expect(error.message).toBe('The page size requested is not supported.');
    }
  });

  it('returns one device by its lowercase UUID and 404 for an unknown or Optics-form id', async () => {
    const known = sim.tenant.cylanceDevices.list[3]!;
    const device = await getCylanceDevice(known.id);
    expect(device).toMatchObject({ id: known.id, name: known.name, os_version: known.os_version });

    const unknown = await httpRejection(getCylanceDevice('00000000-0000-4000-8000-000000000000'));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toMatch(/could not be found/);
    expect((await httpRejection(getCylanceDevice(toOpticsId(known.id)))).status).toBe(404);
  });

  it('finds devices by hostname case-insensitively and by MAC in the vendor spelling', async () => {
    const known = sim.tenant.cylanceDevices.list[7]!;
    const byName = await findCylanceDevicesByHostname(known.name.toLowerCase());
    expect(byName.map((device) => device.id)).toEqual([known.id]);
    expect(await findCylanceDevicesByHostname('NO-SUCH-HOST')).toEqual([]);

    const mac = known.mac_addresses![0]!;
    const byMac = await findCylanceDevicesByMac(mac);
    expect(byMac.map((device) => device.id)).toEqual([known.id]);
  });

  it('lets other simulator modules find a device by its Optics id', () => {
    const known = sim.tenant.cylanceDevices.list[5]!;
    expect(findCylanceDeviceByOpticsId(sim.tenant, toOpticsId(known.id))?.name).toBe(known.name);
    expect(findCylanceDeviceByOpticsId(sim.tenant, known.id)).toBeUndefined();
  });
});
