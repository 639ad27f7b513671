/**
 * Vendor timestamps: Cylance sends naive UTC `YYYY-MM-DDTHH:MM:SS` (api-contracts.md §1), ESET RFC 3339 with a
 * zone, Prisma Unix seconds. All are shown in UTC, the analysts' common clock.
 */

import { formatCount } from './format-count.ts';
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

const relativeUnits: [unit: string, ms: number, previous?: string, next?: string][] = [
  ['year', 365 * 86_400_000, 'last year', 'next year'],
  ['month', 30 * 86_400_000, 'last month', 'next month'],
  ['day', 86_400_000, 'yesterday', 'tomorrow'],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * English relative time as `Intl.RelativeTimeFormat('en', { numeric: 'auto' })` writes it, without Intl: a
 * page's first Intl call loads ICU data (30–80 ms here), which the packages deep link paid before its first
 * row painted (issue #11). `amount` is never 0: a unit is only used from one whole unit up.
 */
function relativeWords(amount: number, [unit, , previous, next]: (typeof relativeUnits)[number]): string {
  if (amount === -1 && previous) return previous;
  if (amount === 1 && next) return next;
  const count = Math.abs(amount);
  const words = `${formatCount(count)} ${unit}${count === 1 ? '' : 's'}`;
  return amount < 0 ? `${words} ago` : `in ${words}`;
}

/** "3 days ago"; an unreadable timestamp is shown as the vendor sent it. */
export function formatRelative(value: string, now = Date.now()): string {
  const ms = parseVendorTime(value);
  if (ms === undefined) return value;
  const diff = ms - now;
  for (const unit of relativeUnits) {
    if (Math.abs(diff) >= unit[1]) return relativeWords(Math.round(diff / unit[1]), unit);
  }
  return 'just now';
}
