import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packageCategories, packageStatuses } from '../../api/cylance/schemas.ts';
import {
  fromVendorQuery,
  loadPackagesView,
  packagePageSizes,
  packageSorts,
  packagesHref,
  toVendorQuery,
} from './url-state.ts';

/** Query strings built from the page's own keys with good, bad and hostile values. */
const value = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '1',
    '0',
    '-1',
    '1.5',
    '1e3',
    '999999999',
    '50',
    '-size',
    'size',
    'custom',
    'success',
    '%',
    '%zz',
    '<script>',
  ),
);
const search = fc
  .array(fc.tuple(fc.constantFrom('page', 'pageSize', 'sort', 'category', 'status', 'package', 'x'), value), {
    maxLength: 8,
  })
  .map((pairs) => `?${pairs.map(([key, item]) => `${key}=${encodeURIComponent(item)}`).join('&')}`);

describe('packages URL state (property)', () => {
  it('never throws: any URL gives a view the vendor accepts (nonsense falls back to defaults)', () => {
    fc.assert(
      fc.property(fc.oneof(search, fc.string()), (input) => {
        const view = loadPackagesView(input);
        expect(Number.isInteger(view.page) && view.page >= 1).toBe(true);
        expect(packagePageSizes).toContain(view.pageSize);
        expect(packageSorts).toContain(view.sort);
        if (view.category !== null) expect(packageCategories).toContain(view.category);
        if (view.status !== null) expect(packageStatuses).toContain(view.status);
      }),
      { numRuns: 1000 },
    );
  });

  it('maps view → URL → view and view → vendor query → view without loss', () => {
    fc.assert(
      fc.property(search, (input) => {
        const view = loadPackagesView(input);
        expect(loadPackagesView(packagesHref(view).replace('/packages', ''))).toEqual(view);
        const query = toVendorQuery(view);
        const vendorSearch = new URLSearchParams(
          Object.entries(query).map(([key, item]) => [key, String(item)]),
        );
        expect(fromVendorQuery(vendorSearch)).toEqual(view);
      }),
      { numRuns: 500 },
    );
  });
});
