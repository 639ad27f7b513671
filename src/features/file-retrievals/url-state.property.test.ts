import fc from 'fast-check';
import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import { fileRetrievalSortKeys } from '../../api/cylance/file-retrievals.ts';
import { historyParsers, pageSizes, selectionParsers } from './url-state.ts';

const load = createLoader({ ...historyParsers, ...selectionParsers });
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('1', '0', '-1', '1.5', '1e3', '7', '20', '100000', '-created_at', 'bulk', 'x|C:\\a.txt'),
);
const search = fc
  .array(
    fc.tuple(fc.constantFrom('page', 'size', 'sort', 'status', 'q', 'mode', 'selected', 'track'), value),
    {
      maxLength: 10,
    },
  )
  .map((pairs) => pairs.map(([key, item]) => `${key}=${encodeURIComponent(item)}`).join('&'));

describe('file retrievals URL state (property)', () => {
  it('never throws: any URL gives a page and page size the vendor accepts', () => {
    fc.assert(
      fc.property(fc.oneof(search, fc.string()), (input) => {
        const state = load(input);
        expect(Number.isInteger(state.page) && state.page >= 1).toBe(true);
        expect(pageSizes).toContain(state.size);
        expect(fileRetrievalSortKeys).toContain(state.sort.replace(/^-/, ''));
        expect(['single', 'bulk']).toContain(state.mode);
      }),
      { numRuns: 1000 },
    );
  });
});
