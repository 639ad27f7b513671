import { describe, expect, it } from 'vitest';
import { formatAgo, formatDuration } from './format.ts';

describe('formatDuration', () => {
  it('reads like a person would say it', () => {
    expect(formatDuration(-5)).toBe('0 s');
    expect(formatDuration(45_900)).toBe('45 s');
    expect(formatDuration(3 * 60_000)).toBe('3 min');
    expect(formatDuration(3 * 60_000 + 12_000)).toBe('3 min 12 s');
    expect(formatDuration(2 * 3_600_000 + 5 * 60_000)).toBe('2 h 5 min');
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe('3 d 4 h');
  });

  it('says "just now" for the first seconds', () => {
    expect(formatAgo(1000, 3000)).toBe('just now');
    expect(formatAgo(0, 90_000)).toBe('1 min 30 s ago');
  });
});
