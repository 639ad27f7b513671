import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { createQueryClient } from '../../app/query-client.ts';
import type { SimHarness } from '../../test/sim-server.ts';
import { PackagesPage } from './packages-page.tsx';

/** Test-only: the gateway's /api/config in demo mode (the simulator serves only the vendors). */
export function serveDemoConfig(sim: SimHarness) {
  sim.server.use(
    http.get(`${window.location.origin}/api/config`, () =>
      HttpResponse.json({
        mode: 'demo',
        vendors: {
          cylance: { connected: true },
          eset: { connected: true },
          prisma: { connected: true },
        },
      }),
    ),
  );
}

/**
 * Renders /packages?<search> with a URL that changes as a browser's would; `urls` records each update. A
 * `queryClient` stands for one the entry already used (a deep link's prefetch); a fresh one otherwise.
 */
export function renderPackagesPage(search = '', queryClient: QueryClient = createQueryClient()) {
  const urls: string[] = [];
  const onUrlUpdate = vi.fn((event: { queryString: string }) => urls.push(event.queryString));
  const view = render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[`/packages${search}`]}>
          <NuqsTestingAdapter searchParams={search} hasMemory onUrlUpdate={onUrlUpdate}>
            <PackagesPage />
          </NuqsTestingAdapter>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { ...view, urls };
}

/** The vendor queries `/packages/v2` received, as URLSearchParams. */
export function packageRequests(sim: SimHarness): URLSearchParams[] {
  return sim.requests
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname.endsWith('/packages/v2'))
    .map((url) => url.searchParams);
}
