import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import type { Me } from '../../api/gateway/me.ts';
import { createQueryClient } from '../../app/query-client.ts';
import { seedMe } from '../../auth/me-fixtures.ts';
import type { SimHarness } from '../../test/sim-server.ts';
import { FileRetrievalsPage } from './file-retrievals-page.tsx';

/** The gateway's `/api/config` in demo mode (the simulator's handlers serve only the vendors). */
export function serveGatewayConfig(sim: SimHarness, mode: 'demo' | 'live' = 'demo') {
  sim.server.use(
    http.get('*/api/config', () =>
      HttpResponse.json({
        mode,
        vendors: { cylance: { connected: true }, eset: { connected: true }, prisma: { connected: true } },
      }),
    ),
  );
}

export function renderFileRetrievalsPage(searchParams = '', me?: Me) {
  const user = userEvent.setup();
  const queryClient = createQueryClient();
  seedMe(queryClient, me);
  const view = render(
    <MantineProvider>
      <Notifications />
      <QueryClientProvider client={queryClient}>
        <NuqsTestingAdapter searchParams={searchParams} hasMemory>
          <FileRetrievalsPage />
        </NuqsTestingAdapter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { user, queryClient, ...view };
}
