import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSimServer } from '../../test/sim-server.ts';
import { clearTrackedFileRetrievals, fileRetrievalKey } from '../../tracking/file-retrievals.ts';
import { renderFileRetrievalsPage, serveGatewayConfig } from './test-render.tsx';

// Debounced search (300 ms) plus simulated round trips on a shared 2-core machine: 1 s is too tight.
configure({ asyncUtilTimeout: 5_000 });

const sim = useSimServer({ pendingMinMs: 5_000, pendingMaxMs: 5_000 });
beforeEach(() => {
  serveGatewayConfig(sim);
  clearTrackedFileRetrievals();
});

function firstDevice() {
  const device = sim.tenant.cylanceDevices.list[0]!;
  return { name: device.name, opticsId: device.id.replaceAll('-', '').toUpperCase() };
}

const getfileCalls = () => sim.requests.filter((request) => /\/getfile$/.test(new URL(request.url).pathname));

// Real poll intervals (2 s minimum) and a busy CI machine: give each test room.
describe('file retrievals page against the simulator', { timeout: 20_000 }, () => {
  it('prefills the device search from a device page link (?device=<OPTICS_ID>)', async () => {
    const device = firstDevice();
    renderFileRetrievalsPage(`?device=${device.opticsId}`);
    expect(screen.getByRole('textbox', { name: /^Device/ })).toHaveValue(device.opticsId);
    expect(await screen.findByRole('button', { name: new RegExp(`Use ${device.name}`) })).toBeInTheDocument();
  });

  it('requests a file: PENDING, then AVAILABLE with hashes, a hidden password and a counted-down link', async () => {
    sim.tenant.fileRetrievals.planOutcomes('AVAILABLE');
    const device = firstDevice();
    const path = 'C:\\Users\\Åsa Öberg\\Start Menu\\løader 1.vbs';
    const { user } = renderFileRetrievalsPage();

    await user.type(screen.getByRole('textbox', { name: /^Device/ }), device.name);
    await user.click(await screen.findByRole('button', { name: new RegExp(`Use ${device.name}`) }));
    await user.click(screen.getByRole('textbox', { name: /File path/ }));
    await user.paste(path);
    await user.click(screen.getByRole('button', { name: 'Request file' }));

    const tracked = screen.getByRole('table', { name: 'Tracked file retrievals' });
    expect(await within(tracked).findByText('Pending')).toBeInTheDocument();
    expect(within(tracked).getByText(path)).toBeInTheDocument();
    // The path went out byte for byte in the JSON body.
    expect(await getfileCalls()[0]!.clone().json()).toEqual({ file_path: path });

    sim.tenant.clock.advance(5_000);
    const details = screen.getByRole('region', { name: 'Retrieval details' });
    // The first poll comes after the 2 s minimum interval (src/lib/polling.ts).
    expect(await within(details).findByText('Available', {}, { timeout: 8_000 })).toBeInTheDocument();
    expect(await screen.findByText('File retrieval: Available')).toBeInTheDocument();

    const item = sim.tenant.fileRetrievals.find(device.opticsId, path)!;
    expect(within(details).getByText(item.sha256)).toBeInTheDocument();
    expect(within(details).getByRole('button', { name: 'Copy SHA-256' })).toBeInTheDocument();
    const password = within(details).getByRole('textbox', { name: 'Decrypt password' });
    expect(password).not.toHaveValue(item.password);
    expect(details.innerHTML).not.toContain(item.password);
    await user.click(within(details).getByRole('button', { name: 'Reveal password' }));
    expect(password).toHaveValue(item.password);

    const link = within(details).getByRole('link', { name: 'Download the file' });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('href', expect.stringContaining('/sim-downloads/cylance/'));
    expect(within(details).getByRole('timer')).toHaveTextContent(/Link expires in (10:00|9:5\d)/);

    // Tracked without any secret: a reload finds the entry, never the password or the link.
    const stored = JSON.stringify(localStorage);
    expect(stored).toContain(device.opticsId);
    expect(stored).not.toContain(item.password);
    expect(stored).not.toContain('/sim-downloads/');
  });

  it('shows UNAVAILABLE with when it becomes retryable, then RETRY_REQUEST an hour later', async () => {
    const device = firstDevice();
    const path = '/var/log/auth.log';
    sim.tenant.fileRetrievals.planOutcomes('UNAVAILABLE', 'AVAILABLE');
    sim.tenant.fileRetrievals.request(device.opticsId, path);
    sim.tenant.clock.advance(5_000);
    const key = fileRetrievalKey({ deviceId: device.opticsId, filePath: path });
    const { user } = renderFileRetrievalsPage(`?selected=${encodeURIComponent(key)}`);

    const details = await screen.findByRole('region', { name: 'Retrieval details' });
    expect(await within(details).findByText('Device offline or upload failed')).toBeInTheDocument();
    expect(
      within(details).getByText(/requested again one hour after it became unavailable: around/),
    ).toBeInTheDocument();
    expect(within(details).queryByRole('button', { name: /^Request/ })).not.toBeInTheDocument();

    sim.tenant.clock.advance(60 * 60_000);
    await user.click(within(details).getByRole('button', { name: 'Check status' }));
    expect(await within(details).findByText('Retry possible')).toBeInTheDocument();
    await user.click(within(details).getByRole('button', { name: 'Request again' }));
    expect(await within(details).findByText('Pending')).toBeInTheDocument();
    expect(getfileCalls()).toHaveLength(1);
  });

  it('refreshes an expired download link with "Get a new link"', async () => {
    const device = firstDevice();
    const path = 'C:\\Windows\\Temp\\a.exe';
    sim.tenant.fileRetrievals.planOutcomes('AVAILABLE');
    sim.tenant.fileRetrievals.request(device.opticsId, path);
    sim.tenant.clock.advance(5_000);
    const key = fileRetrievalKey({ deviceId: device.opticsId, filePath: path });
    const { user } = renderFileRetrievalsPage(`?selected=${encodeURIComponent(key)}`);
    const details = await screen.findByRole('region', { name: 'Retrieval details' });
    const first = (await within(details).findByRole('link', { name: 'Download the file' })).getAttribute(
      'href',
    );

    // Eleven minutes later on both clocks: the browser's countdown and the simulated storage host.
    const realNow = Date.now;
    Date.now = () => realNow() + 11 * 60_000;
    sim.tenant.clock.advance(11 * 60_000);
    try {
      await user.click(
        await within(details).findByRole('button', { name: 'Get a new link' }, { timeout: 3_000 }),
      );
      const fresh = await within(details).findByRole('link', { name: 'Download the file' });
      expect(fresh.getAttribute('href')).not.toBe(first);
      expect(within(details).getByRole('timer')).toHaveTextContent(/Link expires in (10:00|9:5\d)/);
    } finally {
      Date.now = realNow;
    }
  });

  it('finds a device by part of its name, in any case, and picks it', async () => {
    const device = firstDevice();
    const part = device.name.slice(1, -1).toLowerCase();
    const { user } = renderFileRetrievalsPage();
    await user.type(screen.getByRole('textbox', { name: /^Device/ }), part);
    const suggestions = await screen.findByRole('group', { name: 'Devices whose name contains it' });
    await user.click(within(suggestions).getByRole('button', { name: new RegExp(`Use ${device.name} `) }));
    const picked = screen.getByRole('button', { name: 'Change device' }).parentElement!;
    expect(within(picked).getByText(device.name)).toBeInTheDocument();
    expect(within(picked).getByText(device.opticsId)).toBeInTheDocument();
  });

  it('rejects a relative path and an unknown device with reasons, sending no request', async () => {
    const { user } = renderFileRetrievalsPage();
    await user.type(screen.getByRole('textbox', { name: /^Device/ }), 'NO-SUCH-HOST');
    expect(await screen.findByText(/No Cylance device matches “NO-SUCH-HOST”/)).toBeInTheDocument();
    await user.click(screen.getByRole('textbox', { name: /File path/ }));
    await user.paste('Users\\a\\x.exe');
    expect(screen.getByText(/is relative: give an absolute path/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request file' }));
    expect(screen.getByText(/Pick a device first: no request is sent/)).toBeInTheDocument();
    expect(getfileCalls()).toHaveLength(0);
  });

  it('bulk-requests one path on many devices with a result per device', async () => {
    const [a, b] = sim.tenant.cylanceDevices.list;
    const { user } = renderFileRetrievalsPage('?mode=bulk');
    await user.type(
      screen.getByRole('textbox', { name: /^Devices/ }),
      `${a!.name}\n${b!.id}\nGHOST-01\n${a!.id.replaceAll('-', '').toUpperCase()}`,
    );
    await user.click(screen.getByRole('textbox', { name: /File path/ }));
    await user.paste('/tmp/x.sh');
    await user.click(screen.getByRole('button', { name: 'Request on 4 devices' }));

    const results = await screen.findByRole('table', { name: 'Bulk request results' });
    await waitFor(() => expect(screen.getByRole('status', { name: '' })).toHaveTextContent('4 of 4 done'));
    expect(within(results).getByText(`${a!.name}: PENDING`)).toBeInTheDocument();
    expect(within(results).getByText(`${b!.name}: PENDING`)).toBeInTheDocument();
    expect(
      within(results).getByText(/No Cylance device is named GHOST-01; no request sent/),
    ).toBeInTheDocument();
    expect(
      within(results).getByText(`${a!.name} is already in this run; not sent twice`),
    ).toBeInTheDocument();
    expect(getfileCalls()).toHaveLength(2);
    const tracked = screen.getByRole('table', { name: 'Tracked file retrievals' });
    expect(within(tracked).getAllByText('/tmp/x.sh')).toHaveLength(2);
  });

  it('imports a shared link into the tracked list and keeps it after a remount', async () => {
    const device = firstDevice();
    sim.tenant.fileRetrievals.request(device.opticsId, 'C:\\a b\\c.txt');
    const key = fileRetrievalKey({ deviceId: device.opticsId, filePath: 'C:\\a b\\c.txt' });
    const first = renderFileRetrievalsPage(`?track=${encodeURIComponent(key)}&track=not-a-key`);
    const tracked = await screen.findByRole('table', { name: 'Tracked file retrievals' });
    expect(await within(tracked).findByText('C:\\a b\\c.txt')).toBeInTheDocument();
    expect(within(tracked).getAllByRole('row')).toHaveLength(2);
    first.unmount();
    renderFileRetrievalsPage();
    expect(await screen.findByText('C:\\a b\\c.txt')).toBeInTheDocument();
  });

  it('pages and sorts the history at the vendor, filters the current page, and tracks a row', async () => {
    const { user } = renderFileRetrievalsPage('?size=10');
    const history = await screen.findByRole('table', { name: 'File retrieval history' });
    expect(await screen.findByText('150 retrievals in total')).toBeInTheDocument();
    expect(within(history).getAllByRole('row')).toHaveLength(11);
    const requested = within(history).getByRole('columnheader', { name: /^Requested(?! by)/ });
    expect(requested).toHaveAttribute('aria-sort', 'descending');

    await user.click(within(history).getByRole('button', { name: /^Device/ }));
    await waitFor(() =>
      expect(within(history).getByRole('columnheader', { name: /Device/ })).toHaveAttribute(
        'aria-sort',
        'ascending',
      ),
    );
    const lastRequest = new URL(sim.requests.at(-1)!.url);
    expect(lastRequest.searchParams.get('sort')).toBe('hostname');
    expect(lastRequest.searchParams.get('page_size')).toBe('10');

    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(new URL(sim.requests.at(-1)!.url).searchParams.get('page')).toBe('2'));

    const row = within(history).getAllByRole('row')[1]!;
    const path = within(row).getAllByText(/[\\/]/)[0]!.textContent!;
    await user.type(
      screen.getByRole('textbox', { name: 'Host, device id or path (this page only)' }),
      'zzz-no-match',
    );
    expect(await screen.findByText('No row of this page matches the filters.')).toBeInTheDocument();
    await user.clear(screen.getByRole('textbox', { name: 'Host, device id or path (this page only)' }));

    await user.click(
      within(await screen.findByRole('table', { name: 'File retrieval history' })).getAllByRole('button', {
        name: /^Track /,
      })[0]!,
    );
    const tracked = screen.getByRole('table', { name: 'Tracked file retrievals' });
    expect(await within(tracked).findByText(path)).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Retrieval details' })).toBeInTheDocument();
  });
});
