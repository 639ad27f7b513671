import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { packageQueries } from '../../api/cylance/packages.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { packageRequests, renderPackagesPage, serveDemoConfig } from './packages-test-helpers.tsx';
import { prefetchPackagesPage } from './prefetch.ts';

// 400 packages, so the deep link (page 3 of 50) has rows.
const sim = useSimServer({ packages: 400 });
beforeEach(() => serveDemoConfig(sim));

const packageKeys = (queryClient: ReturnType<typeof createQueryClient>) =>
  queryClient
    .getQueryCache()
    .findAll({ queryKey: packageQueries.all() })
    .map((query) => query.queryKey);

describe('prefetchPackagesPage (a deep link to /packages, issue #11)', () => {
  it("asks for the URL's page under the page's own query key, and the page opened there reuses it", async () => {
    const queryClient = createQueryClient();
    prefetchPackagesPage(queryClient, '?page=3&pageSize=50&sort=-size');
    expect(packageKeys(queryClient)).toEqual([
      packageQueries.list({ page: 3, page_size: 50, sort: '-size' }).queryKey,
    ]);

    renderPackagesPage('?page=3&pageSize=50&sort=-size', queryClient);
    expect(await screen.findByText('400 packages · page 3 of 8')).toBeInTheDocument();
    expect(packageRequests(sim).map(String)).toEqual(['page=3&page_size=50&sort=-size']);
  });

  it('reads a hand-edited URL as the page does: its defaults, never a vendor 400', () => {
    const queryClient = createQueryClient();
    prefetchPackagesPage(queryClient, '?page=-1&pageSize=7&sort=bogus&category=x&status=nope&package=p1');
    expect(packageKeys(queryClient)).toEqual([
      packageQueries.list({ page: 1, page_size: 20, sort: '-uploadedOn' }).queryKey,
    ]);
  });

  it('keeps the filters, in the order the page sends them', () => {
    const queryClient = createQueryClient();
    prefetchPackagesPage(queryClient, '?status=success&category=custom&page=2');
    expect(packageKeys(queryClient)).toEqual([
      packageQueries.list({
        page: 2,
        page_size: 20,
        sort: '-uploadedOn',
        category: 'custom',
        status: 'success',
      }).queryKey,
    ]);
  });
});
