import type { FocusLookupRow } from '../../tracking/focus-lookups.ts';
import { notChecked } from '../../tracking/focus-lookups.ts';
import type { ResultSort } from './url-state.ts';

/** The lookup rows the URL asks to see: status filter (`show`), text (`find`), then sort (`rsort`). */
export function viewRows(
  rows: readonly FocusLookupRow[],
  { show, find, rsort }: { show: readonly string[]; find: string; rsort: ResultSort },
): FocusLookupRow[] {
  const statuses = new Set(show);
  const needle = find.trim().toLowerCase();
  const filtered = rows.filter(
    (row) =>
      (statuses.size === 0 || statuses.has(row.status ?? notChecked)) &&
      (needle === '' ||
        row.uid.toLowerCase().includes(needle) ||
        row.device_id.toLowerCase().includes(needle) ||
        (row.hostname ?? '').toLowerCase().includes(needle)),
  );
  if (rsort === 'order') return filtered;
  const desc = rsort.startsWith('-');
  const key = (desc ? rsort.slice(1) : rsort) as Exclude<ResultSort, 'order' | `-${string}`>;
  const read = (row: FocusLookupRow): string =>
    key === 'status'
      ? (row.status ?? notChecked)
      : key === 'focus_id'
        ? (row.focusId ?? '')
        : (row[key] ?? '');
  return [...filtered].sort((a, b) => {
    const order = read(a).localeCompare(read(b));
    return desc ? -order : order;
  });
}
