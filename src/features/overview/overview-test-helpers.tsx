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

export interface SearchCall {
  at: number;
  /** The chunk searched (its first pair): the same chunk asked again is the same poll. */
  chunk: string;
}

/**
 * What the polls cost over a window, per chunk: how often it was asked, and the shortest gap between two
 * calls for it (a chunk polled twice in one tick shows a gap far below the tick). Counted per chunk, not per
 * second, so a slow machine (fewer ticks) cannot make a duplicate poll look fine or a single one look wrong.
 */
export function pollCost(calls: readonly SearchCall[], from: number, to: number) {
  const inWindow = calls.filter((call) => call.at >= from && call.at <= to);
  const byChunk = Map.groupBy(inWindow, (call) => call.chunk);
  let shortestGap = Number.POSITIVE_INFINITY;
  for (const list of byChunk.values()) {
    for (let index = 1; index < list.length; index++) {
      shortestGap = Math.min(shortestGap, list[index]!.at - list[index - 1]!.at);
    }
  }
  const callsPerChunk = [...byChunk.values()].map((list) => list.length);
  return { windowMs: to - from, chunks: byChunk.size, callsPerChunk, shortestGap };
}
