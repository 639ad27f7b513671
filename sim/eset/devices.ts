import { type HttpHandler, http } from 'msw';
import type { SimContext } from '../context.ts';
import type { SimTenant } from '../tenant.ts';
import {
  type EsetWireDevice,
  type EsetWireGroup,
  generateEsetDevice,
  generateEsetGroups,
} from './generate.ts';
import {
  type EsetRateLimit,
  type EsetSlowAnswers,
  esetJson,
  invalidArgument,
  notFound,
  overRateLimit,
  readBoolean,
  readPageSize,
  readPageToken,
  slicePage,
  withSlowAnswers,
} from './protocol.ts';

/**
 * ESET Device Management (api-contracts.md §2, seed 003): one device per `world.esetMachines` machine, in
 * `config.esetGroups` groups. Devices are generated on first use so a large tenant starts fast.
 */
export function createEsetDevices(context: SimContext) {
  const random = context.random.fork('eset-devices');
  const groups = generateEsetGroups(context.config.esetGroups, random.fork('groups'));
  const createdAt = context.clock.now();
  let devices: EsetWireDevice[] | undefined;
  let byUuid: Map<string, EsetWireDevice> | undefined;
  const all = () => {
    if (!devices) {
      const deviceRandom = random.fork('devices');
      devices = context.world.esetMachines.map((machine) =>
        generateEsetDevice(machine, groups, deviceRandom, createdAt),
      );
      byUuid = new Map(devices.map((device) => [device.uuid, device]));
    }
    return { devices, byUuid: byUuid as Map<string, EsetWireDevice> };
  };
  const rateLimit: EsetRateLimit = { enabled: !context.clock.manual, perSecond: 10, accepted: [] };
  const slowAnswers: EsetSlowAnswers = {
    all: false,
    batchThreshold: 50,
    readyAfterMs: 5_000,
    pending: new Map(),
  };
  return {
    groups,
    devices: () => all().devices,
    device: (uuid: string) => all().byUuid.get(uuid),
    rateLimit,
    slowAnswers,
  };
}

// The spec's `format: uuid`; ESET also accepts upper case.
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function descendants(groups: readonly EsetWireGroup[], rootUuid: string): Set<string> {
  const found = new Set([rootUuid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const group of groups) {
      if (group.parentGroupUuid && found.has(group.parentGroupUuid) && !found.has(group.uuid)) {
        found.add(group.uuid);
        grew = true;
      }
    }
  }
  return found;
}

export function esetDeviceHandlers(tenant: SimTenant, base: string): HttpHandler[] {
  const state = tenant.esetDevices;
  // Regex routes: msw would read the `:` in `devices:batchGet` as a path parameter.
  const route = (suffix: string) => new RegExp(`^${escapeRegExp(base)}${suffix}$`);
  const guarded =
    (resolve: (request: Request, match: string | undefined) => Response, isSlow?: (url: URL) => boolean) =>
    ({
      request,
      params,
    }: {
      request: Request;
      params: Record<string, string | readonly string[] | undefined>;
    }) => {
      const limited = overRateLimit(state.rateLimit, tenant.clock);
      if (limited) return limited;
      const match = typeof params[0] === 'string' ? decodeURIComponent(params[0]) : undefined;
      const slow = isSlow?.(new URL(request.url)) ?? false;
      return withSlowAnswers(state.slowAnswers, tenant.clock, request, slow, () => resolve(request, match));
    };

  return [
    http.get(
      route('/v1/devices'),
      guarded((request) => {
        const url = new URL(request.url);
        const size = readPageSize(url);
        if (size instanceof Response) return size;
        const offset = readPageToken(url, 'devices');
        if (offset instanceof Response) return offset;
        const muted = readBoolean(url, 'isMuted');
        if (muted instanceof Response) return muted;
        const names = url.searchParams.getAll('displayNames').filter(Boolean);
        const status = url.searchParams.get('functionalityStatus');
        const filtered = state
          .devices()
          .filter(
            (device) =>
              (names.length === 0 || names.includes(device.displayName)) &&
              (!status ||
                status === 'DEVICE_FUNCTIONALITY_STATUS_UNSPECIFIED' ||
                device.functionalityStatus === status) &&
              (muted === undefined || device.isMuted === muted),
          );
        const { page, nextPageToken } = slicePage(filtered, offset, size, 'devices');
        return esetJson({ devices: page, nextPageToken });
      }),
    ),
    http.get(
      route('/v1/devices:batchGet'),
      guarded(
        (request) => {
          const uuids = new URL(request.url).searchParams.getAll('devicesUuids').filter(Boolean);
          if (uuids.length === 0) return invalidArgument('devicesUuids must not be empty');
          const malformed = uuids.find((uuid) => !uuidPattern.test(uuid));
          if (malformed) return invalidArgument(`invalid device UUID: ${malformed}`);
          const found = uuids.map((uuid) => state.device(uuid.toLowerCase()));
          // Atomic (seed 003): one unknown UUID fails the whole batch and nothing is returned.
          if (found.some((device) => device === undefined))
            return notFound('One or more devices were not found');
          return esetJson({ devices: found });
        },
        (url) => url.searchParams.getAll('devicesUuids').length > state.slowAnswers.batchThreshold,
      ),
    ),
    http.get(
      route('/v1/devices/([^/:]+)'),
      guarded((_request, uuid) => {
        if (!uuid || !uuidPattern.test(uuid)) return invalidArgument(`invalid device UUID: ${uuid ?? ''}`);
        const device = state.device(uuid.toLowerCase());
        return device ? esetJson({ device }) : notFound(`Device ${uuid} not found`);
      }),
    ),
    http.get(
      route('/v1/device_groups'),
      guarded((request) => {
        const url = new URL(request.url);
        const size = readPageSize(url);
        if (size instanceof Response) return size;
        const offset = readPageToken(url, 'groups');
        if (offset instanceof Response) return offset;
        const { page, nextPageToken } = slicePage(state.groups, offset, size, 'groups');
        return esetJson({ deviceGroups: page, nextPageToken });
      }),
    ),
    http.get(
      route('/v1/device_groups/([^/:]+)/devices'),
      guarded((request, groupUuid) => {
        const url = new URL(request.url);
        if (!groupUuid || !state.groups.some((group) => group.uuid === groupUuid)) {
          return notFound(`Device group ${groupUuid ?? ''} not found`);
        }
        const size = readPageSize(url);
        if (size instanceof Response) return size;
        const recurse = readBoolean(url, 'recurseSubgroups');
        if (recurse instanceof Response) return recurse;
        const offset = readPageToken(url, `members.${groupUuid}.${recurse ? 'r' : 'd'}`);
        if (offset instanceof Response) return offset;
        const inScope = recurse ? descendants(state.groups, groupUuid) : new Set([groupUuid]);
        const members = state
          .devices()
          .filter((device) => inScope.has(device.parentGroupUuid))
          .map((device) => ({
            uuid: device.uuid,
            displayName: device.displayName,
            groupUuid: device.parentGroupUuid,
          }));
        const { page, nextPageToken } = slicePage(
          members,
          offset,
          size,
          `members.${groupUuid}.${recurse ? 'r' : 'd'}`,
        );
        // int64 `totalSize`: text on odd totals, a number on even ones (proto3 JSON writes it either way).
        const totalSize = members.length % 2 === 1 ? String(members.length) : members.length;
        return esetJson({ devices: page, nextPageToken, totalSize });
      }),
    ),
  ];
}
