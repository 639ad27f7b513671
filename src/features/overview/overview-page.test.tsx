import { screen, waitFor, within } from '@testing-library/react';
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

/** The poll's cost over two seconds, measured once the first lookup (3 calls) has been answered. */
async function measurePolling() {
  await waitFor(() => expect(searches.length).toBeGreaterThan(3));
  const from = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 2000));
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

    // 450 pending pairs are 3 chunks of at most 200, each asked once per tick (250 ms): about 12 calls/s.
    for (const cost of [watcherOnly, withOverview]) {
      expect(cost.chunks).toBe(3);
      expect(cost.shortestGap).toBeGreaterThanOrEqual(tickMs * 0.8);
    }
    expect(watcherOnly.perSecond).toBeGreaterThan(2);
    // A second poller of the same chunks would add calls and put two calls for a chunk within one tick.
    expect(withOverview.perSecond).toBeLessThan(watcherOnly.perSecond * 1.6);
  }, 15_000);

  it('shows pending work in the title, then the resolutions in the feed', async () => {
    requestPairs(3);
    renderWithProviders(<OverviewPage />);

    const pendingTable = await screen.findByRole('table', { name: 'Pending work' });
    await waitFor(() => expect(within(pendingTable).getAllByRole('row')).toHaveLength(4));
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
    expect(await within(prisma).findByText('Not connected')).toBeInTheDocument();
    expect(within(prisma).getByText('PRISMA_API_KEY')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Prisma verdicts' })).toHaveTextContent(/Not connected/);

    const packages = await screen.findByRole('table', { name: 'Packages by status' }, { timeout: 5000 });
    const expected = sim.tenant.packages.list.filter((item) => item.status === 'success').length;
    expect(
      within(packages).getByRole('row', { name: new RegExp(`^Success ${expected}$`) }),
    ).toBeInTheDocument();
    const cylance = screen.getByRole('article', { name: 'Cylance / Aurora Optics' });
    await waitFor(() => expect(within(cylance).queryByText('none yet in this tab')).not.toBeInTheDocument());
  });
});
