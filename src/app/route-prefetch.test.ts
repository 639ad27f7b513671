import { beforeEach, describe, expect, it, vi } from 'vitest';
import { packageQueries } from '../api/cylance/packages.ts';
import { useSimServer } from '../test/sim-server.ts';
import { lookupSetStore } from '../tracking/focus-lookup-store.ts';
import { createQueryClient } from './query-client.ts';
import { pageModules } from './route-modules.ts';
import { prefetchRoute } from './route-prefetch.ts';

// The pages' chunks are the router's business; here only which one is asked for matters.
vi.mock('./route-modules.ts', () => ({
  pageModules: Object.fromEntries(
    ['overview', 'focusViews', 'focusViewDetail', 'fileRetrievals', 'packages', 'devices', 'device'].map(
      (name) => [name, vi.fn(() => Promise.resolve({}))],
    ),
  ),
}));

useSimServer();
beforeEach(() => lookupSetStore.clear());

const requested = () =>
  Object.entries(pageModules)
    .filter(([, load]) => vi.mocked(load).mock.calls.length > 0)
    .map(([name]) => name);

describe('prefetchRoute (the entry, for the URL it was opened at)', () => {
  it("starts a deep link's page chunk and its first request", async () => {
    const queryClient = createQueryClient();
    prefetchRoute(queryClient, { pathname: '/packages', search: '?page=3&pageSize=50&sort=-size' });
    expect(requested()).toEqual(['packages']);
    const key = packageQueries.list({ page: 3, page_size: 50, sort: '-size' }).queryKey;
    await vi.waitFor(() => expect(queryClient.getQueryState(key)).toBeDefined());
  });

  it('starts only the chunk for a page without a prefetcher', async () => {
    const queryClient = createQueryClient();
    prefetchRoute(queryClient, { pathname: '/devices/ABC', search: '?tab=eset' });
    prefetchRoute(queryClient, { pathname: '/', search: '' });
    expect(requested()).toEqual(['overview', 'device']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });

  it('does nothing for a path no page answers', async () => {
    const queryClient = createQueryClient();
    prefetchRoute(queryClient, { pathname: '/packages/extra/part', search: '?page=3' });
    prefetchRoute(queryClient, { pathname: '/nowhere', search: '' });
    expect(requested()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
