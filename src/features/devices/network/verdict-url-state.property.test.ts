import fc from 'fast-check';
import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import {
  fromSorting,
  lookupParam,
  toColumnFilters,
  toSorting,
  verdictFilterColumns,
  verdictSortColumns,
  verdictTableParams,
} from './verdict-url-state.ts';

const load = createLoader({ ...verdictTableParams, ip: lookupParam });
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('-updateTime', 'ip', '-nope', '06-F8-13', '10.0.0.1,10.0.0.2', ',,'),
);
const search = fc
  .array(fc.tuple(fc.constantFrom(...Object.keys(verdictTableParams), 'ip'), value), { maxLength: 10 })
  .map((pairs) => pairs.map(([key, item]) => `${key}=${encodeURIComponent(item)}`).join('&'));

describe('network verdicts URL state (property)', () => {
  it('never throws: any URL gives known filter columns and a known sort that survives the table round trip', () => {
    fc.assert(
      fc.property(fc.oneof(search, fc.string()), (input) => {
        const params = load(input);
        for (const filter of toColumnFilters(params)) {
          expect(verdictFilterColumns).toContain(filter.id);
          expect(String(filter.value).trim()).not.toBe('');
        }
        const sorting = toSorting(params.vsort);
        for (const sort of sorting) expect(verdictSortColumns).toContain(sort.id);
        expect(fromSorting(sorting)).toBe(params.vsort);
        expect(Array.isArray(params.ip)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
