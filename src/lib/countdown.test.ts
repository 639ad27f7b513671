import { describe, expect, it } from 'vitest';
import { downloadLinkValidityMs, formatCountdown, linkCountdown, retryableAt } from './countdown.ts';

describe('download link countdown', () => {
  const readAt = Date.UTC(2026, 10, 20, 9, 0, 0);

  it('starts at 10:00 when the status was just read', () => {
    expect(linkCountdown(readAt, readAt)).toEqual({
      expiresAt: readAt + downloadLinkValidityMs,
      remainingMs: downloadLinkValidityMs,
      expired: false,
      label: '10:00',
    });
  });

  it('rounds up, so 0:00 only shows once expired', () => {
    expect(linkCountdown(readAt, readAt + downloadLinkValidityMs - 1)).toMatchObject({
      expired: false,
      label: '0:01',
    });
    expect(linkCountdown(readAt, readAt + downloadLinkValidityMs)).toMatchObject({
      expired: true,
      label: '0:00',
      remainingMs: 0,
    });
    expect(linkCountdown(readAt, readAt + 3 * downloadLinkValidityMs).remainingMs).toBe(0);
  });

  it('formats minutes and seconds', () => {
    expect(formatCountdown(9 * 60_000 + 5_000)).toBe('9:05');
    expect(formatCountdown(61_500)).toBe('1:02');
    expect(formatCountdown(-5)).toBe('0:00');
  });

  it('an UNAVAILABLE retrieval is retryable one hour after it turned unavailable', () => {
    expect(retryableAt(readAt)).toBe(readAt + 3_600_000);
  });
});
