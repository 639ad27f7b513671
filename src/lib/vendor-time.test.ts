import { describe, expect, it } from 'vitest';
import { formatRelative, formatVendorTime, formatVendorTimeBare, parseVendorTime } from './vendor-time.ts';

describe('vendor timestamps', () => {
  it("reads Cylance's naive timestamps as UTC and keeps an explicit zone", () => {
    expect(parseVendorTime('2026-11-20T09:00:00')).toBe(Date.UTC(2026, 10, 20, 9));
    expect(parseVendorTime('2026-11-20T10:00:00+01:00')).toBe(Date.UTC(2026, 10, 20, 9));
    expect(parseVendorTime('2026-11-20T09:00:00.587Z')).toBe(Date.UTC(2026, 10, 20, 9, 0, 0, 587));
  });

  it('shows UTC, and an unreadable value as the vendor sent it', () => {
    expect(formatVendorTime('2026-11-20T09:00:00')).toBe('2026-11-20 09:00:00 UTC');
    expect(formatVendorTime('soon')).toBe('soon');
    expect(formatVendorTime(null)).toBe('—');
    expect(parseVendorTime('')).toBeUndefined();
  });

  it('drops the suffix and the fractions for a column already labelled UTC', () => {
    expect(formatVendorTimeBare('2026-11-20T09:00:00.123456')).toBe('2026-11-20 09:00:00');
    expect(formatVendorTimeBare('2026-11-20T10:00:00+01:00')).toBe('2026-11-20 09:00:00');
    expect(formatVendorTimeBare('soon')).toBe('soon');
  });

  it('says how long ago, in the largest whole unit', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    expect(formatRelative('2026-11-19T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelative('2026-11-22T11:00:00', now)).toBe('1 hour ago');
    expect(formatRelative('2026-11-22T11:59:30Z', now)).toBe('just now');
    expect(formatRelative('garbage', now)).toBe('garbage');
  });

  it('words relative times as Intl.RelativeTimeFormat does, in the past and the future', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    const cases: [offsetMs: number, amount: number, unit: Intl.RelativeTimeFormatUnit][] = [
      [-86_400_000, -1, 'day'],
      [86_400_000, 1, 'day'],
      [-2 * 3_600_000, -2, 'hour'],
      [3_600_000, 1, 'hour'],
      [-60_000, -1, 'minute'],
      [45 * 60_000, 45, 'minute'],
      [-30 * 86_400_000, -1, 'month'],
      [5 * 30 * 86_400_000, 5, 'month'],
      [-365 * 86_400_000, -1, 'year'],
      [365 * 86_400_000, 1, 'year'],
      [-1500 * 365 * 86_400_000, -1500, 'year'],
    ];
    for (const [offset, amount, unit] of cases)
      expect(formatRelative(new Date(now + offset).toISOString(), now)).toBe(intl.format(amount, unit));
  });
});
