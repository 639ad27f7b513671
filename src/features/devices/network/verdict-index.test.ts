import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { ipSortKey } from '../../../lib/ip.ts';
import {
  createVerdictIndex,
  type FacetCount,
  sortedRows,
  type VerdictColumn,
  type VerdictFilter,
  verdictValue,
  viewVerdicts,
} from './verdict-index.ts';
import { verdictFilterColumns, verdictSortColumns } from './verdict-url-state.ts';

/**
 * The index must keep exactly what TanStack Table's row models did: `includesString` / `equalsString`
 * (case-insensitive), `text` sorting (lower-cased, code-unit order) with ties in dump order in both
 * directions, IPs by their numeric key, and facets that ignore the column's own filter. The reference below
 * is that, written the slow, obvious way.
 */
function reference(
  verdicts: Verdict[],
  filters: VerdictFilter[],
  sort?: { id: VerdictColumn; desc: boolean },
) {
  const passes = (verdict: Verdict, filter: VerdictFilter) => {
    const cell = String(verdictValue[filter.id](verdict)).toLowerCase();
    const wanted = filter.value.toLowerCase();
    return filter.id === 'category' || filter.id === 'osFamily' ? cell === wanted : cell.includes(wanted);
  };
  const kept = (skip?: string) =>
    verdicts
      .map((verdict, row) => ({ verdict, row }))
      .filter(({ verdict }) => filters.every((filter) => filter.id === skip || passes(verdict, filter)));
  const key = (verdict: Verdict, id: VerdictColumn) => {
    const value = verdictValue[id](verdict);
    if (id === 'ip') return ipSortKey(String(value));
    return typeof value === 'number' ? value : value.toLowerCase();
  };
  const rows = kept();
  if (sort) {
    rows.sort((a, b) => {
      const left = key(a.verdict, sort.id);
      const right = key(b.verdict, sort.id);
      const order = left === right ? 0 : left > right ? 1 : -1;
      return (sort.desc ? -order : order) || a.row - b.row;
    });
  }
  const facet = (column: 'category' | 'osFamily'): FacetCount[] => {
    const counts = new Map<string, number>();
    for (const { verdict } of kept(column)) {
      const value = verdictValue[column](verdict);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return byValue([...counts].map(([value, count]) => ({ value, count })));
  };
  return {
    rows: rows.map(({ row }) => row),
    facets: { category: facet('category'), osFamily: facet('osFamily') },
  };
}

const byValue = (facets: FacetCount[]) =>
  [...facets].sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));

// Small alphabets, mixed case and missing fields, so that ties, case-only differences and empty values occur.
const word = fc.option(fc.constantFrom('Dell', 'dell', 'HP', 'Axis', 'axis cam', 'Ünï', ''), {
  nil: undefined,
});
const verdict: fc.Arbitrary<Verdict> = fc.record({
  ip: fc.oneof(
    fc.tuple(fc.nat(12), fc.nat(12)).map(([a, b]) => `10.${a}.0.${b}`),
    fc.constantFrom(
      'fe80::1',
      '::1',
      '10.02.0.1',
      '10.999.0.1',
      '1.2.3',
      '1.2.3.4.5',
      '1..2.3',
      '0001.1.1.1',
      '9.9.9.9.',
    ),
  ),
  mac: fc.option(fc.constantFrom('06:f8:13:8b:16:c9', '06-F8-13-8B-16-CA', 'aa:bb:cc:dd:ee:ff'), {
    nil: null,
  }),
  category: word,
  vendor: word,
  model: word,
  os: word,
  osFamily: word,
  profile: word,
  updateTime: fc.option(fc.constantFrom(0, 5, 1_700_000_000, 1_700_000_001), { nil: undefined }),
});
const filter: fc.Arbitrary<VerdictFilter> = fc.record({
  id: fc.constantFrom(...verdictFilterColumns),
  value: fc.constantFrom('d', 'DELL', 'axis', 'axis cam', '10.1', '8B16', 'x', 'ü', 'hp'),
});
const sort = fc.option(fc.record({ id: fc.constantFrom(...verdictSortColumns), desc: fc.boolean() }), {
  nil: undefined,
});

describe('viewVerdicts', () => {
  it('keeps, orders and counts exactly what the obvious implementation does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(verdict, { maxLength: 60 }),
        fc.uniqueArray(filter, { maxLength: 4, selector: (f) => f.id }),
        sort,
        (verdicts, filters, sorting) => {
          const index = createVerdictIndex(verdicts);
          const expected = reference(verdicts, filters, sorting);
          // Twice: the second call runs on the cached dictionaries and orders.
          for (let run = 0; run < 2; run++) {
            const view = viewVerdicts(index, filters, sorting);
            expect([...view.rows]).toEqual(expected.rows);
            expect(byValue(view.facets.category)).toEqual(expected.facets.category);
            expect(byValue(view.facets.osFamily)).toEqual(expected.facets.osFamily);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('sorts IPs by number, finds a MAC by any spelling and counts categories the other filters keep', () => {
    const verdicts: Verdict[] = [
      { ip: '10.10.0.1', mac: '06:f8:13:8b:16:c9', category: 'Printer', vendor: 'HP' },
      { ip: '10.2.0.1', mac: '06:f8:13:8b:16:ca', category: 'Personal Computer', vendor: 'Dell Inc.' },
      { ip: '10.9.0.1', mac: null, category: 'Printer', vendor: 'Dell Inc.' },
    ];
    const index = createVerdictIndex(verdicts);
    expect([...viewVerdicts(index, [], { id: 'ip', desc: false }).rows]).toEqual([1, 2, 0]);
    expect([...viewVerdicts(index, [{ id: 'mac', value: '06F8138B16C9' }]).rows]).toEqual([0]);
    const dell = viewVerdicts(index, [
      { id: 'vendor', value: 'dell' },
      { id: 'category', value: 'printer' },
    ]);
    expect([...dell.rows]).toEqual([2]);
    // The category filter does not narrow its own counts; the vendor filter does.
    expect(byValue(dell.facets.category)).toEqual([
      { value: 'Personal Computer', count: 1 },
      { value: 'Printer', count: 1 },
    ]);
  });

  it('prepares each sort order once per dump', () => {
    const index = createVerdictIndex([{ ip: '10.0.0.2' }, { ip: '10.0.0.1' }]);
    expect(sortedRows(index, 'ip', true)).toBe(sortedRows(index, 'ip', true));
    expect([...sortedRows(index, 'ip', true)]).toEqual([0, 1]);
  });
});
