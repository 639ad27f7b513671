import { useSimServer } from '../../test/sim-server.ts';
import { simTiming } from '../../test/sim-timing.ts';
import { listAllEsetDeviceGroups } from './device-groups.ts';
import { batchGetEsetDevices } from './devices.ts';
import { type EsetPreparing, EsetPreparingTimeout, esetPacer, esetPreparingStore } from './replay.ts';

const sim = useSimServer();

beforeEach(() => {
  esetPacer.reset();
  esetPacer.timing = simTiming(sim);
});

const responseIdsSent = () =>
  sim.requests.map((request) => request.headers.get('response-id')).filter((id): id is string => id !== null);

describe('ESET 202 + response-id replay against the simulator', () => {
  it('re-sends the identical request with response-id until 200, exposing the preparing state', async () => {
    // The demo rule: a batch above the threshold (50 by default) is slow.
    sim.tenant.esetDevices.slowAnswers.batchThreshold = 10;
    const uuids = sim.tenant.world.esetMachines.slice(0, 11).map((machine) => machine.esetUuid!);
    const states: EsetPreparing[] = [];
    const seenInStore: number[] = [];
    const unsubscribe = esetPreparingStore.subscribe(() =>
      seenInStore.push(esetPreparingStore.getSnapshot().length),
    );
    const devices = await batchGetEsetDevices(uuids, undefined, {
      onPreparing: (state) => states.push(state),
    });
    unsubscribe();

    expect(devices).toHaveLength(11);
    // Ready after 5 s of simulator time at a 2 s replay interval: 202, 202, 202, then 200.
    expect(states.map((state) => state.attempts)).toEqual([1, 2, 3]);
    const urls = new Set(sim.requests.map((request) => request.url));
    expect(urls.size).toBe(1);
    expect(new Set(responseIdsSent())).toEqual(new Set([states[0]!.responseId]));
    expect(seenInStore.at(-1)).toBe(0);
    expect(esetPreparingStore.getSnapshot()).toEqual([]);
  });

  it('starts over once when the id is spent or dropped (404) and then completes', async () => {
    sim.tenant.esetDevices.slowAnswers.all = true;
    // Every call slow: the group list still arrives through the replay.
    expect(await listAllEsetDeviceGroups()).toHaveLength(sim.tenant.config.esetGroups);

    // Now the pending answer is dropped once mid-replay, as ESET does after 10 min.
    sim.requests.length = 0;
    let dropped = false;
    const result = await batchGetEsetDevices([sim.tenant.world.esetMachines[0]!.esetUuid!], undefined, {
      onPreparing: () => {
        if (!dropped) {
          dropped = true;
          sim.tenant.esetDevices.slowAnswers.pending.clear();
        }
      },
    });
    expect(result).toHaveLength(1);
    const firstRequests = sim.requests.filter((request) => !request.headers.get('response-id'));
    expect(firstRequests).toHaveLength(2);
    expect(new Set(responseIdsSent()).size).toBe(2);
  });

  it('a 504 (not ready within 120 s) starts over once, then gives up at the upper bound — never loops', async () => {
    sim.tenant.esetDevices.slowAnswers.all = true;
    sim.tenant.esetDevices.slowAnswers.readyAfterMs = 10 * 60_000;
    const error = await batchGetEsetDevices([sim.tenant.world.esetMachines[0]!.esetUuid!], undefined, {
      intervalMs: 10_000,
      maxWaitMs: 200_000,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EsetPreparingTimeout);
    const originals = sim.requests.filter((request) => !request.headers.get('response-id'));
    expect(originals).toHaveLength(2);
    expect(sim.requests.length).toBeLessThanOrEqual(25);
    expect(esetPreparingStore.getSnapshot()).toEqual([]);
  });

  it('a second 504 after starting over is reported, not retried again', async () => {
    sim.tenant.esetDevices.slowAnswers.all = true;
    sim.tenant.esetDevices.slowAnswers.readyAfterMs = 10 * 60_000;
    const error = await batchGetEsetDevices([sim.tenant.world.esetMachines[0]!.esetUuid!], undefined, {
      intervalMs: 30_000,
      maxWaitMs: 600_000,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 504 });
    expect(sim.requests.filter((request) => !request.headers.get('response-id'))).toHaveLength(2);
  });
});
