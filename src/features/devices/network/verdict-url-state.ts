import type { SortingState } from '@tanstack/react-table';
import { parseAsArrayOf, parseAsString, parseAsStringLiteral } from 'nuqs';
import { typedUrlUpdate } from '../../../lib/typed-url-update.ts';

/**
 * The network tab's view lives in the URL: `?tab=network&ip=10.16.0.1,10.16.0.2` (the lookup) and the table's
 * filters and sort, prefixed with `v` so they cannot clash with the other device tabs' parameters
 * (`vvendor=Dell&vcategory=Printer&vsort=-updateTime`). Defaults stay out of the URL.
 */
export const verdictFilterColumns = [
  'ip',
  'mac',
  'vendor',
  'model',
  'os',
  'osFamily',
  'category',
  'profile',
] as const;
export type VerdictFilterColumn = (typeof verdictFilterColumns)[number];

export const verdictSortColumns = [
  'ip',
  'mac',
  'category',
  'vendor',
  'model',
  'os',
  'osFamily',
  'profile',
  'updateTime',
] as const;
const sortValues = verdictSortColumns.flatMap((column) => [column, `-${column}`] as const);

const typed = parseAsString.withDefault('').withOptions(typedUrlUpdate);
const picked = parseAsString.withDefault('').withOptions({ history: 'push' });

/** URL key of each column filter. */
export const filterKeys: Record<VerdictFilterColumn, string> = {
  ip: 'vip',
  mac: 'vmac',
  vendor: 'vvendor',
  model: 'vmodel',
  os: 'vos',
  osFamily: 'vfamily',
  category: 'vcategory',
  profile: 'vprofile',
};

export const verdictTableParams = {
  vip: typed,
  vmac: typed,
  vvendor: typed,
  vmodel: typed,
  vos: typed,
  vprofile: typed,
  vfamily: picked,
  vcategory: picked,
  vsort: parseAsStringLiteral(sortValues).withOptions({ history: 'push' }),
};

/** The lookup: up to 10 IPs, comma-separated (`?ip=a,b`), like Prisma's own `?ip=` (seed 002). */
export const lookupParam = parseAsArrayOf(parseAsString, ',')
  .withDefault([])
  .withOptions({ history: 'push' });

type TableParams = { [K in keyof typeof verdictTableParams]: K extends 'vsort' ? string | null : string };

/** MACs are compared without separators and case, so any vendor spelling finds the row. */
export function macFilterText(input: string): string {
  return input.replace(/[-:.\s]/g, '').toUpperCase();
}

export function toColumnFilters(params: TableParams): { id: VerdictFilterColumn; value: string }[] {
  return verdictFilterColumns.flatMap((column) => {
    const raw = params[filterKeys[column] as keyof TableParams]?.trim() ?? '';
    // `vmac=-` is only separators: no filter (found by verdict-url-state.property.test.ts).
    const value = column === 'mac' ? macFilterText(raw) : raw;
    return value === '' ? [] : [{ id: column, value }];
  });
}

export function toSorting(sort: string | null): SortingState {
  if (!sort) return [];
  return sort.startsWith('-') ? [{ id: sort.slice(1), desc: true }] : [{ id: sort, desc: false }];
}

export function fromSorting(sorting: SortingState): (typeof sortValues)[number] | null {
  const [first] = sorting;
  if (!first) return null;
  const value = first.desc ? `-${first.id}` : first.id;
  return (sortValues as readonly string[]).includes(value) ? (value as (typeof sortValues)[number]) : null;
}
