/** Display helpers for the packages table: sizes in bytes and the vendor's naive UTC timestamps. */

const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → "1.5 KB" (binary multiples, as file managers show them). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < byteUnits.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${byteUnits[unit]}`;
}

export function formatExactBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Cylance timestamps are naive UTC `YYYY-MM-DDTHH:MM:SS` (api-contracts.md §1): read them as UTC. */
export function parseNaiveUtc(value: string): number {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(value);
  return Date.parse(hasZone ? value : `${value}Z`);
}

export function formatUtc(value: string): string {
  const ms = parseNaiveUtc(value);
  return Number.isNaN(ms) ? value : `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
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
  const ms = parseNaiveUtc(value);
  if (Number.isNaN(ms)) return value;
  const diff = ms - now;
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(diff) >= size) return relativeFormat.format(Math.round(diff / size), unit);
  }
  return 'just now';
}
