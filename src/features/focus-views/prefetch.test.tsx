import { configure, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestablePairs } from '../../../sim/cylance/focus-view-state.ts';
import { focusViewQueries } from '../../api/cylance/focus-views.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { encodePairs } from '../../lib/focus-pair-codec.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { prefetchFocusViewsPage } from './prefetch.ts';
import { renderFocusViewsPage } from './test-render.tsx';

const sim = useSimServer();
beforeEach(() => lookupSetStore.clear());
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 8_000 });

const storageKey = 'triage.focus-lookup.v1';
const searches = () =>
  sim.requests.filter((request) => new URL(request.url).pathname.endsWith('/foci/v2/search'));
const searchBodies = () =>
  Promise.all(searches().map((request) => request.clone().json() as Promise<{ uid: string }[]>));

describe('prefetchFocusViewsPage (a deep link to /focus-views, issue #11)', () => {
  it("opens the link's set as the page would, in localStorage before the search is sent", async () => {
    const pairs = requestablePairs(sim.tenant, 3);
    const storedWhenSearched: unknown[] = [];
    sim.server.use(
      http.post('*/api/cylance/foci/v2/search', () => {
        storedWhenSearched.push(JSON.parse(localStorage.getItem(storageKey) ?? 'null')?.pairs);
        return undefined;
      }),
    );
    const queryClient = createQueryClient();
    prefetchFocusViewsPage(queryClient, `?set=${encodePairs(pairs)}`);

    expect(lookupSetStore.getSnapshot().pairs).toEqual(pairs);
    const key = focusViewQueries.search(pairs.map(({ uid, device_id }) => ({ uid, device_id }))).queryKey;
    expect(queryClient.getQueryState(key)?.fetchStatus).toBe('fetching');
    await waitFor(() => expect(queryClient.getQueryState(key)?.status).toBe('success'));
    expect(storedWhenSearched).toEqual([pairs]);
  });

  it('hands the lookup to the page: one search, the statuses on screen, nothing asked twice', async () => {
    const pairs = requestablePairs(sim.tenant, 3);
    const search = `?set=${encodePairs(pairs)}`;
    const queryClient = createQueryClient();
    prefetchFocusViewsPage(queryClient, search);
    renderFocusViewsPage(search, undefined, queryClient);

    expect(await screen.findByText('Can request: 3')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lookup results' });
    expect(within(table).getAllByText('Can request')).toHaveLength(3);
    expect(screen.queryByText('This link carries a different lookup set')).toBeNull();
    expect(searches()).toHaveLength(1);
  });

  it('does not repeat an arrival lookup that failed: the page shows its error', async () => {
    const pairs = requestablePairs(sim.tenant, 2);
    sim.server.use(
      http.post('*/api/cylance/foci/v2/search', () =>
        HttpResponse.json({ message: 'insufficient privileges', status: 'ACCESS_DENIED' }, { status: 403 }),
      ),
    );
    const search = `?set=${encodePairs(pairs)}`;
    const queryClient = createQueryClient();
    prefetchFocusViewsPage(queryClient, search);
    await waitFor(() =>
      expect(
        queryClient.getQueryCache().findAll({ queryKey: focusViewQueries.searches() })[0]?.state.status,
      ).toBe('error'),
    );

    renderFocusViewsPage(search, undefined, queryClient);
    const table = await screen.findByRole('table', { name: 'Lookup results' });
    await waitFor(() => expect(within(table).getAllByText(/insufficient privileges/)).toHaveLength(2));
    expect(searches()).toHaveLength(1);
  });

  it('leaves a different tracked set to the page and looks up the tracked one, as the page does', async () => {
    const [mine, ...theirs] = requestablePairs(sim.tenant, 3);
    lookupSetStore.replace([mine!]);
    prefetchFocusViewsPage(createQueryClient(), `?set=${encodePairs(theirs)}`);
    expect(lookupSetStore.getSnapshot().pairs).toEqual([mine]);
    await waitFor(() => expect(searches()).toHaveLength(1));
    expect((await searchBodies())[0]?.map((pair) => pair.uid)).toEqual([mine!.uid]);
  });

  it('does nothing for an unreadable link or an empty set, and never throws', async () => {
    const queryClient = createQueryClient();
    for (const search of ['', '?set=', '?set=not-a-set!', '?set=AQ', '?tab=lookup&set=%E0%A4%A']) {
      expect(() => prefetchFocusViewsPage(queryClient, search)).not.toThrow();
    }
    expect(localStorage.getItem(storageKey)).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sim.requests).toHaveLength(0);
  });
});
