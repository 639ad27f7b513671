import { QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
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
});
