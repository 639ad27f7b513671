import type { Verdict } from '../../../api/prisma/schemas.ts';
import { macFilterText, type VerdictFilterColumn, verdictSortColumns } from './verdict-url-state.ts';

/**
 * Filtering, sorting and facet counts for the whole verdict dump (up to 100 000 rows, seed 002), prepared once
 * per dump so a keystroke or a sort click costs one pass over typed arrays instead of lower-casing 100 000
 * strings and sorting them with a text comparator each time (issue #11, figure 3).
 *
 * Each column is dictionary-encoded on first use: the distinct values (a few dozen vendors, categories, OS
 * names; one per row for IPs and MACs), their lower-cased text, and one code per row. A text filter is then
 * tested once per distinct value, and each row only looks its code up. A sort order is a counting sort over
 * the values' ranks, computed once per column and direction. Semantics are those of the TanStack Table
 * functions the table used before: `includesString` / `equalsString` (case-insensitive), `text` sorting
 * (lower-cased, code-unit order), ties in the dump's order in both directions.
 */
export type VerdictColumn = (typeof verdictSortColumns)[number];

const text = (value: string | null | undefined) => value ?? '';

/** What each column shows, filters and sorts on: the accessors of verdict-columns.tsx use these too. */
export const verdictValue = {
  ip: (verdict: Verdict) => verdict.ip,
  // Filtered on the separator-less form so any vendor's MAC spelling matches.
  mac: (verdict: Verdict) => macFilterText(text(verdict.mac)),
  category: (verdict: Verdict) => text(verdict.category),
  vendor: (verdict: Verdict) => text(verdict.vendor),
  model: (verdict: Verdict) => text(verdict.model),
  os: (verdict: Verdict) => text(verdict.os),
  osFamily: (verdict: Verdict) => text(verdict.osFamily),
  profile: (verdict: Verdict) => text(verdict.profile),
  updateTime: (verdict: Verdict) => verdict.updateTime ?? 0,
} satisfies Record<VerdictColumn, (verdict: Verdict) => string | number>;

/** Filtered by exact (case-insensitive) value; every other filter column by substring. */
const exactColumns: ReadonlySet<VerdictColumn> = new Set(['category', 'osFamily']);
export const facetColumns = ['category', 'osFamily'] as const;
export type FacetColumn = (typeof facetColumns)[number];

interface Dictionary {
  /** Distinct values in order of first appearance in the dump. */
  values: (string | number)[];
  lower: string[];
  /** Row → index into `values`. */
  codes: Uint32Array;
}

export interface VerdictIndex {
  readonly verdicts: readonly Verdict[];
  readonly dictionaries: Map<VerdictColumn, Dictionary>;
  /** `${column}:${asc|desc}` → row numbers in that order. */
  readonly orders: Map<string, Uint32Array>;
}

export function createVerdictIndex(verdicts: readonly Verdict[]): VerdictIndex {
  return { verdicts, dictionaries: new Map(), orders: new Map() };
}

function dictionary(index: VerdictIndex, column: VerdictColumn): Dictionary {
  let found = index.dictionaries.get(column);
  if (found) return found;
  const value = verdictValue[column];
  const ids = new Map<string | number, number>();
  const values: (string | number)[] = [];
  const codes = new Uint32Array(index.verdicts.length);
  for (let row = 0; row < index.verdicts.length; row++) {
    const cell = value(index.verdicts[row] as Verdict);
    let id = ids.get(cell);
    if (id === undefined) {
      id = values.length;
      ids.set(cell, id);
      values.push(cell);
    }
    codes[row] = id;
  }
  found = { values, lower: values.map((cell) => String(cell).toLowerCase()), codes };
  index.dictionaries.set(column, found);
  return found;
}

/**
 * An IPv4 address (`a.b.c.d`, 1–3 digits each: ipSortKey's test) as one number ordered as ipSortKey orders
 * it — its zero-padded three-digit groups, i.e. base 1000 — without building a string per IP.
 */
function ipv4Key(ip: string): number | undefined {
  let key = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const code = ip.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (++digits > 3) return undefined;
      part = part * 10 + (code - 48);
    } else if (code === 46 && digits > 0 && dots < 3) {
      key = key * 1000 + part;
      part = 0;
      digits = 0;
      dots++;
    } else return undefined;
  }
  return dots === 3 && digits > 0 ? key * 1000 + part : undefined;
}

/** IPs as numbers: IPv4 by address, then anything else (IPv6) after them in text order, as ipSortKey sorts. */
function ipKeys(values: readonly (string | number)[]): number[] {
  const v4 = values.map((ip) => ipv4Key(String(ip)));
  const others = [...new Set(values.filter((_, id) => v4[id] === undefined).map(String))].sort();
  const otherKey = new Map(others.map((ip, i) => [ip, 1e12 + i]));
  return values.map((ip, id) => v4[id] ?? (otherKey.get(String(ip)) as number));
}

/** Dense rank of each distinct value in ascending order (equal sort keys share a rank). */
function ranks(column: VerdictColumn, { values, lower }: Dictionary): { rank: Uint32Array; count: number } {
  // IPs by address (10.2.0.1 before 10.10.0.1), times as numbers, the rest as lower-cased text.
  const keys: (string | number)[] =
    column === 'ip' ? ipKeys(values) : column === 'updateTime' ? values : lower;
  // The distinct keys sorted without a comparator callback: typed-array order for numbers, UTF-16 code-unit
  // order for strings (the order of `<`, which TanStack's text sorting used).
  const distinct = [...new Set(keys)];
  const ordered =
    typeof distinct[0] === 'number'
      ? Array.from(Float64Array.from(distinct as number[]).sort())
      : distinct.sort();
  const rankOf = new Map<string | number, number>();
  for (let r = 0; r < ordered.length; r++) rankOf.set(ordered[r] as string | number, r);
  const rank = new Uint32Array(values.length);
  for (let id = 0; id < keys.length; id++) rank[id] = rankOf.get(keys[id] as string | number) as number;
  return { rank, count: ordered.length };
}

/** Every row number in the column's order; ties keep the dump's order in both directions. */
export function sortedRows(index: VerdictIndex, column: VerdictColumn, desc: boolean): Uint32Array {
  const key = `${column}:${desc ? 'desc' : 'asc'}`;
  const cached = index.orders.get(key);
  if (cached) return cached;
  const dict = dictionary(index, column);
  const { rank, count } = ranks(column, dict);
  // Counting sort by rank: stable, so equal values stay in dump order.
  const starts = new Uint32Array(count + 1);
  const bucket = (row: number) => {
    const r = rank[dict.codes[row] as number] as number;
    return desc ? count - 1 - r : r;
  };
  for (let row = 0; row < dict.codes.length; row++) {
    const b = bucket(row) + 1;
    starts[b] = (starts[b] as number) + 1;
  }
  for (let b = 0; b < count; b++) starts[b + 1] = (starts[b + 1] as number) + (starts[b] as number);
  const order = new Uint32Array(dict.codes.length);
  for (let row = 0; row < dict.codes.length; row++) {
    const b = bucket(row);
    order[starts[b] as number] = row;
    starts[b] = (starts[b] as number) + 1;
  }
  index.orders.set(key, order);
  return order;
}

export interface VerdictFilter {
  id: VerdictFilterColumn;
  value: string;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface VerdictView {
  /** Row numbers (into the dump) the filters keep, in display order. */
  rows: Uint32Array;
  /** Per facet column, the values among the rows the *other* filters keep, with their counts (count > 0). */
  facets: Record<FacetColumn, FacetCount[]>;
}

export function viewVerdicts(
  index: VerdictIndex,
  filters: readonly VerdictFilter[],
  sort?: { id: string; desc: boolean },
): VerdictView {
  const total = index.verdicts.length;
  const active = filters
    .filter((filter) => filter.value !== '')
    .map((filter, bit) => {
      const dict = dictionary(index, filter.id);
      const wanted = filter.value.toLowerCase();
      const exact = exactColumns.has(filter.id);
      const match = new Uint8Array(dict.values.length);
      for (let id = 0; id < dict.lower.length; id++) {
        const cell = dict.lower[id] as string;
        match[id] = (exact ? cell === wanted : cell.includes(wanted)) ? 1 : 0;
      }
      return { id: filter.id, bit: 1 << bit, codes: dict.codes, match };
    });
  const facetDicts = facetColumns.map((column) => dictionary(index, column));
  // Faceting ignores the column's own filter (as TanStack's faceted row model does).
  const ownBits = facetColumns.map((column) =>
    active.reduce((bits, filter) => (filter.id === column ? bits | filter.bit : bits), 0),
  );
  const counts = facetDicts.map((dict) => new Uint32Array(dict.values.length));
  const kept = new Uint8Array(total);
  let keptCount = 0;
  for (let row = 0; row < total; row++) {
    let failed = 0;
    for (let f = 0; f < active.length; f++) {
      const filter = active[f] as (typeof active)[number];
      if (filter.match[filter.codes[row] as number] === 0) failed |= filter.bit;
    }
    if (failed === 0) {
      kept[row] = 1;
      keptCount++;
    }
    for (let c = 0; c < facetDicts.length; c++) {
      if ((failed & ~(ownBits[c] as number)) === 0) {
        const perValue = counts[c] as Uint32Array;
        const code = (facetDicts[c] as Dictionary).codes[row] as number;
        perValue[code] = (perValue[code] as number) + 1;
      }
    }
  }

  const rows = new Uint32Array(keptCount);
  const sortable = sort && (verdictSortColumns as readonly string[]).includes(sort.id);
  const order = sortable ? sortedRows(index, sort.id as VerdictColumn, sort.desc) : undefined;
  let next = 0;
  for (let i = 0; i < total && next < keptCount; i++) {
    const row = order ? (order[i] as number) : i;
    if (kept[row] === 1) rows[next++] = row;
  }

  const facetList = (c: number): FacetCount[] => {
    const dict = facetDicts[c] as Dictionary;
    const perValue = counts[c] as Uint32Array;
    const out: FacetCount[] = [];
    for (let id = 0; id < dict.values.length; id++) {
      const count = perValue[id] as number;
      if (count > 0) out.push({ value: String(dict.values[id]), count });
    }
    return out;
  };
  return { rows, facets: { category: facetList(0), osFamily: facetList(1) } };
}
