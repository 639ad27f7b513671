import { Group, Text } from '@mantine/core';
import {
  columnFacetingFeature,
  columnFilteringFeature,
  createColumnHelper,
  createFacetedRowModel,
  createFacetedUniqueValues,
  createFilteredRowModel,
  createSortedRowModel,
  filterFn_equalsString,
  filterFn_includesString,
  rowSortingFeature,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import type { CsvColumn } from '../../../lib/csv.ts';
import { ipSortKey } from '../../../lib/ip.ts';
import { macFilterText } from './verdict-url-state.ts';

/** Everything is in memory (the dump), so filtering, sorting and the per-category counts run in the browser. */
export const verdictFeatures = tableFeatures({
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  filterFns: { includesString: filterFn_includesString, equalsString: filterFn_equalsString },
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { text: sortFn_text },
  columnFacetingFeature,
  facetedRowModel: createFacetedRowModel(),
  facetedUniqueValues: createFacetedUniqueValues(),
});

const column = createColumnHelper<typeof verdictFeatures, Verdict>();

/** Unix seconds → `2026-11-20 09:00:00 UTC`. */
export function formatUpdateTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  return `${new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

// 100 000 IPs sort in ~1.7 M comparisons: the numeric key is computed once per IP.
const ipKeys = new Map<string, string>();
function cachedIpKey(ip: string): string {
  let key = ipKeys.get(ip);
  if (key === undefined) {
    key = ipSortKey(ip);
    ipKeys.set(ip, key);
  }
  return key;
}

const text = (value: string | null | undefined) => value ?? '';

type VerdictTextField = 'category' | 'vendor' | 'model' | 'os' | 'osFamily' | 'profile';

/** A plain-text field: sorted as text; filtered by exact value (a category) or by substring (a model). */
function textColumn(field: VerdictTextField, header: string, filterFn: 'equalsString' | 'includesString') {
  return column.accessor((verdict) => text(verdict[field]), { id: field, header, filterFn, sortFn: 'text' });
}

export const verdictColumns = column.columns([
  column.accessor('ip', {
    header: 'IP',
    filterFn: 'includesString',
    sortFn: (a, b) => {
      const left = cachedIpKey(a.original.ip);
      const right = cachedIpKey(b.original.ip);
      return left < right ? -1 : left > right ? 1 : 0;
    },
    cell: ({ row }) => (
      <Group gap={2} wrap="nowrap">
        <Text size="sm" ff="monospace">
          {row.original.ip}
        </Text>
        <CopyButton value={row.original.ip} label={`Copy IP ${row.original.ip}`} />
      </Group>
    ),
  }),
  // Filtered on the separator-less form so any vendor's MAC spelling matches; shown as Prisma writes it.
  column.accessor((verdict) => macFilterText(text(verdict.mac)), {
    id: 'mac',
    header: 'MAC',
    filterFn: 'includesString',
    sortFn: 'text',
    cell: ({ row }) => (
      <Text size="sm" ff="monospace">
        {text(row.original.mac)}
      </Text>
    ),
  }),
  textColumn('category', 'Category', 'equalsString'),
  textColumn('vendor', 'Vendor', 'includesString'),
  textColumn('model', 'Model', 'includesString'),
  textColumn('os', 'OS', 'includesString'),
  textColumn('osFamily', 'OS family', 'equalsString'),
  textColumn('profile', 'Profile', 'includesString'),
  column.accessor((verdict) => verdict.updateTime ?? 0, {
    id: 'updateTime',
    header: 'Updated',
    enableColumnFilter: false,
    cell: ({ row }) => <Text size="sm">{formatUpdateTime(row.original.updateTime)}</Text>,
  }),
]);

export const verdictCsvColumns: CsvColumn<Verdict>[] = [
  { header: 'IP', value: (verdict) => verdict.ip },
  { header: 'MAC', value: (verdict) => verdict.mac },
  { header: 'Category', value: (verdict) => verdict.category },
  { header: 'Vendor', value: (verdict) => verdict.vendor },
  { header: 'Model', value: (verdict) => verdict.model },
  { header: 'OS', value: (verdict) => verdict.os },
  { header: 'OS family', value: (verdict) => verdict.osFamily },
  { header: 'Profile', value: (verdict) => verdict.profile },
  { header: 'Updated (UTC)', value: (verdict) => formatUpdateTime(verdict.updateTime) },
];
