/**
 * Vendor timestamps: Cylance sends naive UTC `YYYY-MM-DDTHH:MM:SS` (api-contracts.md §1), ESET RFC 3339 with a
 * zone, Prisma Unix seconds. All are shown in UTC, the analysts' common clock.
 */
export function parseVendorTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const hasZone = /[zZ]|[+-]\d\d:?\d\d$/.test(value);
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** Epoch ms → `2026-11-20 09:00:00` (UTC, no suffix: for columns already labelled UTC). */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Epoch ms → `2026-11-20 09:00:00 UTC`. */
export function formatUtcTime(ms: number): string {
  return `${formatTime(ms)} UTC`;
}

/** A vendor timestamp → `2026-11-20 09:00:00` for a column or field already labelled UTC; an unreadable one
 * is shown as the vendor sent it. */
export function formatVendorTimeBare(value: string | null | undefined): string {
  const ms = parseVendorTime(value);
  return ms === undefined ? (value ?? '—') : formatTime(ms);
}

/** A vendor timestamp → `2026-11-20 09:00:00 UTC`; an unreadable one is shown as the vendor sent it. */
export function formatVendorTime(value: string | null | undefined): string {
  const ms = parseVendorTime(value);
  return ms === undefined ? (value ?? '—') : formatUtcTime(ms);
}

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 days ago"; an unreadable timestamp is shown as the vendor sent it. */
export function formatRelative(value: string, now = Date.now()): string {
  const ms = parseVendorTime(value);
  if (ms === undefined) return value;
  const diff = ms - now;
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(diff) >= size) return relativeFormat.format(Math.round(diff / size), unit);
  }
  return 'just now';
}
