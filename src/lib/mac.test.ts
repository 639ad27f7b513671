import { formatMac, macKey, normalizeMac } from './mac.ts';

describe('normalizeMac', () => {
  it.each([
    ['Cylance', '06-F8-13-8B-16-C9'],
    ['ESET', '06:F8:13:8B:16:C9'],
    ['Prisma', '06:f8:13:8b:16:c9'],
    ['bare', '06f8138b16c9'],
    ['mixed case', '06:f8:13:8B:16:c9'],
    ['Cisco dotted', '06f8.138b.16c9'],
    ['padded', '  06-f8-13-8b-16-c9 '],
  ])('reads the %s spelling', (_name, input) => {
    expect(normalizeMac(input)).toEqual({ ok: true, value: '06F8138B16C9' });
  });

  it.each([
    ['', 'empty'],
    ['06-F8-13-8B-16', 'not a MAC'],
    ['06-F8-13-8B-16-C9-00', 'not a MAC'],
    ['06:F8-13:8B:16:C9', 'not a MAC'],
    ['G6:F8:13:8B:16:C9', 'not a MAC'],
    ['06F8138B16C', 'not a MAC'],
  ])('rejects %j with a reason', (input, reason) => {
    const result = normalizeMac(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('gives the same join key for all three vendor spellings and none for garbage', () => {
    const keys = ['06-F8-13-8B-16-C9', '06:F8:13:8B:16:C9', '06:f8:13:8b:16:c9'].map(macKey);
    expect(new Set(keys)).toEqual(new Set(['06F8138B16C9']));
    expect(macKey('unknown')).toBeUndefined();
    expect(macKey(null)).toBeUndefined();
  });

  it('formats the canonical MAC in each vendor spelling', () => {
    expect(formatMac('06F8138B16C9', 'cylance')).toBe('06-F8-13-8B-16-C9');
    expect(formatMac('06F8138B16C9', 'eset')).toBe('06:F8:13:8B:16:C9');
    expect(formatMac('06F8138B16C9', 'prisma')).toBe('06:f8:13:8b:16:c9');
  });
});
