import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NuqsTestingAdapter, type UrlUpdateEvent } from 'nuqs/adapters/testing';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { prismaPacer } from '../../../api/prisma/verdicts.ts';
import { createQueryClient } from '../../../app/query-client.ts';
import { useSimServer } from '../../../test/sim-server.ts';
import { simTiming } from '../../../test/sim-timing.ts';
import { NetworkVerdictsTab } from './network-verdicts-tab.tsx';
import { VerdictBrowser } from './verdict-browser.tsx';

const sim = useSimServer({ prismaVerdicts: 300 });

beforeEach(() => {
  prismaPacer.reset();
  prismaPacer.timing = simTiming(sim);
});

function renderWithUrl(ui: React.ReactNode, search = '') {
  const urls: URLSearchParams[] = [];
  render(
    <MantineProvider>
      <QueryClientProvider client={createQueryClient()}>
        <NuqsTestingAdapter
          searchParams={search}
          hasMemory
          onUrlUpdate={(event: UrlUpdateEvent) => urls.push(event.searchParams)}
        >
          {ui}
        </NuqsTestingAdapter>
      </QueryClientProvider>
    </MantineProvider>,
  );
  return urls;
}

const dataRows = () =>
  within(screen.getByRole('table', { name: 'Network verdicts' }))
    .getAllByRole('row')
    .slice(1);

// Rendering the whole tab under jsdom on a shared 2-core machine takes a few seconds.
describe('NetworkVerdictsTab against the simulator', { timeout: 20_000 }, () => {
  it('dumps all verdicts, shows statistics and filters by vendor', async () => {
    const urls = renderWithUrl(<NetworkVerdictsTab />);
    expect(await screen.findByText('300 of 300 verdicts shown')).toBeInTheDocument();
    expect(screen.getByText('All verdicts loaded')).toBeInTheDocument();
    expect(await screen.findByText('Device-ID statistics')).toBeInTheDocument();
    expect(sim.tenant.prismaVerdicts.rateLimit.refused).toBe(0);

    const axis = sim.tenant.world.prismaMachines.filter((machine) => machine.vendor === 'Axis').length;
    await userEvent.click(screen.getByRole('textbox', { name: 'Vendor' }));
    await userEvent.paste('axis');
    expect(await screen.findByText(`${axis} of 300 verdicts shown`)).toBeInTheDocument();
    await waitFor(() => expect(urls.at(-1)?.get('vvendor')).toBe('axis'));
    expect(dataRows().length).toBeLessThanOrEqual(axis);
    expect(dataRows().length).toBeGreaterThan(0);
    expect(dataRows().every((row) => within(row).queryByText('Axis') !== null)).toBe(true);
  });

  it('finds a row by any MAC spelling and counts verdicts per category', async () => {
    renderWithUrl(<NetworkVerdictsTab />);
    await screen.findByText('300 of 300 verdicts shown');
    const machine = sim.tenant.world.prismaMachines[5]!;
    const cylanceSpelling = machine.mac.match(/../g)!.join('-');
    await userEvent.click(screen.getByRole('textbox', { name: 'MAC' }));
    await userEvent.paste(cylanceSpelling);
    expect(await screen.findByText('1 of 300 verdicts shown')).toBeInTheDocument();
    expect(within(dataRows()[0]!).getByText(machine.ip)).toBeInTheDocument();

    const counts = screen.getByRole('list', { name: 'Verdicts per category' });
    expect(within(counts).getAllByRole('listitem')).toHaveLength(1);
  });

  it('looks up IPs from the URL and names the ones Prisma does not know', async () => {
    const known = sim.tenant.world.prismaMachines[2]!;
    renderWithUrl(<NetworkVerdictsTab />, `?ip=${known.ip},192.0.2.55`);
    const results = await screen.findByRole('table', { name: 'Lookup results' });
    expect(within(results).getByText(known.ip)).toBeInTheDocument();
    expect(screen.getByText('No verdict for 192.0.2.55.')).toBeInTheDocument();
  });

  it('rejects a malformed or too long IP list without calling Prisma', async () => {
    const urls = renderWithUrl(<NetworkVerdictsTab />);
    await screen.findByText('300 of 300 verdicts shown');
    const box = screen.getByRole('textbox', { name: /Look up IP addresses/ });
    await userEvent.type(box, '10.0.0.1, 10.0.0.300');
    await userEvent.click(screen.getByRole('button', { name: 'Look up' }));
    expect(await screen.findByText(/10\.0\.0\.300: .*above 255/)).toBeInTheDocument();
    expect(urls.some((url) => url.has('ip'))).toBe(false);
    expect(sim.requests.some((request) => new URL(request.url).searchParams.has('ip'))).toBe(false);
  });

  it('refuses a hand-edited link with more than 10 IPs or a malformed one, naming why', async () => {
    const eleven = Array.from({ length: 11 }, (_, index) => `10.16.0.${index + 1}`).join(',');
    renderWithUrl(<NetworkVerdictsTab />, `?ip=${eleven},not-an-ip`);
    expect(await screen.findByText(/at most 10 IP addresses per lookup/)).toBeInTheDocument();
    expect(screen.getByText(/not-an-ip: /)).toBeInTheDocument();
    expect(sim.requests.some((request) => new URL(request.url).searchParams.has('ip'))).toBe(false);
  });
});

describe('VerdictBrowser sorting', () => {
  const verdicts: Verdict[] = [
    { ip: '10.10.0.1', vendor: 'HP', updateTime: 1_700_000_300 },
    { ip: '10.2.0.1', vendor: 'dell', updateTime: 1_700_000_100 },
    { ip: '10.9.0.1', vendor: 'Axis', updateTime: 1_700_000_200 },
  ];
  const firstCells = () => dataRows().map((row) => within(row).getAllByRole('cell')[0]?.textContent);
  const header = (name: string) =>
    within(screen.getByRole('table', { name: 'Network verdicts' })).getByRole('button', { name });

  it('sorts by a header click (IPs by address, times newest first), keeps it in the URL, and reads it back', async () => {
    const urls = renderWithUrl(<VerdictBrowser verdicts={verdicts} />);
    expect(firstCells()).toEqual(['10.10.0.1', '10.2.0.1', '10.9.0.1']);
    await userEvent.click(header('IP'));
    expect(firstCells()).toEqual(['10.2.0.1', '10.9.0.1', '10.10.0.1']);
    expect(screen.getByRole('columnheader', { name: 'IP ▲' })).toHaveAttribute('aria-sort', 'ascending');
    await waitFor(() => expect(urls.at(-1)?.get('vsort')).toBe('ip'));
    await userEvent.click(header('IP ▲'));
    expect(firstCells()).toEqual(['10.10.0.1', '10.9.0.1', '10.2.0.1']);
    await userEvent.click(header('Updated (UTC)'));
    expect(firstCells()).toEqual(['10.10.0.1', '10.9.0.1', '10.2.0.1']);
    await waitFor(() => expect(urls.at(-1)?.get('vsort')).toBe('-updateTime'));
  });

  it('opens a link with a sort and a filter already applied', () => {
    renderWithUrl(<VerdictBrowser verdicts={verdicts} />, '?vsort=-vendor&vip=10.');
    // Case-insensitive text order, descending: HP, dell, Axis.
    expect(firstCells()).toEqual(['10.10.0.1', '10.2.0.1', '10.9.0.1']);
    expect(screen.getByText('3 of 3 verdicts shown')).toBeInTheDocument();
  });
});

describe('VerdictBrowser at 100 000 rows', () => {
  it('keeps a few dozen rows in the DOM, before and after filtering', async () => {
    const verdicts: Verdict[] = Array.from({ length: 100_000 }, (_, index) => ({
      ip: `10.${16 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`,
      mac: `0a:00:00:${((index >> 16) & 255).toString(16).padStart(2, '0')}:${((index >> 8) & 255).toString(16).padStart(2, '0')}:${(index & 255).toString(16).padStart(2, '0')}`,
      category: index % 3 === 0 ? 'Printer' : 'Personal Computer',
      vendor: index % 3 === 0 ? 'HP' : 'Dell Inc.',
      updateTime: 1_700_000_000 + index,
    }));
    renderWithUrl(<VerdictBrowser verdicts={verdicts} />);
    expect(screen.getByText('100,000 of 100,000 verdicts shown')).toBeInTheDocument();
    expect(dataRows().length).toBeLessThan(40);
    await userEvent.click(screen.getByRole('button', { name: 'Printer: 33,334' }));
    expect(await screen.findByText('33,334 of 100,000 verdicts shown')).toBeInTheDocument();
    expect(dataRows().length).toBeLessThan(40);
    expect(within(dataRows()[0]!).getByText('HP')).toBeInTheDocument();
  }, 30_000);
});
