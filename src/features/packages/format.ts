/** Display helpers for the packages table: sizes in bytes (timestamps: src/lib/vendor-time.ts). */
import { formatCount } from '../../lib/format-count.ts';

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
  return `${formatCount(bytes)} bytes`;
}
