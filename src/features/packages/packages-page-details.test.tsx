import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useSimServer } from '../../test/sim-server.ts';
import { packageRequests, renderPackagesPage, serveDemoConfig } from './packages-test-helpers.tsx';

const sim = useSimServer();
beforeEach(() => serveDemoConfig(sim));

function renderedNames(): string[] {
  const rows = within(screen.getByRole('table', { name: 'Packages' }))
    .getAllByRole('row')
    .slice(1);
  return rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

describe('PackagesPage paging, details and export', () => {
  it('keeps the previous page on screen while the next one loads, then pushes the page to the URL', async () => {
    const user = userEvent.setup();
    const { urls } = renderPackagesPage();
    await screen.findByText('120 packages · page 1 of 6');
    const firstPage = renderedNames();

    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Holds page 2 back, then lets the simulator's own handler answer.
    sim.server.use(
      http.get(`${window.location.origin}/api/cylance/packages/v2`, async ({ request }) => {
        if (new URL(request.url).searchParams.get('page') === '2') await gate;
        return undefined;
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Page 2' }));
    expect(urls.at(-1)).toBe('?page=2');
    await waitFor(() => expect(packageRequests(sim).at(-1)?.get('page')).toBe('2'));
    expect(renderedNames()).toEqual(firstPage);

    release();
    expect(await screen.findByText('120 packages · page 2 of 6')).toBeInTheDocument();
    expect(renderedNames()).not.toEqual(firstPage);
    expect(renderedNames()).toHaveLength(20);
  });

  it('changes the page size at the vendor and starts again at page 1', async () => {
    const user = userEvent.setup();
    const { urls } = renderPackagesPage('?page=4');
    await screen.findByText('120 packages · page 4 of 6');
    await user.selectOptions(screen.getByLabelText('Rows per page'), '50');
    expect(await screen.findByText('120 packages · page 1 of 3')).toBeInTheDocument();
    expect(urls.at(-1)).toBe('?pageSize=50');
    expect(packageRequests(sim).at(-1)?.toString()).toBe('page=1&page_size=50&sort=-uploadedOn');
    expect(renderedNames()).toHaveLength(50);
  });

  it('opens a details panel with the description, package info, copyable examples and the download link', async () => {
    const user = userEvent.setup();
    const { urls } = renderPackagesPage();
    await screen.findByText('120 packages · page 1 of 6');
    const [first] = within(screen.getByRole('table', { name: 'Packages' }))
      .getAllByRole('button', {
        name: /.+/,
      })
      .filter((button) => button.closest('td'));
    const item = sim.tenant.packages.list.find(
      (candidate) => candidate.packageDescriptor.name === first!.textContent,
    )!;
    await user.click(first!);
    const panel = await screen.findByRole('dialog', { name: item.packageDescriptor.name });
    expect(urls.at(-1)).toBe(`?package=${item.packageId}`);
    expect(panel).toHaveTextContent(item.packageDescriptor.description!);
    expect(panel).toHaveTextContent(item.packageDescriptor.version!);
    expect(panel).toHaveTextContent('Python');
    expect(panel).toHaveTextContent(item.packageDescriptor.packageInfo!.fileName!);
    for (const example of item.packageDescriptor.examples!)
      expect(panel).toHaveTextContent(example.invocationString);
    expect(within(panel).getAllByRole('button', { name: /Copy example/ })).toHaveLength(
      item.packageDescriptor.examples!.length,
    );
    expect(within(panel).getByRole('link', { name: /^Download / })).toHaveAttribute('href', item.downloadUrl);
  });

  it('exports the rows on screen as CSV with exact values', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:packages';
    });
    URL.revokeObjectURL = vi.fn();
    renderPackagesPage('?status=failed&pageSize=200');
    await screen.findByText(/^\d+ packages · page 1 of 1$/);
    await user.click(screen.getByRole('button', { name: 'Export this page as CSV' }));
    const lines = (await blobs[0]!.text()).trim().split('\r\n');
    const failed = sim.tenant.packages.list.filter((item) => item.status === 'failed');
    expect(lines[0]).toBe(
      'packageId,name,version,category,status,size (bytes),uploadedBy,uploadedOn (UTC),playbookCount,timeout (s)',
    );
    expect(lines).toHaveLength(failed.length + 1);
    expect(lines.slice(1).every((line) => line.split(',')[4] === 'failed')).toBe(true);
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(failed.map((p) => p.packageId).sort());
  });

  it('says so when no package matches the filters, with a way to clear them', async () => {
    sim.tenant.packages.list = sim.tenant.packages.list.filter((item) => item.category !== 'cylance');
    renderPackagesPage('?category=cylance&pageSize=50');
    expect(await screen.findByText('No packages match these filters.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute(
      'href',
      '/packages?pageSize=50',
    );
  });
});
