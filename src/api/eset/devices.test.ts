import { HttpResponse, http } from 'msw';
import { useSimServer } from '../../test/sim-server.ts';
import { simTiming } from '../../test/sim-timing.ts';
import {
  listEsetDevices,
  maxBatchUuids,
  maxSnapshotUuids,
  parseEsetUuids,
  snapshotEsetDevices,
} from './devices.ts';
import { esetPacer } from './replay.ts';

// More devices than one batch holds (maxBatchUuids).
const sim = useSimServer({ esetDevices: 250 });
const unknownUuid = '00000000-0000-4000-8000-000000000000';

beforeEach(() => {
  esetPacer.reset();
  esetPacer.timing = simTiming(sim);
});

describe('ESET snapshot (devices:batchGet) against the simulator', () => {
  it('returns every device of an atomic batch in one call', async () => {
    const uuids = sim.tenant.world.esetMachines.slice(0, 3).map((machine) => machine.esetUuid!);
    const snapshot = await snapshotEsetDevices(uuids);
    expect(snapshot).toMatchObject({ unknownUuids: [], partial: false });
    expect(snapshot.devices.map((device) => device.uuid)).toEqual(uuids);
    expect(sim.requests).toHaveLength(1);
  });

  it('when the batch 404s, names the unknown UUID by splitting it, then reads the rest in one batch', async () => {
    const known = sim.tenant.world.esetMachines.slice(0, 5).map((machine) => machine.esetUuid!);
    const snapshot = await snapshotEsetDevices([...known.slice(0, 2), unknownUuid, ...known.slice(2)]);
    expect(snapshot.unknownUuids).toEqual([unknownUuid]);
    expect(snapshot.partial).toBe(false);
    expect(snapshot.devices.map((device) => device.uuid)).toEqual(known);
    // The last call is one batch of every known device: the snapshot is one time point again.
    const last = new URL(sim.requests.at(-1)!.url);
    expect(last.pathname).toMatch(/devices:batchGet$/);
    expect(last.searchParams.getAll('devicesUuids')).toEqual(known);
  });

  it('finds one unknown UUID among 40 in far fewer calls than one per device', async () => {
    const known = sim.tenant.world.esetMachines.slice(0, 39).map((machine) => machine.esetUuid!);
    const snapshot = await snapshotEsetDevices([...known.slice(0, 30), unknownUuid, ...known.slice(30)]);
    expect(snapshot).toMatchObject({ unknownUuids: [unknownUuid], partial: false });
    expect(snapshot.devices).toHaveLength(39);
    // The failed batch, two halves per level down to the unknown UUID (⌈log2 40⌉ = 6 levels), the final batch.
    expect(sim.requests.length).toBeLessThanOrEqual(1 + 2 * 6 + 1);
    expect(sim.requests.every((request) => request.url.includes('devices:batchGet'))).toBe(true);
  });

  it('keeps the devices of the smaller batches, marked partial, when the final batch fails too', async () => {
    const known = sim.tenant.world.esetMachines.slice(0, 3).map((machine) => machine.esetUuid!);
    // A device that goes away after the split: the batch of exactly the known three answers 404.
    sim.server.use(
      http.get(/devices:batchGet$/, ({ request }) => {
        const asked = new URL(request.url).searchParams.getAll('devicesUuids');
        if (asked.join() !== known.join()) return undefined;
        return HttpResponse.json({ code: 5, message: 'not found' }, { status: 404 });
      }),
    );
    const snapshot = await snapshotEsetDevices([...known, unknownUuid]);
    expect(snapshot).toMatchObject({ unknownUuids: [unknownUuid], partial: true });
    expect(snapshot.devices.map((device) => device.uuid)).toEqual(known);
  });

  it('makes no second batch when ESET knows none of the UUIDs', async () => {
    const other = '00000000-0000-4000-8000-000000000001';
    const snapshot = await snapshotEsetDevices([unknownUuid, other]);
    expect(snapshot).toEqual({ devices: [], unknownUuids: [unknownUuid, other], partial: false, batches: 1 });
    // The pair, then each alone.
    expect(sim.requests).toHaveLength(3);
  });

  it('splits a snapshot of more than 100 devices into batches of 100 (the UUIDs travel in the URL)', async () => {
    const uuids = sim.tenant.world.esetMachines.slice(0, 230).map((machine) => machine.esetUuid!);
    const snapshot = await snapshotEsetDevices(uuids);
    expect(snapshot).toMatchObject({ unknownUuids: [], partial: false, batches: 3 });
    expect(snapshot.devices.map((device) => device.uuid)).toEqual(uuids);
    // Three distinct batches (ESET may answer 202 and have one sent again with its response-id).
    const batches = [...new Set(sim.requests.map((request) => request.url))].map((url) =>
      new URL(url).searchParams.getAll('devicesUuids'),
    );
    expect(batches.map((batch) => batch.length)).toEqual([maxBatchUuids, maxBatchUuids, 30]);
    expect(batches.flat()).toEqual(uuids);
  });

  it('makes no call for an empty list', async () => {
    await expect(snapshotEsetDevices([])).rejects.toThrow('at least one');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('parseEsetUuids', () => {
  it('keeps the first 1 000 UUIDs of a snapshot and says how many more it left out', () => {
    const uuids = Array.from(
      { length: maxSnapshotUuids + 2 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const parsed = parseEsetUuids(uuids.join(','));
    expect(parsed.uuids).toEqual(uuids.slice(0, maxSnapshotUuids));
    expect(parsed.errors).toEqual([
      {
        input: `2 more UUIDs (from ${uuids[maxSnapshotUuids]})`,
        reason: 'at most 1,000 devices per snapshot; the first 1,000 are read',
      },
    ]);
  });

  it('lowercases, de-duplicates and rejects malformed ids with a reason', () => {
    expect(
      parseEsetUuids(`{5049C326-C623-43B3-B89C-38AB03A467BB}, 5049c326-c623-43b3-b89c-38ab03a467bb nope`),
    ).toEqual({
      uuids: ['5049c326-c623-43b3-b89c-38ab03a467bb'],
      errors: [{ input: 'nope', reason: 'not a device UUID (8-4-4-4-12 hex digits)' }],
    });
  });
});

it('lists devices with filters and follows the page token', async () => {
  const first = await listEsetDevices({ isMuted: false }, { pageSize: 20 });
  expect(first.devices).toHaveLength(20);
  expect(first.devices.every((device) => device.isMuted === false)).toBe(true);
  const second = await listEsetDevices({ isMuted: false }, { pageSize: 20, pageToken: first.nextPageToken });
  expect(second.devices[0]?.uuid).not.toBe(first.devices[0]?.uuid);
  expect(new URL(sim.requests[1]!.url).searchParams.get('pageToken')).toBe(first.nextPageToken);
});
