import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSimServer } from '../../test/sim-server.ts';
import { batchGets, renderDevices, worldTruth } from './devices-test-helpers.tsx';

// Enough shared machines that a few are renamed in ESET (~4%) while Cylance knows them too.
// biome-ignore lint/correctness/useHookAtTopLevel: useSimServer registers vitest lifecycle hooks, not a React hook.
const sim = useSimServer({ cylanceDevices: 120, esetDevices: 100, prismaVerdicts: 300 });

function machineRow(name: string | RegExp) {
  const table = screen.getByRole('table', { name: 'Machines' });
  const link = within(table).getByRole('link', { name });
  return link.closest('tr') as HTMLElement;
}

describe('All machines (correlated)', { timeout: 20_000 }, () => {
  it('shows machines known to all three vendors with a badge per vendor', async () => {
    const { knownToAll } = worldTruth(sim);
    renderDevices('/devices?cylance=yes&eset=yes&prisma=yes');
    const count = `${knownToAll.length} of ${sim.tenant.world.machines.length} machines · ${knownToAll.length} known to all three vendors`;
    expect(await screen.findByText(count, {}, { timeout: 10_000 })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Machines' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(Math.min(50, knownToAll.length));
    for (const row of rows) {
      expect(within(row).getByLabelText('Known to Cylance, ESET, Prisma')).toBeInTheDocument();
      for (const vendor of ['Cylance', 'ESET', 'Prisma'])
        expect(within(row).getByText(vendor)).toBeInTheDocument();
    }
    // Sorted by hostname (the default), joined by MAC: the simulator gives every endpoint one.
    const [firstName] = knownToAll.map((known) => known.hostname).sort((a, b) => a.localeCompare(b));
    expect(within(rows[0]!).getByRole('link')).toHaveTextContent(firstName!);
    expect(within(rows[0]!).getAllByRole('cell')[5]).toHaveTextContent('MAC');
  });

  it('makes a conflict visible: same MAC, a different hostname in ESET', async () => {
    const [renamed] = worldTruth(sim).renamed;
    expect(renamed).toBeDefined();
    renderDevices('/devices?conflicts=true');
    const link = await screen.findByRole('link', { name: renamed!.hostname }, { timeout: 10_000 });
    const row = link.closest('tr') as HTMLElement;
    expect(
      within(row).getByLabelText(
        `Conflict: Hostnames differ: ${renamed!.hostname} / ${renamed!.hostname}-OLD`,
      ),
    ).toBeInTheDocument();
  });
});

describe('ESET snapshot', { timeout: 20_000 }, () => {
  it('renders the devices of a `uuids=` deep link from one batchGet', async () => {
    const [first, second] = sim.tenant.world.esetMachines;
    renderDevices(`/devices?tab=eset&uuids=${first!.esetUuid},${second!.esetUuid}`);
    const table = await screen.findByRole('table', { name: 'ESET snapshot' }, { timeout: 10_000 });
    expect(await within(table).findByRole('link', { name: first!.esetDisplayName })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: second!.esetDisplayName })).toBeInTheDocument();
    expect(batchGets(sim)).toHaveLength(1);
  });

  it('rejects malformed UUIDs with the reason and still loads the valid ones', async () => {
    const [first] = sim.tenant.world.esetMachines;
    renderDevices(`/devices?tab=eset&uuids=not-a-uuid,${first!.esetUuid}`);
    expect(await screen.findByText('1 entry rejected')).toBeInTheDocument();
    expect(screen.getByText('not-a-uuid').closest('li')).toHaveTextContent(/not a device UUID/);
    const table = await screen.findByRole('table', { name: 'ESET snapshot' }, { timeout: 10_000 });
    expect(await within(table).findByRole('link', { name: first!.esetDisplayName })).toBeInTheDocument();
    const asked = batchGets(sim)[0]!.searchParams.getAll('devicesUuids');
    expect(asked).toEqual([first!.esetUuid]);
  });

  it('names the unknown UUID when the atomic batch fails with 404, and shows the rest', async () => {
    const [first] = sim.tenant.world.esetMachines;
    const unknown = '00000000-0000-4000-8000-000000000000';
    renderDevices(`/devices?tab=eset&uuids=${first!.esetUuid},${unknown}`);
    expect(
      await screen.findByText('ESET does not know 1 of these devices', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(unknown)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'ESET snapshot' });
    expect(within(table).getByRole('link', { name: first!.esetDisplayName })).toBeInTheDocument();
  });

  it('makes no call for an empty list and says so', async () => {
    renderDevices('/devices?tab=eset&uuids=');
    expect(await screen.findByText(/No device UUIDs to load/)).toBeInTheDocument();
    expect(batchGets(sim)).toHaveLength(0);
  });
});

describe('Device page', { timeout: 20_000 }, () => {
  it('shows what each of the three sources knows, side by side', async () => {
    const machine = worldTruth(sim).knownToAll.find(
      (candidate) => candidate.esetDisplayName === candidate.hostname,
    )!;
    renderDevices(`/devices/mac:${machine.mac}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: machine.hostname }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('table', { name: `Cylance device ${machine.hostname}` })).toHaveTextContent(
      machine.cylanceId!,
    );
    expect(screen.getByRole('table', { name: `ESET device ${machine.hostname}` })).toHaveTextContent(
      machine.esetUuid!,
    );
    expect(await screen.findByRole('table', { name: `Prisma verdict for ${machine.ip}` })).toHaveTextContent(
      machine.vendor,
    );
    expect(screen.getByRole('link', { name: 'Request a file retrieval' })).toHaveAttribute(
      'href',
      `/file-retrievals?device=${machine.cylanceId!.replaceAll('-', '').toUpperCase()}`,
    );
    expect(screen.getByRole('link', { name: 'Look up focus views' })).toHaveAttribute(
      'href',
      `/focus-views?hostname=${machine.hostname}`,
    );
  });
});
