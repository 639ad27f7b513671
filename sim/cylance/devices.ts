import { type HttpHandler, HttpResponse, http } from 'msw';
import type { CylanceDeviceDetail } from '../../src/api/cylance/schemas.ts';
import { naiveUtc, type SimContext } from '../context.ts';
import type { Random } from '../random.ts';
import type { SimTenant } from '../tenant.ts';
import { type Machine, macSpelling } from '../world.ts';
import { cylanceError, pageEnvelope, readPageQuery, toOpticsId } from './common.ts';

/**
 * Cylance devices (api-contracts.md §1 "Devices"): one per world machine that runs the agent, with the
 * device API's own conventions — lowercase hyphenated UUIDs, `06-F8-13-8B-16-C9` MACs, naive UTC times.
 */
export type SimCylanceDevice = CylanceDeviceDetail & { id: string; name: string };

export interface CylanceDeviceState {
  list: SimCylanceDevice[];
  /** Keyed by the device API's lowercase UUID. */
  byId: Map<string, SimCylanceDevice>;
  /** Keyed by the Optics form (uppercase, no hyphens) that focus views and device commands use. */
  byOpticsId: Map<string, SimCylanceDevice>;
}

/**
 * The newest device page allows page_size up to 10 000, older pages say 200 [?] (api-contracts.md §1):
 * the simulator accepts the larger limit so a client written for either reading works.
 */
export const cylanceDeviceMaxPageSize = 10_000;

const dayMs = 86_400_000;
// `state` casing varies in the wild (`Online`, `OnLine`, `OffLine`) [seen]; the console must accept all.
const onlineSpellings = ['Online', 'OnLine'] as const;
const offlineSpellings = ['Offline', 'OffLine'] as const;
const agentVersions = ['3.1.1001.61', '3.0.1000.511', '2.1.1590.58', '2.0.1440'];
const opticsVersions = ['3.2.1188', '3.1.1151', '2.5.2200'];
const policies = [
  { id: null, name: 'Default' },
  { id: '8c5e0b3a-2f4d-4c51-9a8e-2d7f1e6b9c10', name: 'Workstations - Auto Quarantine' },
  { id: '1f9a7c42-6b3e-4d8a-b2c5-7e0d4f8a3b21', name: 'Servers - Alert Only' },
  { id: '5d2e8f61-9c4a-4b7e-8f13-0a6c2b9d7e45', name: 'Lab - Audit' },
];
const users = ['jdoe', 'asmith', 'mgarcia', 'lchen', 'administrator', 'svc_backup'];

function kernelVersion(machine: Machine, random: Random): string | null {
  if (machine.os.family === 'Linux') return `5.15.0-${random.int(60, 120)}-generic`;
  if (machine.os.family === 'macOS') return `23.${random.int(0, 6)}.0`;
  // The documented list item has `os_kernel_version: null` for a Windows host.
  return null;
}

function deviceFor(machine: Machine, context: SimContext, random: Random): SimCylanceDevice {
  const now = context.clock.now();
  const online = random.chance(0.75);
  const registered = now - random.int(30, 900) * dayMs - random.int(0, dayMs);
  const agentVersion = random.pick(agentVersions);
  const withOptics = random.chance(0.85);
  const state = online ? random.pick(onlineSpellings) : random.pick(offlineSpellings);
  return {
    id: machine.cylanceId as string,
    name: machine.hostname,
    host_name: machine.hostname.toLowerCase(),
    state,
    agent_version: agentVersion,
    date_first_registered: naiveUtc(registered),
    date_offline: online ? null : naiveUtc(now - random.int(10, 20 * 24 * 60) * 60_000),
    ip_addresses: [machine.ip],
    mac_addresses: [macSpelling.cylance(machine.mac)],
    policy: random.pick(policies),
    products: [
      { name: 'protect', version: agentVersion, status: state },
      ...(withOptics ? [{ name: 'optics', version: random.pick(opticsVersions), status: state }] : []),
    ],
    os_kernel_version: kernelVersion(machine, random),
    os_version: machine.os.name,
    last_logged_in_user: machine.kind === 'server' ? 'administrator' : random.pick(users),
    update_available: random.chance(0.2),
    background_detection: random.chance(0.5),
    is_safe: random.chance(0.9),
  };
}

export function createCylanceDevices(context: SimContext): CylanceDeviceState {
  const random = context.random.fork('cylance-devices');
  const list = context.world.cylanceMachines.map((machine) => deviceFor(machine, context, random));
  return {
    list,
    byId: new Map(list.map((device) => [device.id, device])),
    byOpticsId: new Map(list.map((device) => [toOpticsId(device.id), device])),
  };
}

/** For other vendor modules: the device an Optics id (`45E07F34…`, uppercase, no hyphens) belongs to. */
export function findCylanceDeviceByOpticsId(
  tenant: Pick<SimTenant, 'cylanceDevices'>,
  opticsId: string,
): SimCylanceDevice | undefined {
  return tenant.cylanceDevices.byOpticsId.get(opticsId);
}

/** The list item carries fewer fields than `GET /devices/v2/{id}` (api-contracts.md §1 list item). */
function listItem(device: SimCylanceDevice) {
  const {
    host_name: _host,
    os_version: _os,
    last_logged_in_user: _user,
    update_available: _update,
    background_detection: _background,
    is_safe: _safe,
    ...item
  } = device;
  return item;
}

export function cylanceDeviceHandlers(tenant: SimTenant, base: string): HttpHandler[] {
  const devices = () => tenant.cylanceDevices;
  return [
    http.get(`${base}/devices/v2`, ({ request }) => {
      const query = readPageQuery(new URL(request.url), cylanceDeviceMaxPageSize);
      if (query instanceof Response) return query;
      return HttpResponse.json(pageEnvelope(devices().list.map(listItem), query));
    }),
    http.get(`${base}/devices/v2/hostname/:name`, ({ params }) => {
      const name = String(params.name).toLowerCase();
      return HttpResponse.json(
        devices()
          .list.filter((device) => device.name.toLowerCase() === name)
          .map(listItem),
      );
    }),
    http.get(`${base}/devices/v2/macaddress/:mac`, ({ params }) => {
      // The documented spelling is `28-F1-0E-45-AB-54`; other separators find nothing, as at the vendor.
      const mac = String(params.mac).toUpperCase();
      return HttpResponse.json(
        devices()
          .list.filter((device) => device.mac_addresses?.includes(mac))
          .map(listItem),
      );
    }),
    http.get(`${base}/devices/v2/:id`, ({ params }) => {
      // Only the device API's lowercase hyphenated UUID is a device id here (api-contracts.md §1 Conventions).
      const device = devices().byId.get(String(params.id));
      if (!device) return cylanceError(404, 'The device could not be found.');
      return HttpResponse.json(device);
    }),
  ];
}
