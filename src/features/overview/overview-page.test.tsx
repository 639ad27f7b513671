import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestablePairs, requestView } from '../../../sim/cylance/focus-view-state.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { useFocusLookup } from '../../tracking/focus-lookups.ts';
import { transitionStore } from '../../tracking/transitions.ts';
import { OverviewPage } from './overview-page.tsx';
import { pollCost, renderWithProviders, type SearchCall, serveConfig } from './overview-test-helpers.tsx';

const sim = useSimServer({ pendingMinMs: 60_000, pendingMaxMs: 60_000 });

const searches: Promise<SearchCall>[] = [];
sim.server.events.on('request:start', ({ request }) => {
  if (!new URL(request.url).pathname.endsWith('/foci/v2/search')) return;
  const at = performance.now();
  searches.push(
    request
      .clone()
      .json()
      .then((body: { uid: string }[]) => ({ at, chunk: body[0]?.uid ?? '' })),
  );
});

beforeEach(() => {
  searches.length = 0;
  serveConfig(sim);
});
afterEach(() => {
  lookupSetStore.clear();
  transitionStore.clear();
});

const tickMs = 250;

/** The Focus views page's watcher, with a short constant tick so a test sees several ticks quickly. */
function FocusPageWatcher() {
  useFocusLookup({ schedule: { minMs: tickMs, maxMs: tickMs, factor: 1 } });
  return null;
}

function requestPairs(count: number) {
  const pairs = requestablePairs(sim.tenant, count);
  for (const pair of pairs)
    requestView(sim.tenant, { device_id: pair.device_id, artifact_type: 'Process', value: pair.uid });
  lookupSetStore.replace(pairs);
  return pairs;
}

/** The poll's cost over three seconds, measured once the first lookup (3 calls) has been answered. */
async function measurePolling() {
  await waitFor(() => expect(searches.length).toBeGreaterThan(3), { timeout: 5000 });
  const from = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return pollCost(await Promise.all(searches), from, performance.now());
}

describe('OverviewPage against the simulator', () => {
  it('adds no search call per tick to the Focus views watcher (one poll per chunk)', async () => {
    requestPairs(450);
    const alone = renderWithProviders(<FocusPageWatcher />);
    const watcherOnly = await measurePolling();
    alone.unmount();

    searches.length = 0;
    renderWithProviders(
      <>
        <FocusPageWatcher />
        <OverviewPage />
      </>,
    );
    expect(await screen.findByRole('heading', { name: /Pending work/ })).toBeInTheDocument();
    const withOverview = await measurePolling();

    // 450 pending pairs are 3 chunks of at most 200, each asked once per tick (250 ms), with or without the
    // overview: a second poller would add chunks (other keys) or ask a chunk twice within one tick.
    for (const cost of [watcherOnly, withOverview]) {
      const seen = JSON.stringify(cost);
      expect(cost.chunks, seen).toBe(3);
      expect(cost.shortestGap, seen).toBeGreaterThanOrEqual(tickMs * 0.8);
      for (const calls of cost.callsPerChunk) {
        expect(calls, seen).toBeLessThanOrEqual(Math.floor(cost.windowMs / tickMs) + 1);
      }
    }
  }, 20_000);

  it('shows pending work in the title, then the resolutions in the feed', async () => {
    requestPairs(3);
    renderWithProviders(<OverviewPage />);

    const pendingTable = await screen.findByRole('table', { name: 'Pending work' }, { timeout: 5000 });
    await waitFor(() => expect(within(pendingTable).getAllByRole('row')).toHaveLength(4), { timeout: 5000 });
    expect(document.title).toBe('(3) Triage Console');
    expect(within(pendingTable).getAllByRole('link', { name: /^Focus view Event / })[0]).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/focus-views\?/),
    );

    sim.tenant.clock.advance(60_000);
    // The watcher's next tick (2 s on the default schedule) reads the resolutions.
    const feed = await screen.findByRole('list', { name: /3 status changes/ }, { timeout: 6000 });
    expect(within(feed).getAllByRole('listitem')).toHaveLength(3);
    expect(within(feed).getAllByText('Pending')).toHaveLength(3);
    expect(document.title).toBe('Triage Console');
    expect(screen.getByText(/Nothing pending/)).toBeInTheDocument();

    const tracked = screen.getByRole('table', { name: 'Tracked focus views by status' });
    expect(within(tracked).getByRole('row', { name: /Total 3/ })).toBeInTheDocument();
  }, 15_000);

  it('shows each vendor’s connection and what to configure, and counts packages by status', async () => {
    renderWithProviders(<OverviewPage />);
    const prisma = await screen.findByRole('article', { name: 'Prisma Access Device-ID' });
    expect(await within(prisma).findByText('Not connected', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(within(prisma).getByText('PRISMA_API_KEY')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Prisma verdicts' })).toHaveTextContent(/Not connected/);

    const packages = await screen.findByRole('table', { name: 'Packages by status' }, { timeout: 5000 });
    const expected = sim.tenant.packages.list.filter((item) => item.status === 'success').length;
    expect(
      within(packages).getByRole('row', { name: new RegExp(`^Success ${expected}$`) }),
    ).toBeInTheDocument();
    const cylance = screen.getByRole('article', { name: 'Cylance / Aurora Optics' });
    await waitFor(() => expect(within(cylance).queryByText('none yet in this tab')).not.toBeInTheDocument(), {
      timeout: 5000,
    });
  });

  it('says so when the gateway configuration cannot be read, and asks no vendor', async () => {
    sim.server.use(
      http.get(`${window.location.origin}/api/config`, () =>
        HttpResponse.json(
          { message: 'gateway restarting' },
          { status: 503, headers: { 'x-request-id': 'cfg-1' } },
        ),
      ),
    );
    renderWithProviders(<OverviewPage />);
    const health = await screen.findByRole('region', { name: 'Vendor health' });
    // The client retries a 503 with backoff before the error shows.
    const alert = await within(health).findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('gateway restarting');
    expect(alert).toHaveTextContent('cfg-1');
    expect(screen.getByRole('region', { name: 'ESET devices' })).toHaveTextContent(
      /configuration could not be read/,
    );
    expect(sim.requests.filter((request) => /\/api\/(eset|prisma)\//.test(request.url))).toEqual([]);
  }, 15_000);
});
