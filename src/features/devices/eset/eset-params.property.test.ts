import fc from 'fast-check';
import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import { esetFunctionalityStatuses } from '../../../api/eset/schemas.ts';
import { esetFiltersOf, esetPageSizes, esetTabParams } from './eset-params.ts';

const load = createLoader(esetTabParams);
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('true', 'false', 'muted', '1000', '5000', 'DEVICE_FUNCTIONALITY_STATUS_OK', 'a,b'),
);
const search = fc
  .array(fc.tuple(fc.constantFrom(...Object.keys(esetTabParams)), value), { maxLength: 10 })
  .map((pairs) => pairs.map(([key, item]) => `${key}=${encodeURIComponent(item)}`).join('&'));

describe('ESET tab URL state (property)', () => {
  it('never throws: any URL gives a page size ESET accepts and filters in its vocabulary', () => {
    fc.assert(
      fc.property(fc.oneof(search, fc.string()), (input) => {
        const params = load(input);
        expect(esetPageSizes).toContain(params.esize);
        const filters = esetFiltersOf(params);
        if (filters.functionalityStatus !== undefined)
          expect(esetFunctionalityStatuses).toContain(filters.functionalityStatus);
        expect(filters.displayNames === undefined || filters.displayNames.length > 0).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
