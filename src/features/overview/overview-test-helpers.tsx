import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { createQueryClient } from '../../app/query-client.ts';
import type { SimHarness } from '../../test/sim-server.ts';

/**
 * Test-only: the gateway's /api/config (the simulator serves only the vendors). Prisma is reported as not
 * connected, as a live gateway without PRISMA_API_KEY does, so the overview shows what to configure.
 */
export function serveConfig(sim: SimHarness) {
  sim.server.use(
    http.get(`${window.location.origin}/api/config`, () =>
      HttpResponse.json({
        mode: 'live',
        vendors: {
          cylance: { connected: true, host: 'protectapi.cylance.com' },
          eset: { connected: true, host: 'eu.device-management.eset.systems' },
          prisma: { connected: false, missing: ['PRISMA_API_KEY'] },
        },
      }),
    ),
  );
}

export function renderWithProviders(children: ReactNode) {
  return render(
    <MantineProvider>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={['/']}>
          <NuqsTestingAdapter hasMemory>{children}</NuqsTestingAdapter>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** Start times of the focus-view search calls, grouped into poll ticks (calls less than 100 ms apart). */
export function searchTicks(stamps: readonly number[]): number[] {
  const ticks: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (const stamp of [...stamps].sort((a, b) => a - b)) {
    if (stamp - last > 100) ticks.push(0);
    ticks[ticks.length - 1] = (ticks.at(-1) ?? 0) + 1;
    last = stamp;
  }
  return ticks;
}
