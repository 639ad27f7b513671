import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { NuqsTestingAdapter } from 'nuqs/adapters/testing';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Machine as WorldMachine } from '../../../sim/world.ts';
import { createQueryClient } from '../../app/query-client.ts';
import type { SimHarness } from '../../test/sim-server.ts';
import { DevicePage } from './device-page.tsx';
import { DevicesPage } from './devices-page.tsx';

/** Renders `/devices?…` or `/devices/<key>` with a fresh QueryClient and its own URL state. */
export function renderDevices(path: string) {
  const search = path.includes('?') ? path.slice(path.indexOf('?')) : '';
  return render(
    <MantineProvider>
      <QueryClientProvider client={createQueryClient()}>
        <MemoryRouter initialEntries={[path]}>
          <NuqsTestingAdapter searchParams={search} hasMemory>
            <Routes>
              <Route path="/devices" element={<DevicesPage />} />
              <Route path="/devices/:key" element={<DevicePage />} />
            </Routes>
          </NuqsTestingAdapter>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** The simulator's ground truth: machines each vendor knows (the test's oracle, independent of the join). */
export function worldTruth(sim: SimHarness) {
  const { world } = sim.tenant;
  const inPrisma = new Set(world.prismaMachines);
  const inAll = (machine: WorldMachine) =>
    machine.cylanceId !== undefined && machine.esetUuid !== undefined && inPrisma.has(machine);
  return {
    knownToAll: world.machines.filter(inAll),
    /** Same MAC, ESET calls it `<hostname>-OLD`: a visible conflict when Cylance knows it too. */
    renamed: world.machines.filter(
      (machine) =>
        machine.cylanceId !== undefined && machine.esetUuid && machine.esetDisplayName !== machine.hostname,
    ),
  };
}

/** The ESET `devices:batchGet` calls the simulator received. */
export function batchGets(sim: SimHarness): URL[] {
  return sim.requests
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname.endsWith('devices:batchGet'));
}
