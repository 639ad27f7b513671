import { Group, Text } from '@mantine/core';
import { createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { Verdict } from '../../../api/prisma/schemas.ts';
import { CopyButton } from '../../../components/copy-button.tsx';
import type { CsvColumn } from '../../../lib/csv.ts';
import { formatTime } from '../../../lib/vendor-time.ts';
import { verdictValue } from './verdict-index.ts';

/**
 * Everything is in memory (the dump). Filtering, sorting and the per-category counts run in the browser on
 * an index prepared once per dump (verdict-index.ts), not in TanStack's row models: at 100 000 rows those
 * re-read every cell on each keystroke. The table keeps the columns, the header sort state and the cells.
 */
export const verdictFeatures = tableFeatures({ rowSortingFeature });

const column = createColumnHelper<typeof verdictFeatures, Verdict>();

/**
 * Prisma's `updateTime` is in Unix seconds → `2026-11-20 09:00:00`, under headers that say UTC: without the
 * suffix the time fits its column beside eight others on a 1 400 px screen.
 */
export function formatUpdateTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '';
  return formatTime(seconds * 1000);
}

type VerdictTextField = 'category' | 'vendor' | 'model' | 'os' | 'osFamily' | 'profile';

// The first click sorts text ascending and times newest first, as TanStack's automatic direction did. A
// long model or OS name ends in an ellipsis (the rows are one line high): the whole text is its title.
function textColumn(field: VerdictTextField, header: string) {
  return column.accessor(verdictValue[field], {
    id: field,
    header,
    sortDescFirst: false,
    cell: (info) => <span title={info.getValue()}>{info.getValue()}</span>,
  });
}

export const verdictColumns = column.columns([
  column.accessor(verdictValue.ip, {
    id: 'ip',
    header: 'IP',
    sortDescFirst: false,
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
  column.accessor(verdictValue.mac, {
    id: 'mac',
    header: 'MAC',
    sortDescFirst: false,
    cell: ({ row }) => (
      <Text size="sm" ff="monospace">
        {row.original.mac ?? ''}
      </Text>
    ),
  }),
  textColumn('category', 'Category'),
  textColumn('vendor', 'Vendor'),
  textColumn('model', 'Model'),
  textColumn('os', 'OS'),
  textColumn('osFamily', 'OS family'),
  textColumn('profile', 'Profile'),
  column.accessor(verdictValue.updateTime, {
    id: 'updateTime',
    header: 'Updated (UTC)',
    sortDescFirst: true,
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
