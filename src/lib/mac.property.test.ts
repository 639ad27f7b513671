import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMac, macKey, normalizeMac } from './mac.ts';

const canonicalMac = fc
  .uint8Array({ minLength: 6, maxLength: 6 })
  .map((bytes) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(''));

describe('normalizeMac (property)', () => {
  it('never throws: any text is a canonical MAC or is rejected with a reason', () => {
    const macLike = fc
      .array(fc.constantFrom('0', 'a', 'F', '9', '-', ':', '.', ' ', 'g'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), macLike), (input) => {
        const result = normalizeMac(input);
        if (result.ok) expect(result.value).toMatch(/^[0-9A-F]{12}$/);
        else expect(result.reason).not.toBe('');
        expect(macKey(input)).toBe(result.ok ? result.value : undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back each vendor spelling (and the bare and dotted forms) as the same key', () => {
    fc.assert(
      fc.property(canonicalMac, (mac) => {
        for (const spelling of ['cylance', 'eset', 'prisma'] as const) {
          expect(normalizeMac(formatMac(mac, spelling))).toEqual({ ok: true, value: mac });
        }
        expect(normalizeMac(mac.toLowerCase())).toEqual({ ok: true, value: mac });
        const dotted = `${mac.slice(0, 4)}.${mac.slice(4, 8)}.${mac.slice(8)}`;
        expect(normalizeMac(dotted)).toEqual({ ok: true, value: mac });
      }),
    );
  });
});
