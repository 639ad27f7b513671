import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import { delay, http } from 'msw';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { requestablePairs, requestView } from '../../sim/cylance/focus-view-state.ts';
import { createQueryClient } from '../app/query-client.ts';
import { useSimServer } from '../test/sim-server.ts';
import { lookupSetStore } from './focus-lookup-store.ts';
import { useFocusLookup } from './focus-lookups.ts';

const sim = useSimServer({ pendingMinMs: 60_000, pendingMaxMs: 60_000 });
/** A constant, short tick so the test sees several ticks quickly; the real schedule is tested in lib. */
const schedule = { minMs: 250, maxMs: 250, factor: 1 };

afterEach(() => lookupSetStore.clear());

function searchBodies(): Promise<{ uid: string; device_id: string }[][]> {
  return Promise.all(
    sim.requests
      .filter((request) => new URL(request.url).pathname.endsWith('/foci/v2/search'))
      .map((request) => request.clone().json()),
  );
}

function wrapper() {
  const queryClient = createQueryClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
}

describe('useFocusLookup watching PENDING pairs', () => {
  it('polls 1 000 pending pairs with exactly 5 searches per tick, however many views watch, and stops once all have resolved', async () => {
    const pairs = requestablePairs(sim.tenant, 1000);
    expect(pairs).toHaveLength(1000);
    for (const pair of pairs) {
      requestView(sim.tenant, { device_id: pair.device_id, artifact_type: 'Process', value: pair.uid });
    }
    lookupSetStore.replace(pairs);
    // Two views mount the tracker at once (a page and the Overview, say): still one poll per chunk.
    const { result } = renderHook(
      () => {
        const first = useFocusLookup({ schedule });
        useFocusLookup({ schedule });
        return first;
      },
      { wrapper: wrapper() },
    );

    await waitFor(() => expect(result.current.pendingCount).toBe(1000));
    await waitFor(async () => expect((await searchBodies()).length).toBeGreaterThanOrEqual(15), {
      timeout: 5000,
    });
    const bodies = await searchBodies();
    // Calls 0–4 are the lookup; each later group of 5 is one tick covering every pending pair once.
    for (const tick of [bodies.slice(5, 10), bodies.slice(10, 15)]) {
      expect(tick.map((body) => body.length)).toEqual([200, 200, 200, 200, 200]);
      expect(new Set(tick.flat().map((pair) => `${pair.uid}|${pair.device_id}`)).size).toBe(1000);
    }

    sim.tenant.clock.advance(60_000);
    await waitFor(() => expect(result.current.pendingCount).toBe(0), { timeout: 5000 });
    const settled = (await searchBodies()).length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await searchBodies()).length).toBe(settled);
    expect(result.current.counts.PENDING).toBeUndefined();
    expect(result.current.lastTick.length).toBeGreaterThan(0);
  });

  it('looks a set up in chunks of at most 200 and reports the statuses per pair', async () => {
    const pairs = requestablePairs(sim.tenant, 450);
    lookupSetStore.replace([...pairs, { uid: 'F'.repeat(32), device_id: 'A'.repeat(32) }]);
    const { result } = renderHook(() => useFocusLookup({ schedule }), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.run).toMatchObject({ running: false, settled: 3, total: 3 }));
    expect((await searchBodies()).map((body) => body.length)).toEqual([200, 200, 51]);
    await waitFor(() => expect(result.current.counts).toEqual({ REQUEST: 450, UNKNOWN_DEVICE: 1 }));
    expect(result.current.isPolling).toBe(false);
  });

  it('cancels a lookup: no further chunk is asked for and the cancelled pairs stay unchecked', async () => {
    sim.server.use(
      http.post('*/api/cylance/foci/v2/search', async () => {
        await delay(150);
        return undefined;
      }),
    );
    lookupSetStore.replace(requestablePairs(sim.tenant, 1400));
    const { result } = renderHook(() => useFocusLookup({ schedule }), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.run.settled).toBeGreaterThanOrEqual(1));
    act(() => result.current.run.cancel());
    await waitFor(() => expect(result.current.run).toMatchObject({ running: false, cancelled: true }));
    const asked = (await searchBodies()).length;
    // 7 chunks, 3 at a time: cancelling after the first answer leaves some never asked.
    expect(asked).toBeLessThan(7);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await searchBodies()).length).toBe(asked);
    expect(result.current.counts.NOT_CHECKED).toBeGreaterThanOrEqual(200);
  });

  it('backs off while nothing changes: the gaps between ticks grow', async () => {
    const starts: number[] = [];
    const record = ({ request }: { request: Request }) => {
      if (new URL(request.url).pathname.endsWith('/foci/v2/search')) starts.push(Date.now());
    };
    sim.server.events.on('request:start', record);
    try {
      const pairs = requestablePairs(sim.tenant, 10);
      for (const pair of pairs) {
        requestView(sim.tenant, { device_id: pair.device_id, artifact_type: 'Process', value: pair.uid });
      }
      lookupSetStore.replace(pairs);
      renderHook(() => useFocusLookup({ schedule: { minMs: 100, maxMs: 1600, factor: 2 } }), {
        wrapper: wrapper(),
      });
      // One search per tick (10 pending pairs); the first is the lookup itself.
      await waitFor(() => expect(starts.length).toBeGreaterThanOrEqual(6), { timeout: 8000 });
      // Scheduled gaps: 100, 100, 200, 400, 800 ms (timer noise on a busy machine only adds to the first).
      const gaps = starts.slice(1, 6).map((start, index) => start - starts[index]!);
      expect(gaps[4]!).toBeGreaterThan(gaps[0]! * 3);
      expect(gaps[4]!).toBeGreaterThanOrEqual(800);
    } finally {
      sim.server.events.removeListener('request:start', record);
    }
  });
});
