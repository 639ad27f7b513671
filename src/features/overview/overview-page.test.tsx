import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestablePairs, requestView } from '../../../sim/cylance/focus-view-state.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { useFocusLookup } from '../../tracking/focus-lookups.ts';
import { transitionStore } from '../../tracking/transitions.ts';
import { OverviewPage } from './overview-page.tsx';
import { renderWithProviders, searchTicks, serveConfig } from './overview-test-helpers.tsx';

// biome-ignore lint/correctness/useHookAtTopLevel: useSimServer registers vitest lifecycle hooks, not a React hook.
const sim = useSimServer({ pendingMinMs: 60_000, pendingMaxMs: 60_000 });

const searchStarts: number[] = [];
sim.server.events.on('request:start', ({ request }) => {
  if (new URL(request.url).pathname.endsWith('/foci/v2/search')) searchStarts.push(performance.now());
});

beforeEach(() => {
  searchStarts.length = 0;
  serveConfig(sim);
});
afterEach(() => {
  lookupSetStore.clear();
  transitionStore.clear();
});

/** The Focus views page's watcher, with a short constant tick so a test sees several ticks quickly. */
function FocusPageWatcher() {
  useFocusLookup({ schedule: { minMs: 250, maxMs: 250, factor: 1 } });
  return null;
}

function requestPairs(count: number) {
  const pairs = requestablePairs(sim.tenant, count);
  for (const pair of pairs) requestView(sim.tenant, { device_id: pair.device_id, artifact_type: 'Process', value: pair.uid });
  lookupSetStore.replace(pairs);
  return pairs;
}

/** Search calls per tick once the first lookup (the first group) is done, over `ticks` poll ticks. */
async function callsPerTick(ticks: number): Promise<number[]> {
  await waitFor(() => expect(searchTicks(searchStarts).length).toBeGreaterThan(ticks + 1), { timeout: 8000 });
  return searchTicks(searchStarts).slice(1, ticks + 1);
}

describe('OverviewPage against the simulator', () => {
  it('adds no search call per tick to the Focus views watcher (one poll per chunk)', async () => {
    requestPairs(450);
    const alone = renderWithProviders(<FocusPageWatcher />);
    const withWatcherOnly = await callsPerTick(4);
    alone.unmount();

    searchStarts.length = 0;
    renderWithProviders(
      <>
        <FocusPageWatcher />
        <OverviewPage />
      </>,
    );
    expect(await screen.findByRole('heading', { name: /Pending work/ })).toBeInTheDocument();
    const withOverview = await callsPerTick(4);

    // 450 pending pairs are 3 chunks of at most 200: 3 calls per tick, whether the overview is open or not.
    expect(withWatcherOnly).toEqual([3, 3, 3, 3]);
    expect(withOverview).toEqual(withWatcherOnly);
  });

  it('shows pending work in the title, then the resolutions in the feed', async () => {
    requestPairs(3);
    renderWithProviders(<OverviewPage />);

    const pendingTable = await screen.findByRole('table', { name: 'Pending work' });
    await waitFor(() => expect(within(pendingTable).getAllByRole('row')).toHaveLength(4));
    expect(document.title).toBe('(3) Triage Console');
    expect(within(pendingTable).getAllByRole('link', { name: 'Focus view' })[0]).toHaveAttribute(
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
    expect(within(packages).getByRole('row', { name: new RegExp(`^Success ${expected}$`) })).toBeInTheDocument();
    const cylance = screen.getByRole('article', { name: 'Cylance / Aurora Optics' });
    await waitFor(() => expect(within(cylance).queryByText('none yet in this tab')).not.toBeInTheDocument());
  });
});
