import { describe, expect, it } from 'vitest';
import { packageSortKeys } from '../../api/cylance/schemas.ts';
import {
  fromVendorQuery,
  loadPackagesView,
  type PackagesView,
  packageSorts,
  packagesHref,
  toVendorQuery,
} from './url-state.ts';

const defaults: PackagesView = { page: 1, pageSize: 20, sort: '-uploadedOn', category: null, status: null };

function vendorSearch(search: string) {
  const view = loadPackagesView(search);
  return new URLSearchParams(Object.entries(toVendorQuery(view)).map(([key, value]) => [key, String(value)]));
}

describe('packages URL → vendor query', () => {
  it('maps the issue #5 deep link to exactly that vendor query', () => {
    expect(
      toVendorQuery(loadPackagesView('?page=3&pageSize=50&sort=-size&category=custom&status=success')),
    ).toEqual({ page: 3, page_size: 50, sort: '-size', category: 'custom', status: 'success' });
  });

  it('asks for the vendor defaults when the URL is bare, and leaves unset filters out', () => {
    expect(loadPackagesView('')).toEqual(defaults);
    expect(toVendorQuery(loadPackagesView(''))).toEqual({ page: 1, page_size: 20, sort: '-uploadedOn' });
  });

  it('accepts every documented sort key in both directions', () => {
    expect(packageSorts).toHaveLength(packageSortKeys.length * 2);
    for (const key of packageSortKeys) {
      expect(toVendorQuery(loadPackagesView(`?sort=${encodeURIComponent(key)}`)).sort).toBe(key);
      expect(toVendorQuery(loadPackagesView(`?sort=-${encodeURIComponent(key)}`)).sort).toBe(`-${key}`);
    }
  });

  it.each([
    ['page=-1', 'page'],
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=1e3', 'page'],
    ['pageSize=7', 'pageSize'],
    ['pageSize=10000', 'pageSize'],
    ['sort=bogus', 'sort'],
    ['sort=--size', 'sort'],
    ['category=x', 'category'],
    ['status=SUCCESS', 'status'],
  ] as const)('falls back to the default for nonsense %s', (search, key) => {
    const view = loadPackagesView(`?${search}`);
    expect(view[key]).toEqual(defaults[key]);
    const sent = vendorSearch(`?${search}`);
    expect(Number(sent.get('page_size'))).toBeOneOf([20, 50, 100, 200]);
    expect(Number(sent.get('page'))).toBeGreaterThanOrEqual(1);
  });

  it('keeps the sensible parts of a partly nonsensical URL', () => {
    expect(loadPackagesView('?page=-1&pageSize=100&sort=bogus&status=failed')).toEqual({
      ...defaults,
      pageSize: 100,
      status: 'failed',
    });
  });
});

describe('vendor query → packages URL', () => {
  it('reads a vendor request back into the view that produced it', () => {
    const view: PackagesView = {
      page: 3,
      pageSize: 50,
      sort: 'uploadedBy.login',
      category: 'cylance',
      status: 'timeout',
    };
    const sent = new URL('https://vendor.invalid/packages/v2');
    for (const [key, value] of Object.entries(toVendorQuery(view))) sent.searchParams.set(key, String(value));
    expect(fromVendorQuery(sent)).toEqual(view);
  });

  it('reads the vendor defaults (no sort, no page) as the default view', () => {
    expect(fromVendorQuery('?page_size=20')).toEqual(defaults);
  });

  it('writes a view as a /packages link with the defaults left out', () => {
    expect(packagesHref(defaults)).toBe('/packages');
    expect(
      packagesHref({
        ...defaults,
        page: 3,
        pageSize: 50,
        sort: '-size',
        category: 'custom',
        status: 'success',
      }),
    ).toBe('/packages?page=3&pageSize=50&sort=-size&category=custom&status=success');
  });

  it('round-trips URL → vendor → URL for every sort and filter', () => {
    for (const sort of packageSorts) {
      const href = packagesHref({ ...defaults, page: 2, sort, category: 'custom', status: 'started' });
      const vendor = toVendorQuery(loadPackagesView(href.slice('/packages'.length)));
      const back = fromVendorQuery(
        `?${new URLSearchParams(Object.entries(vendor).map(([k, v]) => [k, String(v)]))}`,
      );
      expect(packagesHref(back)).toBe(href);
    }
  });
});
