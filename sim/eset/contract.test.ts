import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  esetBatchGetSchema,
  esetDeviceGroupListSchema,
  esetDeviceListSchema,
  esetDeviceResponseSchema,
  esetErrorSchema,
  esetMemberDeviceListSchema,
} from '../../src/api/eset/schemas.ts';
import { createSimHandlers } from '../handlers.ts';
import { simMountsFor } from '../server.ts';
import { createSimTenant } from '../tenant.ts';
import { createEsetSpecValidator } from './openapi-validator.ts';

const validateSpec = createEsetSpecValidator();
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const unknownUuid = '00000000-0000-4000-8000-000000000000';

function setup(config = {}) {
  const tenant = createSimTenant({
    config: { esetDevices: 1_200, cylanceDevices: 100, prismaVerdicts: 100, ...config },
  });
  const mounts = simMountsFor('http://sim.test');
  const handlers = createSimHandlers(tenant, { mounts, requireAuth: false });
  const call = async (path: string, headers: Record<string, string> = {}) => {
    const response = await getResponse(
      handlers,
      new Request(`${mounts.esetDeviceManagement}${path}`, { headers }),
    );
    if (!response) throw new Error(`no handler for ${path}`);
    const text = await response.text();
    // Every ESET response carries a request-id (api-contracts.md §2; the spec's header is `format: uuid`).
    expect(response.headers.get('request-id')).toMatch(uuidPattern);
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
  };
  return { tenant, call };
}

function expectRpcStatus(body: unknown, code: number) {
  expect(validateSpec('rpcStatus', body)).toEqual([]);
  expect(esetErrorSchema.parse(body).code).toBe(code);
}

describe('ESET simulator against the client schemas and the OpenAPI spec', () => {
  it('the spec validator rejects wrong shapes and accepts int64 as digits or numbers only', () => {
    expect(validateSpec('v1ListDevicesResponse', { devices: [{ uuid: 5 }] })).not.toEqual([]);
    expect(validateSpec('v1Device', { functionalityProblemCount: 'three' })).not.toEqual([]);
    expect(
      validateSpec('v1Device', { functionalityProblemCount: '3', operatingSystem: { familyId: 1 } }),
    ).toEqual([]);
    expect(validateSpec('v1Device', { functionalityStatus: 'BROKEN' })).not.toEqual([]);
  });

  it('lists devices with AIP-158 paging: default 50, above 1000 silently 1000, empty token on the last page', async () => {
    const { call, tenant } = setup();
    const first = await call('/v1/devices');
    expect(first.status).toBe(200);
    expect(validateSpec('v1ListDevicesResponse', first.body)).toEqual([]);
    expect(esetDeviceListSchema.parse(first.body).devices).toHaveLength(50);

    const big = await call('/v1/devices?pageSize=5000');
    const bigPage = esetDeviceListSchema.parse(big.body);
    expect(bigPage.devices).toHaveLength(1000);
    const rest = await call(`/v1/devices?pageSize=5000&pageToken=${bigPage.nextPageToken}`);
    expect(validateSpec('v1ListDevicesResponse', rest.body)).toEqual([]);
    expect((rest.body as { nextPageToken: string }).nextPageToken).toBe('');
    const restPage = esetDeviceListSchema.parse(rest.body);
    expect(bigPage.devices.length + restPage.devices.length).toBe(tenant.world.esetMachines.length);
    expect(restPage.nextPageToken).toBeUndefined();
  });

  it('writes int64 values as strings for some devices and numbers for others; both parse to numbers', async () => {
    const { call } = setup();
    const raw = (await call('/v1/devices?pageSize=10')).body as {
      devices: { functionalityProblemCount: unknown; operatingSystem: { version: { id: unknown } } }[];
    };
    const kinds = new Set(raw.devices.map((device) => typeof device.functionalityProblemCount));
    expect(kinds).toEqual(new Set(['string', 'number']));
    const versionIds = new Set(raw.devices.map((device) => typeof device.operatingSystem.version.id));
    expect(versionIds).toEqual(new Set(['string', 'number']));
    const parsed = esetDeviceListSchema.parse(raw);
    for (const device of parsed.devices) {
      expect(typeof device.functionalityProblemCount).toBe('number');
      expect(typeof device.operatingSystem?.familyId).toBe('number');
      // uint64 version ids stay text on the client (they may exceed 2^53).
      expect(device.operatingSystem?.version?.id).toMatch(/^\d+$/);
    }
  });

  it('filters by exact repeated displayNames, functionalityStatus and isMuted', async () => {
    const { call, tenant } = setup();
    const [a, b] = tenant.esetDevices.devices();
    const named = esetDeviceListSchema.parse(
      (await call(`/v1/devices?displayNames=${a!.displayName}&displayNames=${b!.displayName}`)).body,
    );
    expect(named.devices.map((device) => device.uuid).sort()).toEqual([a!.uuid, b!.uuid].sort());
    const partial = esetDeviceListSchema.parse(
      (await call(`/v1/devices?displayNames=${a!.displayName.slice(0, 4)}`)).body,
    );
    expect(partial.devices).toEqual([]);

    const required = esetDeviceListSchema.parse(
      (
        await call(
          '/v1/devices?pageSize=1000&functionalityStatus=DEVICE_FUNCTIONALITY_STATUS_ATTENTION_REQUIRED',
        )
      ).body,
    );
    expect(required.devices.length).toBeGreaterThan(0);
    expect(new Set(required.devices.map((device) => device.functionalityStatus))).toEqual(
      new Set(['DEVICE_FUNCTIONALITY_STATUS_ATTENTION_REQUIRED']),
    );
    const muted = esetDeviceListSchema.parse((await call('/v1/devices?pageSize=1000&isMuted=true')).body);
    expect(muted.devices.length).toBeGreaterThan(0);
    expect(muted.devices.every((device) => device.isMuted)).toBe(true);
  });

  it('answers one device as {device} and an unknown one with a google.rpc.Status 404', async () => {
    const { call, tenant } = setup();
    const machine = tenant.world.esetMachines[3]!;
    const one = await call(`/v1/devices/${machine.esetUuid}`);
    expect(validateSpec('v1GetDeviceResponse', one.body)).toEqual([]);
    const { device } = esetDeviceResponseSchema.parse(one.body);
    expect(device.displayName).toBe(machine.esetDisplayName);
    expect(device.primaryLocalIpAddress).toBe(machine.ip);
    // ESET spelling of the MAC (api-contracts.md §4).
    expect(device.hardwareProfiles?.[0]?.networkAdapters?.[0]?.macAddress).toBe(
      machine.mac.match(/../g)!.join(':'),
    );

    const missing = await call(`/v1/devices/${unknownUuid}`);
    expect(missing.status).toBe(404);
    expectRpcStatus(missing.body, 5);
  });

  it('batchGet is atomic: all devices, 400 for an empty list, 404 and nothing for one unknown UUID', async () => {
    const { call, tenant } = setup();
    const [a, b] = tenant.world.esetMachines;
    const both = await call(`/v1/devices:batchGet?devicesUuids=${a!.esetUuid}&devicesUuids=${b!.esetUuid}`);
    expect(both.status).toBe(200);
    expect(validateSpec('v1BatchGetDevicesResponse', both.body)).toEqual([]);
    expect(esetBatchGetSchema.parse(both.body).devices.map((device) => device.uuid)).toEqual([
      a!.esetUuid,
      b!.esetUuid,
    ]);

    const empty = await call('/v1/devices:batchGet');
    expect(empty.status).toBe(400);
    expectRpcStatus(empty.body, 3);

    const mixed = await call(`/v1/devices:batchGet?devicesUuids=${a!.esetUuid}&devicesUuids=${unknownUuid}`);
    expect(mixed.status).toBe(404);
    expectRpcStatus(mixed.body, 5);
    expect(mixed.body).not.toHaveProperty('devices');
  });

  it('lists device groups as a tree and their members, recursively on request', async () => {
    const { call, tenant } = setup();
    const groupsResponse = await call('/v1/device_groups');
    expect(validateSpec('v1ListGroupsResponse', groupsResponse.body)).toEqual([]);
    const { deviceGroups } = esetDeviceGroupListSchema.parse(groupsResponse.body);
    expect(deviceGroups).toHaveLength(tenant.config.esetGroups);
    const uuids = new Set(deviceGroups.map((group) => group.uuid));
    const roots = deviceGroups.filter((group) => !group.parentGroupUuid);
    expect(roots).toHaveLength(1);
    expect(deviceGroups.every((group) => !group.parentGroupUuid || uuids.has(group.parentGroupUuid))).toBe(
      true,
    );

    const root = roots[0]!;
    const direct = await call(`/v1/device_groups/${root.uuid}/devices`);
    expect(validateSpec('v1ListMemberDevicesResponse', direct.body)).toEqual([]);
    const all = await call(`/v1/device_groups/${root.uuid}/devices?recurseSubgroups=true&pageSize=1000`);
    expect(validateSpec('v1ListMemberDevicesResponse', all.body)).toEqual([]);
    const members = esetMemberDeviceListSchema.parse(all.body);
    expect(members.totalSize).toBe(tenant.world.esetMachines.length);
    expect(members.devices).toHaveLength(1000);
    expect(members.nextPageToken).toBeTruthy();
    expect(esetMemberDeviceListSchema.parse(direct.body).totalSize).toBeLessThan(members.totalSize ?? 0);

    expect((await call(`/v1/device_groups/${unknownUuid}/devices`)).status).toBe(404);
  });

  it('answers a slow request with 202 + response-id, then 200 once, then 404 (spent)', async () => {
    const { call, tenant } = setup();
    const uuids = tenant.world.esetMachines.slice(0, 60).map((machine) => `devicesUuids=${machine.esetUuid}`);
    const path = `/v1/devices:batchGet?${uuids.join('&')}`;
    const accepted = await call(path);
    expect(accepted.status).toBe(202);
    const responseId = accepted.headers.get('response-id')!;
    expect(responseId).toMatch(uuidPattern);
    expect((await call(path, { 'response-id': responseId })).status).toBe(202);
    tenant.clock.advance(tenant.esetDevices.slowAnswers.readyAfterMs);
    const ready = await call(path, { 'response-id': responseId });
    expect(ready.status).toBe(200);
    expect(validateSpec('v1BatchGetDevicesResponse', ready.body)).toEqual([]);
    expect(esetBatchGetSchema.parse(ready.body).devices).toHaveLength(60);
    expect((await call(path, { 'response-id': responseId })).status).toBe(404);
  });

  it('ends a replay with 504 after 120 s and drops an unclaimed answer after 10 min', async () => {
    const { call, tenant } = setup();
    tenant.esetDevices.slowAnswers.all = true;
    tenant.esetDevices.slowAnswers.readyAfterMs = 200_000;
    const slow = await call('/v1/device_groups');
    tenant.clock.advance(120_000);
    const timedOut = await call('/v1/device_groups', { 'response-id': slow.headers.get('response-id')! });
    expect(timedOut.status).toBe(504);
    expectRpcStatus(timedOut.body, 4);

    tenant.esetDevices.slowAnswers.readyAfterMs = 1_000;
    const later = await call('/v1/device_groups');
    tenant.clock.advance(11 * 60_000);
    expect(
      (await call('/v1/device_groups', { 'response-id': later.headers.get('response-id')! })).status,
    ).toBe(404);
  });

  it('refuses the 11th call within one second with 429 "Rate limit reached"', async () => {
    const { call, tenant } = setup();
    tenant.esetDevices.rateLimit.enabled = true;
    for (let i = 0; i < 10; i++) expect((await call('/v1/device_groups')).status).toBe(200);
    const limited = await call('/v1/device_groups');
    expect(limited.status).toBe(429);
    expect(esetErrorSchema.parse(limited.body).message).toBe('Rate limit reached');
    tenant.clock.advance(1_000);
    expect((await call('/v1/device_groups')).status).toBe(200);
  });

  it('serves a 20 000-device tenant: the first 1000-device page comes back quickly', async () => {
    const { call } = setup({ esetDevices: 20_000, cylanceDevices: 20_000 });
    const started = performance.now();
    const page = esetDeviceListSchema.parse((await call('/v1/devices?pageSize=1000')).body);
    expect(page.devices).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
