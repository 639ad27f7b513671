import fc from 'fast-check';
import { createLoader } from 'nuqs';
import { describe, expect, it } from 'vitest';
import { artifactTypes, focusViewStatuses } from '../../api/cylance/schemas.ts';
import { decodePairs } from '../../lib/focus-pair-codec.ts';
import { focusViewsParsers, listPageSizes, resultPageSizes } from './url-state.ts';

const load = createLoader(focusViewsParsers);
const keys = Object.keys(focusViewsParsers);
const value = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '1',
    '0',
    '-3',
    '2.5',
    '20',
    '-created_at',
    'PENDING',
    'File',
    '2026-13-45',
    '2026-11-20',
    'a,b',
    'AQ',
    '%E0%A4%A',
  ),
);
const search = fc
  .array(fc.tuple(fc.constantFrom(...keys), value), { maxLength: 10 })
  .map((pairs) => pairs.map(([key, item]) => `${key}=${encodeURIComponent(item)}`).join('&'));

describe('focus views URL state (property)', () => {
  it('never throws: any URL gives values the page and the vendor accept', () => {
    fc.assert(
      fc.property(fc.oneof(search, fc.string()), (input) => {
        const state = load(input);
        expect(state.page).toBeGreaterThanOrEqual(1);
        expect(state.rpage).toBeGreaterThanOrEqual(1);
        expect(listPageSizes).toContain(state.size);
        expect(resultPageSizes).toContain(state.rsize);
        if (state.status !== null) expect(focusViewStatuses).toContain(state.status);
        if (state.artifact !== null) expect(artifactTypes).toContain(state.artifact);
        if (state.day !== null) expect(Number.isNaN(Date.parse(state.day))).toBe(false);
        if (state.set !== null) decodePairs(state.set);
      }),
      { numRuns: 1000 },
    );
  });
});
