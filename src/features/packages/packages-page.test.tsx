import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Package } from '../../api/cylance/schemas.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { packageRequests, renderPackagesPage, serveDemoConfig } from './packages-test-helpers.tsx';
import { fromVendorQuery, packageSorts } from './url-state.ts';

// 400 packages, so the deep link (page 3 of 50, custom + success) has rows to show.
const sim = useSimServer({ packages: 400 });
beforeEach(() => serveDemoConfig(sim));

/** The Name column of the rendered table, top to bottom. */
function renderedNames(): string[] {
  const table = screen.getByRole('table', { name: 'Packages' });
  const rows = within(table).getAllByRole('row').slice(1);
  return rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent ?? '');
}

/** The simulator's own data, filtered and sorted independently of its handler: the test's oracle. */
function expectedNames(
  sort: string,
  {
    page = 1,
    pageSize = 20,
    where,
  }: { page?: number; pageSize?: number; where?: (item: Package) => boolean } = {},
): string[] {
  const desc = sort.startsWith('-');
  const key = desc ? sort.slice(1) : sort;
  const read = (item: Package): string | number =>
    key === 'packageDescriptor.name'
      ? item.packageDescriptor.name
      : key.startsWith('uploadedBy.')
        ? (item.uploadedBy?.[key.slice(11) as 'id' | 'login'] ?? '')
        : (item[key as 'packageId' | 'uploadedOn' | 'size' | 'status' | 'timeout'] ?? 0);
  return sim.tenant.packages.list
    .filter((item) => where?.(item) ?? true)
    .sort((a, b) => (read(a) < read(b) ? -1 : read(a) > read(b) ? 1 : 0) * (desc ? -1 : 1))
    .slice((page - 1) * pageSize, page * pageSize)
    .map((item) => item.packageDescriptor.name);
}

describe('PackagesPage against the simulator', () => {
  it('renders a page of packages with the totals from the envelope', async () => {
    renderPackagesPage();
    expect(await screen.findByText('400 packages · page 1 of 20')).toBeInTheDocument();
    expect(renderedNames()).toEqual(expectedNames('-uploadedOn'));
    expect(screen.getByRole('columnheader', { name: /Uploaded on/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(fromVendorQuery(packageRequests(sim)[0]!)).toMatchObject({
      page: 1,
      pageSize: 20,
      sort: '-uploadedOn',
    });
  });

  it.each(packageSorts)('sends sort=%s to the vendor and shows its order', async (sort) => {
    renderPackagesPage(`?sort=${encodeURIComponent(sort)}`);
    await waitFor(() => expect(renderedNames()).toHaveLength(20));
    expect(packageRequests(sim).map((query) => query.get('sort'))).toEqual([sort]);
    expect(renderedNames()).toEqual(expectedNames(sort));
  });

  it('sorts from a column header, both ways, and pushes each sort to the URL', async () => {
    const user = userEvent.setup();
    const { urls } = renderPackagesPage('?page=2');
    await screen.findByText('400 packages · page 2 of 20');
    const sizeHeader = () => screen.getByRole('columnheader', { name: /Size/ });
    await user.click(within(sizeHeader()).getByRole('button'));
    await waitFor(() => expect(sizeHeader()).toHaveAttribute('aria-sort', expect.stringMatching(/ending/)));
    const first = packageRequests(sim).at(-1)!.get('sort');
    expect(['size', '-size']).toContain(first);
    await user.click(within(sizeHeader()).getByRole('button'));
    const second = first === 'size' ? '-size' : 'size';
    await waitFor(() => expect(packageRequests(sim).at(-1)!.get('sort')).toBe(second));
    // A new sort starts again at page 1.
    expect(urls.at(-1)).toBe(`?sort=${second}`);
    await waitFor(() => expect(renderedNames()).toEqual(expectedNames(second)));
  });

  it.each([
    ['Category', 'custom', 'category'],
    ['Category', 'cylance', 'category'],
    ['Status', 'started', 'status'],
    ['Status', 'success', 'status'],
    ['Status', 'failed', 'status'],
    ['Status', 'timeout', 'status'],
  ] as const)('filters by %s = %s at the vendor', async (label, value, param) => {
    const user = userEvent.setup();
    const { urls } = renderPackagesPage();
    await screen.findByText('400 packages · page 1 of 20');
    await user.selectOptions(screen.getByLabelText(label), value);
    await waitFor(() => expect(packageRequests(sim).at(-1)!.get(param)).toBe(value));
    expect(urls.at(-1)).toBe(`?${param}=${value}`);
    const matching = sim.tenant.packages.list.filter((item) => item[param] === value);
    expect(await screen.findByText(new RegExp(`^${matching.length} packages`))).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Packages' });
    for (const row of within(table).getAllByRole('row').slice(1)) expect(row).toHaveTextContent(value);
  });

  it('opens the issue #5 deep link as exactly that view', async () => {
    renderPackagesPage('?page=3&pageSize=50&sort=-size&category=custom&status=success');
    const where = (item: Package) => item.category === 'custom' && item.status === 'success';
    const matching = sim.tenant.packages.list.filter(where);
    expect(matching.length).toBeGreaterThan(100);
    expect(
      await screen.findByText(`${matching.length} packages · page 3 of ${Math.ceil(matching.length / 50)}`),
    ).toBeInTheDocument();
    expect(fromVendorQuery(packageRequests(sim)[0]!)).toEqual({
      page: 3,
      pageSize: 50,
      sort: '-size',
      category: 'custom',
      status: 'success',
    });
    // A screenful of rows first, the rest of the 50 right after (DataTable `screenfulFirst`, issue #11).
    await waitFor(() =>
      expect(renderedNames()).toEqual(expectedNames('-size', { page: 3, pageSize: 50, where })),
    );
    expect(screen.getByLabelText('Category')).toHaveValue('custom');
    expect(screen.getByLabelText('Status')).toHaveValue('success');
    expect(screen.getByLabelText('Rows per page')).toHaveValue('50');
    expect(screen.getByLabelText('Sort by')).toHaveValue('-size');
    expect(screen.getByRole('button', { name: 'Page 3' })).toHaveAttribute('aria-current', 'page');
  });

  it('falls back to defaults for nonsense in the URL without a vendor 400', async () => {
    renderPackagesPage('?page=-1&pageSize=7&sort=bogus&category=x&status=nope');
    expect(await screen.findByText('400 packages · page 1 of 20')).toBeInTheDocument();
    expect(packageRequests(sim).map((query) => query.toString())).toEqual([
      'page=1&page_size=20&sort=-uploadedOn',
    ]);
  });

  it('shows a page past the end as empty, with links back', async () => {
    renderPackagesPage('?page=99&pageSize=50');
    expect(await screen.findByText(/Page 99 is past the end: there are 8 pages/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the last page (8)' })).toHaveAttribute(
      'href',
      '/packages?page=8&pageSize=50',
    );
    expect(screen.getByRole('link', { name: 'Go to the first page' })).toHaveAttribute(
      'href',
      '/packages?pageSize=50',
    );
  });

  it('shows the vendor error with its request id', async () => {
    sim.server.use(
      http.get(`${window.location.origin}/api/cylance/packages/v2`, () =>
        HttpResponse.json(
          { status: 'ACCESS_DENIED', message: 'insufficient privileges' },
          { status: 403, headers: { 'x-request-id': 'req-7f3a' } },
        ),
      ),
    );
    renderPackagesPage();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('lack the permission');
    expect(alert).toHaveTextContent('insufficient privileges');
    expect(within(alert).getByText('req-7f3a')).toBeInTheDocument();
  });
});
