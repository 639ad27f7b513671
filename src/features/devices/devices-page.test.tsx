import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useSimServer } from '../../test/sim-server.ts';
import { batchGets, renderDevices, worldTruth } from './devices-test-helpers.tsx';

// Enough shared machines that a few are renamed in ESET (~4%) while Cylance knows them too.
const sim = useSimServer({ cylanceDevices: 120, esetDevices: 100, prismaVerdicts: 300 });

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

describe('ESET snapshot', { timeout: 40_000 }, () => {
  it('loads the selected devices of the list as one snapshot', async () => {
    const user = userEvent.setup();
    const [first, second] = sim.tenant.world.esetMachines;
    renderDevices('/devices?tab=eset&esize=50');
    await user.click(
      await screen.findByRole('checkbox', { name: `Select ${first!.esetDisplayName}` }, { timeout: 10_000 }),
    );
    await user.click(screen.getByRole('checkbox', { name: `Select ${second!.esetDisplayName}` }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Snapshot' }));
    const table = await screen.findByRole('table', { name: 'ESET snapshot' }, { timeout: 10_000 });
    expect(await within(table).findByRole('link', { name: first!.esetDisplayName })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: second!.esetDisplayName })).toBeInTheDocument();
    expect(batchGets(sim)[0]!.searchParams.getAll('devicesUuids').sort()).toEqual(
      [first!.esetUuid, second!.esetUuid].sort(),
    );
  });

  it('renders the devices of a `uuids=` deep link from one batchGet', async () => {
    const [first, second] = sim.tenant.world.esetMachines;
    renderDevices(`/devices?tab=eset&uuids=${first!.esetUuid},${second!.esetUuid}`);
    const table = await screen.findByRole('table', { name: 'ESET snapshot' }, { timeout: 10_000 });
    expect(await within(table).findByRole('link', { name: first!.esetDisplayName })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: second!.esetDisplayName })).toBeInTheDocument();
    expect(batchGets(sim)).toHaveLength(1);
    // One column holds the IP over the MAC (the ESET spelling, upper case with colons).
    const row = within(table)
      .getByRole('link', { name: first!.esetDisplayName })
      .closest('tr') as HTMLElement;
    const addresses = within(row).getByText(first!.ip).closest('td') as HTMLElement;
    expect(addresses).toHaveTextContent(first!.mac.match(/../g)!.join(':'));
  });

  it('counts a device\'s problems in words: "1 problem", "3 problems"', async () => {
    const counted = (count: number) =>
      sim.tenant.esetDevices.devices().find((device) => Number(device.functionalityProblemCount) === count);
    const [one, three] = [counted(1), counted(3)];
    renderDevices(`/devices?tab=eset&uuids=${one!.uuid},${three!.uuid}`);
    const table = await screen.findByRole('table', { name: 'ESET snapshot' }, { timeout: 10_000 });
    const rowOf = async (name: string) =>
      (await within(table).findByRole('link', { name })).closest('tr') as HTMLElement;
    expect(await rowOf(one!.displayName!)).toHaveTextContent(/(?<!\d)1 problem(?!s)/);
    expect(await rowOf(three!.displayName!)).toHaveTextContent(/(?<!\d)3 problems/);
  });

  it('names a UUID ESET does not know and still shows the others as one time point', async () => {
    const [first, second] = sim.tenant.world.esetMachines;
    const unknown = '00000000-0000-4000-8000-000000000000';
    renderDevices(`/devices?tab=eset&uuids=${first!.esetUuid},${unknown},${second!.esetUuid}`);
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert).toHaveTextContent('ESET does not know 1 of these devices');
    expect(within(alert).getByText(unknown)).toBeInTheDocument();
    expect(screen.getByText(/other 2 devices were read again in one batch/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'ESET snapshot' });
    expect(within(table).getByRole('link', { name: first!.esetDisplayName })).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: second!.esetDisplayName })).toBeInTheDocument();
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

describe('Slow answers and failures', { timeout: 30_000 }, () => {
  it('shows "ESET is preparing the answer" with its upper bound while a 202 is replayed, then the snapshot', async () => {
    // A batch above the simulator's threshold (50) answers 202 + response-id until it is ready.
    const uuids = sim.tenant.world.esetMachines.slice(0, 51).map((machine) => machine.esetUuid);
    renderDevices(`/devices?tab=eset&uuids=${uuids.join(',')}`);
    const heading = await screen.findByText('ESET is preparing the answer', {}, { timeout: 10_000 });
    // The notice is a live region (role status), as are the loading placeholders around it.
    const notice = heading.closest('[role="status"]');
    expect(notice).toHaveTextContent(/devices:batchGet: asked 1 time.*gives up after 150 s/);
    sim.tenant.clock.advance(sim.tenant.esetDevices.slowAnswers.readyAfterMs);
    const table = await screen.findByRole('table', { name: 'ESET snapshot' }, { timeout: 10_000 });
    expect(within(table).getAllByRole('row')).toHaveLength(52);
    expect(screen.queryByText('ESET is preparing the answer')).not.toBeInTheDocument();
    const replays = batchGets(sim);
    expect(replays.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the other vendors on screen when one fails, with the vendor request id', async () => {
    sim.server.use(
      http.get(`${window.location.origin}/api/eset/v1/devices`, () =>
        HttpResponse.json(
          { code: 7, message: 'Access denied. Check permissions.' },
          { status: 403, headers: { 'request-id': 'req-eset-403' } },
        ),
      ),
    );
    renderDevices('/devices?cylance=yes');
    expect(await screen.findByText(/HTTP 403/, {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.getByText('req-eset-403')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Machines' });
    expect(within(table).getAllByRole('row').length).toBeGreaterThan(1);
    expect(screen.queryByLabelText(/Known to .*ESET/)).not.toBeInTheDocument();
  });
});
