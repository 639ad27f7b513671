import { Button } from '@mantine/core';
import { type CsvColumn, downloadCsv, toCsv } from '../../../lib/csv.ts';

/** Exports exactly the rows the analyst is looking at (after filters), in the on-screen column order. */
export function ExportCsvButton<T>({
  rows,
  columns,
  filename,
  label = 'Export CSV',
}: {
  rows: readonly T[];
  columns: readonly CsvColumn<T>[];
  filename: string;
  label?: string;
}) {
  return (
    <Button
      variant="default"
      size="xs"
      disabled={rows.length === 0}
      onClick={() => downloadCsv(filename, toCsv(rows, columns))}
    >
      {label}
    </Button>
  );
}
