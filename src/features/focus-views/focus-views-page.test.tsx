import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestablePairs } from '../../../sim/cylance/focus-view-state.ts';
import { toCylanceDeviceUuid } from '../../lib/device-id.ts';
import { encodePairs } from '../../lib/focus-pair-codec.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { renderFocusViewsPage } from './test-render.tsx';

const sim = useSimServer({ pendingMinMs: 10_000, pendingMaxMs: 10_000 });
// Before each test, not after: a page still mounted during teardown could re-adopt its link's set.
beforeEach(() => lookupSetStore.clear());
// Mantine tables under jsdom on a shared 2-core machine are slow to render: give the UI time.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 8_000 });

const searches = () =>
  sim.requests.filter((request) => new URL(request.url).pathname.endsWith('/foci/v2/search'));

function paste(text: string) {
  fireEvent.change(screen.getByRole('textbox', { name: /pairs to look up/i }), { target: { value: text } });
}

describe('Focus views status lookup', () => {
  it('says why the lookup cannot start, and lists unreadable lines with their number', async () => {
    renderFocusViewsPage('?tab=lookup');
    expect(screen.getByRole('button', { name: 'Paste pairs or upload a CSV first' })).toBeDisabled();
    const [pair] = requestablePairs(sim.tenant, 1);
    paste(
      `uid,device_id\n${pair!.uid},${pair!.device_id}\nnot a pair at all\n${pair!.uid},${pair!.device_id.toLowerCase()}`,
    );
    expect(await screen.findByRole('button', { name: 'Look up 1 pair' })).toBeEnabled();
    expect(screen.getByText(/1 duplicate dropped, 1 could not be read/)).toBeInTheDocument();
    expect(screen.getByText(/Line 3: "a" is not a device id/)).toBeInTheDocument();
  });

  it('looks pairs up, requests them after confirming, and watches PENDING resolve with one toast', async () => {
    const pairs = requestablePairs(sim.tenant, 3);
    const { user } = renderFocusViewsPage('?tab=lookup');
    // Three spellings of the device id: all become the Optics form.
    paste(
      [
        `${pairs[0]!.uid} ${pairs[0]!.device_id}`,
        `${pairs[1]!.uid}\t${toCylanceDeviceUuid(pairs[1]!.device_id)}`,
        `${pairs[2]!.uid.toLowerCase()},${pairs[2]!.device_id.toLowerCase()}`,
      ].join('\n'),
    );
    await user.click(await screen.findByRole('button', { name: 'Look up 3 pairs' }));
    const table = await screen.findByRole('table', { name: 'Lookup results' });
    await waitFor(() => expect(within(table).getAllByText('Can request')).toHaveLength(3));
    expect(JSON.parse(localStorage.getItem('triage.focus-lookup.v1') ?? '{}').pairs).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Request all requestable (3)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request 3 focus views' });
    await user.click(within(dialog).getByRole('button', { name: 'Request 3 focus views' }));
    await waitFor(() => expect(within(table).getAllByText('Pending')).toHaveLength(3));

    sim.tenant.clock.advance(10_000);
    await waitFor(() => expect(within(table).queryAllByText('Pending')).toHaveLength(0), { timeout: 10_000 });
    const notices = await screen.findAllByText(/3 focus views became|focus views? became/);
    expect(notices).toHaveLength(1);
    const available = within(table).queryAllByRole('link');
    for (const link of available) expect(link.getAttribute('href')).toMatch(/^\/focus-views\/[0-9a-f-]{36}$/);
  });

  it('splits 201 pairs into searches of 200 and 1 instead of asking the vendor for 201', async () => {
    lookupSetStore.replace(requestablePairs(sim.tenant, 201));
    renderFocusViewsPage('?tab=lookup');
    expect(await screen.findByText('Can request: 201')).toBeInTheDocument();
    const bodies = await Promise.all(searches().map((request) => request.clone().json()));
    expect(bodies.map((body) => body.length).sort()).toEqual([1, 200]);
  });

  it('marks only the failing chunk with the vendor error and its request id; a malformed answer is a contract error', async () => {
    const pairs = requestablePairs(sim.tenant, 401);
    let calls = 0;
    sim.server.use(
      http.post('*/api/cylance/foci/v2/search', async ({ request }) => {
        const body = (await request.clone().json()) as { uid: string }[];
        calls++;
        if (body[0]?.uid === pairs[0]!.uid) {
          return HttpResponse.json(
            { message: 'insufficient privileges', status: 'ACCESS_DENIED' },
            { status: 403, headers: { 'x-request-id': 'req-403' } },
          );
        }
        if (body.length === 1) return HttpResponse.json([{ uid: 42 }]);
        return undefined;
      }),
    );
    lookupSetStore.replace(pairs);
    renderFocusViewsPage('?tab=lookup&rsize=25');
    expect(await screen.findByText('Can request: 200')).toBeInTheDocument();
    expect(screen.getByText('Not checked: 201')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Lookup results' });
    expect(within(table).getAllByText(/HTTP 403.*insufficient privileges.*Request id req-403/)).toHaveLength(
      25,
    );
    expect(calls).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Results page 17' }));
    expect(await within(table).findByText(/unexpected shape/)).toBeInTheDocument();
  });

  it('reproduces a lookup set from the URL alone', async () => {
    const pairs = requestablePairs(sim.tenant, 4);
    renderFocusViewsPage(`?set=${encodePairs(pairs)}&show=REQUEST`);
    const table = await screen.findByRole('table', { name: 'Lookup results' });
    await waitFor(() => expect(within(table).getAllByText('Can request')).toHaveLength(4));
    expect(within(table).getByText(pairs[3]!.uid)).toBeInTheDocument();
  });

  it('names pasted pairs from the Cylance inventory, so the text filter finds them by hostname', async () => {
    const pairs = requestablePairs(sim.tenant, 4);
    const device = sim.tenant.cylanceDevices.list.find(
      (candidate) => candidate.id === toCylanceDeviceUuid(pairs[0]!.device_id),
    )!;
    const sameDevice = pairs.filter((pair) => pair.device_id === pairs[0]!.device_id).length;
    renderFocusViewsPage(`?set=${encodePairs(pairs)}&find=${encodeURIComponent(device.name.toLowerCase())}`);
    const table = await screen.findByRole('table', { name: 'Lookup results' });
    await waitFor(() => expect(within(table).getAllByText(device.name)).toHaveLength(sameDevice));
    expect(within(table).getAllByRole('row')).toHaveLength(sameDevice + 1);
  });

  it('reads the inventory for names only once the statuses are in: both share the Cylance rate limit', async () => {
    const pairs = requestablePairs(sim.tenant, 2);
    const device = sim.tenant.cylanceDevices.list.find(
      (candidate) => candidate.id === toCylanceDeviceUuid(pairs[0]!.device_id),
    )!;
    let answerSearch = () => {};
    const searchHeld = new Promise<void>((resolve) => {
      answerSearch = resolve;
    });
    sim.server.use(
      http.post('*/api/cylance/foci/v2/search', async () => {
        await searchHeld;
        return undefined;
      }),
    );
    renderFocusViewsPage(`?set=${encodePairs(pairs)}`);
    await waitFor(() => expect(searches()).toHaveLength(1));
    const inventoryReads = () =>
      sim.requests.filter((request) => new URL(request.url).pathname.endsWith('/devices/v2'));
    expect(inventoryReads()).toHaveLength(0);
    answerSearch();
    const table = await screen.findByRole('table', { name: 'Lookup results' });
    expect((await within(table).findAllByText(device.name)).length).toBeGreaterThan(0);
    expect(inventoryReads().length).toBeGreaterThan(0);
  });

  it('asks before a shared link replaces a different tracked set', async () => {
    const [mine, ...theirs] = requestablePairs(sim.tenant, 4);
    lookupSetStore.replace([mine!]);
    const { user } = renderFocusViewsPage(`?set=${encodePairs(theirs)}`);
    expect(await screen.findByText('This link carries a different lookup set')).toBeInTheDocument();
    expect(lookupSetStore.getSnapshot().pairs).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: "Open the link's 3 pairs" }));
    expect(await screen.findByText('Can request: 3')).toBeInTheDocument();
    expect(lookupSetStore.getSnapshot().pairs.map((pair) => pair.uid)).toEqual(
      theirs.map((pair) => pair.uid),
    );
  });

  it('keeps the set across a reload, with its statuses, until the analyst clears it', async () => {
    const pairs = requestablePairs(sim.tenant, 2);
    const first = renderFocusViewsPage('?tab=lookup');
    paste(pairs.map((pair) => `${pair.uid},${pair.device_id}`).join('\n'));
    fireEvent.click(await screen.findByRole('button', { name: 'Look up 2 pairs' }));
    expect(await screen.findByText('Can request: 2')).toBeInTheDocument();
    first.unmount();

    const { user } = renderFocusViewsPage('?tab=lookup');
    expect(await screen.findByText('Can request: 2')).toBeInTheDocument();
    expect(screen.getByText(pairs[1]!.uid)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear the lookup set' }));
    await user.click(screen.getByRole('button', { name: 'Clear 2 pairs' }));
    expect(await screen.findByText(/No pairs tracked/)).toBeInTheDocument();
    expect(localStorage.getItem('triage.focus-lookup.v1')).toBeNull();
  });
});

describe('Existing focus views', () => {
  it('pages the vendor list with filters in the URL and sends selected rows to the lookup', async () => {
    const { user, lastUrl } = renderFocusViewsPage('?status=AVAILABLE&size=10');
    const table = await screen.findByRole('table', { name: 'Existing focus views' });
    await waitFor(() => expect(within(table).getAllByText('Available')).toHaveLength(10));
    const list = sim.requests.find((request) => new URL(request.url).pathname.endsWith('/foci/v2'));
    expect(new URL(list!.url).searchParams.get('status')).toBe('AVAILABLE');
    const boxes = within(table).getAllByRole('checkbox', { name: /^Select focus view/ });
    await user.click(boxes[0]!);
    await user.click(boxes[1]!);
    expect(lastUrl()?.get('pick')?.split(',')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Add 2 selected to the lookup' }));
    const results = await screen.findByRole('table', { name: 'Lookup results' });
    await waitFor(() => expect(within(results).getAllByText('Available')).toHaveLength(2));
    expect(lookupSetStore.getSnapshot().pairs.every((pair) => pair.artifact_type && pair.hostname)).toBe(
      true,
    );
  });

  it('filters by status and artifact type and changes the page size from the selects, back to Any', async () => {
    const { user, lastUrl } = renderFocusViewsPage();
    const table = await screen.findByRole('table', { name: 'Existing focus views' });
    const lastList = () =>
      Object.fromEntries(
        new URL(
          sim.requests.filter((request) => new URL(request.url).pathname.endsWith('/foci/v2')).at(-1)!.url,
        ).searchParams,
      );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Pending');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Artifact type' }), 'Process');
    await waitFor(() => expect(lastList()).toMatchObject({ status: 'PENDING', artifact_type: 'Process' }));
    expect(lastUrl()?.get('status')).toBe('PENDING');
    await waitFor(() => expect(within(table).getAllByText('Pending').length).toBeGreaterThan(0));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Any');
    await waitFor(() => expect(lastUrl()?.has('status')).toBe(false));
    await waitFor(() => expect(lastList().status).toBeUndefined());
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    await waitFor(() => expect(lastList().page_size).toBe('50'));
    expect(lastUrl()?.get('size')).toBe('50');
  });

  it('sorts at the vendor from a column header and filters by typing a hostname', async () => {
    const { user, lastUrl } = renderFocusViewsPage();
    const table = await screen.findByRole('table', { name: 'Existing focus views' });
    await user.click(within(table).getByRole('button', { name: 'Hostname' }));
    await waitFor(() => expect(lastUrl()?.get('sort')).toBe('hostname'));
    const machine = sim.tenant.focusViews.views[0]!;
    fireEvent.change(screen.getByRole('textbox', { name: 'Hostname' }), {
      target: { value: machine.hostname },
    });
    await waitFor(() => expect(within(table).getAllByText(machine.hostname).length).toBeGreaterThan(0));
    await waitFor(() => {
      const last = sim.requests
        .filter((request) => new URL(request.url).pathname.endsWith('/foci/v2'))
        .at(-1)!;
      expect(Object.fromEntries(new URL(last.url).searchParams)).toMatchObject({
        hostname: machine.hostname,
        sort: 'hostname',
        page: '1',
      });
    });
  });
});
