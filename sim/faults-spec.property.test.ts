import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FaultRule, faultKinds, formatFaultSpec, parseFaultSpec } from './faults-spec.ts';

const rule: fc.Arbitrary<FaultRule> = fc
  .record({
    vendor: fc.constantFrom('cylance', 'eset', 'prisma', 'all') as fc.Arbitrary<FaultRule['vendor']>,
    path: fc.option(fc.constantFrom('/foci/v2/search', '/devicecommands/v2/*/getfile:get', '/v1/devices**'), {
      nil: undefined,
    }),
    rates: fc.dictionary(
      fc.constantFrom(...faultKinds.filter((kind) => kind !== '202'), 'hostile'),
      fc.double({ min: 0, max: 1, noNaN: true }),
      { minKeys: 1 },
    ),
    latencyMs: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: undefined }),
    forMs: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
  })
  .map((value) => {
    const out: FaultRule = { vendor: value.vendor, rates: value.rates };
    if (value.path !== undefined) out.path = value.path;
    if (value.latencyMs !== undefined) out.latencyMs = value.latencyMs;
    if (value.forMs !== undefined) out.forMs = value.forMs;
    return out;
  });

describe('parseFaultSpec (property)', () => {
  it('never throws: any text parses to a spec or is rejected with a reason', () => {
    const pieces = fc.constantFrom(
      'cylance',
      'eset',
      'prisma',
      'all',
      ':',
      '=',
      ',',
      ';',
      '/',
      '*',
      '0.5',
      '1',
      '2',
      '429',
      'latency',
      'for',
      '60s',
      'x',
      ' ',
      'seed',
      'errors',
      'hostile',
      '202',
    );
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = parseFaultSpec(input);
        if (result.ok) {
          for (const parsed of result.spec.rules) {
            for (const rate of Object.values(parsed.rates)) expect(rate).toBeGreaterThanOrEqual(0);
            for (const rate of Object.values(parsed.rates)) expect(rate).toBeLessThanOrEqual(1);
          }
        } else {
          expect(result.reason).toMatch(/^SIM_FAULTS clause ".*": .+/s);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back the same spec from its text form', () => {
    fc.assert(
      fc.property(
        fc.array(rule, { maxLength: 5 }),
        fc.option(fc.nat(999_999_999), { nil: undefined }),
        (rules, seed) => {
          const spec = seed === undefined ? { rules } : { seed, rules };
          expect(parseFaultSpec(formatFaultSpec(spec))).toEqual({ ok: true, spec });
        },
      ),
    );
  });
});
