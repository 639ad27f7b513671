import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeOpticsDeviceId, toCylanceDeviceUuid } from './device-id.ts';

describe('normalizeOpticsDeviceId (property)', () => {
  it('never throws: any text is an Optics id (32 uppercase hex digits) or is rejected with a reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' })), (input) => {
        const result = normalizeOpticsDeviceId(input);
        if (result.ok) expect(result.value).toMatch(/^[0-9A-F]{32}$/);
        else expect(result.reason).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });

  it('reads every spelling of a UUID an analyst pastes, and round-trips to the device API form', () => {
    const spelling = fc.constantFrom(
      (id: string) => id,
      (id: string) => id.toUpperCase(),
      (id: string) => `{${id}}`,
      (id: string) => ` ${id.replaceAll('-', '')}\t`,
    );
    fc.assert(
      fc.property(fc.uuid(), spelling, (uuid, spell) => {
        const result = normalizeOpticsDeviceId(spell(uuid));
        expect(result).toEqual({ ok: true, value: uuid.replaceAll('-', '').toUpperCase() });
        if (result.ok) expect(toCylanceDeviceUuid(result.value)).toBe(uuid.toLowerCase());
      }),
    );
  });
});
