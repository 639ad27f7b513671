import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePairs, encodePairs } from './focus-pair-codec.ts';
import { focusPairKey, parsePairs } from './focus-pairs.ts';

const hex32 = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .map((bytes) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0').toUpperCase()).join(''));
const uid = fc.oneof(
  hex32,
  fc.stringMatching(/^[A-Za-z0-9_.:-]{1,40}$/).filter((text) => !/^\{|\}$/.test(text)),
);
const pair = fc.record({ uid, device_id: hex32 });

describe('parsePairs (property)', () => {
  it('never throws: every line becomes a valid pair or a bad line with a reason', () => {
    const pieces = fc.constantFrom(
      'uid',
      'device_id',
      ',',
      '\t',
      ' ',
      '\n',
      '"',
      '[',
      '{',
      '}',
      ']',
      '#',
      'ABCDEF0123456789ABCDEF0123456789',
      '45e07f34-e76b-4a9e-b167-d6d0c510d6ba',
      'x',
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join('')),
      fc.json(),
    );
    fc.assert(
      fc.property(text, (input) => {
        const { pairs, bad, duplicates } = parsePairs(input);
        for (const found of pairs) {
          expect(found.device_id).toMatch(/^[0-9A-F]{32}$/);
          expect(found.uid.trim()).not.toBe('');
        }
        for (const line of bad) expect(line.reason).not.toBe('');
        expect(new Set(pairs.map(focusPairKey)).size).toBe(pairs.length);
        expect(duplicates).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back pasted CSV lines and the JSON form as the same pairs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pair, { selector: focusPairKey, minLength: 1, maxLength: 30 }), (pairs) => {
        const csv = ['uid,device_id', ...pairs.map((item) => `${item.uid},${item.device_id}`)].join('\n');
        expect(parsePairs(csv)).toEqual({ pairs, bad: [], duplicates: 0 });
        expect(parsePairs(JSON.stringify(pairs)).pairs).toEqual(pairs);
      }),
    );
  });
});

describe('focus pair codec (property)', () => {
  it('round-trips any set, and never throws on a hand-edited link', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 50 }), (pairs) => {
        expect(decodePairs(encodePairs(pairs))).toEqual(pairs);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String()), (text) => {
        const decoded = decodePairs(text);
        if (decoded) for (const item of decoded) expect(item.device_id).toMatch(/^[0-9A-F]{32}$/);
      }),
      { numRuns: 1000 },
    );
  });
});
