import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeIp, parseIpList } from './ip.ts';

const ipLike = fc
  .array(
    fc.constantFrom('0', '1', '25', '255', '256', '010', 'ff', 'FFFF', '.', ':', '::', ' ', 'x', '1.2.3.4'),
    {
      maxLength: 14,
    },
  )
  .map((parts) => parts.join(''));

describe('normalizeIp (property)', () => {
  it('never throws; what it accepts is already normal (normalising again changes nothing)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), ipLike), (input) => {
        const result = normalizeIp(input);
        if (!result.ok) {
          expect(result.reason).not.toBe('');
          return;
        }
        expect(normalizeIp(result.value)).toEqual(result);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every IPv4 and IPv6 address in its plain form', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(normalizeIp(ip)).toEqual({ ok: true, value: ip });
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }), (words) => {
        const full = words.map((word) => word.toString(16).toUpperCase()).join(':');
        const result = normalizeIp(full);
        expect(result.ok).toBe(true);
        // The normal form names the same eight words.
        if (result.ok) expect(normalizeIp(result.value.toUpperCase())).toEqual(result);
      }),
    );
  });

  it('splits any pasted list without throwing, with no duplicates and the limit respected as an error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.ipV4(), ipLike), { maxLength: 15 }),
        fc.constantFrom(', ', ';', '\n', ' '),
        (items, separator) => {
          const { ips, errors } = parseIpList(items.join(separator), 10);
          expect(new Set(ips).size).toBe(ips.length);
          if (ips.length > 10) expect(errors.at(-1)?.reason).toBe('at most 10 IP addresses per lookup');
          for (const error of errors) expect(error.reason).not.toBe('');
        },
      ),
    );
  });
});
