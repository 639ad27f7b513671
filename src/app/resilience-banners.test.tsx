import { MantineProvider } from '@mantine/core';
import { onlineManager, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { packageQueries } from '../api/cylance/packages.ts';
import { HttpError } from '../api/http.ts';
import { vendorHealth } from '../api/vendor-health.ts';
import { storageProblems } from '../lib/local-store.ts';
import { useSimServer } from '../test/sim-server.ts';
import { OfflineBanner } from './offline-banner.tsx';
import { createQueryClient } from './query-client.ts';
import { StorageBanner } from './storage-banner.tsx';
import { VendorBanners } from './vendor-banners.tsx';

const sim = useSimServer({ packages: 5 });

function fail(path: string, status: number, requestId: string) {
  act(() => vendorHealth.record(path, new HttpError({ status, message: `boom ${status}`, requestId })));
}

function Packages() {
  const { data, fetchStatus } = useQuery(packageQueries.list({ page: 1, page_size: 20 }));
  return (
    <p>
      {data ? `${data.total_number_of_items} packages` : 'no packages yet'} ({fetchStatus})
    </p>
  );
}

function renderBanners(client = createQueryClient()) {
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <OfflineBanner />
        <StorageBanner />
        <VendorBanners />
        <Packages />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

beforeEach(() => vendorHealth.reset());
afterEach(() => {
  act(() => {
    window.dispatchEvent(new Event('online'));
    storageProblems.resolve('triage.test');
  });
});

describe('vendor banners', () => {
  it('shows a banner for the failing vendor only, with the last error and request id', async () => {
    renderBanners();
    fail('/api/prisma/verdicts', 503, 'req-1');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    fail('/api/prisma/verdicts', 503, 'req-2');
    fail('/api/cylance/foci/v2', 404, 'req-3');
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Prisma is failing');
    expect(banner).toHaveTextContent('HTTP 503: boom 503');
    expect(banner).toHaveTextContent('req-2');
    expect(screen.queryByText(/Cylance is failing/)).not.toBeInTheDocument();
  });

  it('can be dismissed, and comes back when the vendor recovers and fails again', async () => {
    renderBanners();
    fail('/api/eset/v1/devices', 500, 'a');
    fail('/api/eset/v1/devices', 500, 'b');
    await userEvent.click(await screen.findByRole('button', { name: 'Dismiss the ESET warning' }));
    expect(screen.queryByText('ESET is failing')).not.toBeInTheDocument();
    fail('/api/eset/v1/devices', 500, 'c');
    expect(screen.queryByText('ESET is failing')).not.toBeInTheDocument();
    act(() => vendorHealth.record('/api/eset/v1/devices', undefined));
    fail('/api/eset/v1/devices', 429, 'd');
    fail('/api/eset/v1/devices', 429, 'e');
    expect(await screen.findByText('ESET is failing')).toBeInTheDocument();
  });
});

describe('offline banner', () => {
  it('says so while offline, and a paused refetch runs by itself when the network is back', async () => {
    const client = createQueryClient();
    renderBanners(client);
    expect(await screen.findByText('5 packages (idle)')).toBeInTheDocument();
    act(() => window.dispatchEvent(new Event('offline')));
    expect(onlineManager.isOnline()).toBe(false);
    expect(await screen.findByRole('alert')).toHaveTextContent('You are offline');
    const before = sim.requests.length;
    act(() => void client.invalidateQueries());
    expect(await screen.findByText('5 packages (paused)')).toBeInTheDocument();
    expect(sim.requests).toHaveLength(before);
    act(() => window.dispatchEvent(new Event('online')));
    expect(await screen.findByText('5 packages (idle)')).toBeInTheDocument();
    expect(sim.requests).toHaveLength(before + 1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('storage banner', () => {
  it('reports a storage problem until a later write succeeds', async () => {
    renderBanners();
    act(() => storageProblems.report({ key: 'triage.test', kind: 'full', message: 'The storage is full.' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The storage is full.');
    act(() => storageProblems.resolve('triage.test'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
