import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import { maxPageLen, prismaPacer } from '../../../api/prisma/verdicts.ts';
import { createQueryClient } from '../../../app/query-client.ts';
import { useSimServer } from '../../../test/sim-server.ts';
import { simTiming } from '../../../test/sim-timing.ts';
import { NetworkVerdictsTab } from './network-verdicts-tab.tsx';

// Three pages: enough for the statistics call to have been able to take a slot between two of them.
const sim = useSimServer({ prismaVerdicts: 2 * maxPageLen + 1 });

beforeEach(() => {
  prismaPacer.reset();
  prismaPacer.timing = simTiming(sim);
});

describe('NetworkVerdictsTab and the one-request-per-second limit', { timeout: 30_000 }, () => {
  it('asks for the statistics only once the dump has stopped, so they take no slot from it', async () => {
    render(
      <MantineProvider>
        <QueryClientProvider client={createQueryClient()}>
          <NuqsTestingAdapter>
            <NetworkVerdictsTab />
          </NuqsTestingAdapter>
        </QueryClientProvider>
      </MantineProvider>,
    );
    expect(await screen.findByText('All verdicts loaded', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(await screen.findByText('Statistics requests')).toBeInTheDocument();
    const paths = sim.requests.map((request) => new URL(request.url).pathname);
    expect(paths.filter((path) => path === '/api/prisma/verdicts')).toHaveLength(3);
    expect(paths.filter((path) => path === '/api/prisma/verdicts:statistics')).toHaveLength(1);
    expect(paths.indexOf('/api/prisma/verdicts:statistics')).toBeGreaterThan(
      paths.lastIndexOf('/api/prisma/verdicts'),
    );
    expect(sim.tenant.prismaVerdicts.rateLimit.refused).toBe(0);
  });
});
