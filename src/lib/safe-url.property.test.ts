import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileUrls } from '../../sim/faults-hostile.ts';
import { toSafeExternalUrl } from './safe-url.ts';

describe('toSafeExternalUrl (property)', () => {
  it('never throws: any value is an https (or loopback http in demo) link or inert with a reason', () => {
    const scheme = fc.constantFrom(
      'https://',
      'http://',
      'javascript:',
      'JavaScript:',
      ' javascript:',
      'data:',
      'vbscript:',
      '//',
      '',
    );
    const host = fc.constantFrom('example.com', '127.0.0.1', 'localhost', '[::1]', 'evil.test', '');
    const urlLike = fc.tuple(scheme, host, fc.string()).map(([a, b, c]) => `${a}${b}${c}`);
    fc.assert(
      fc.property(fc.oneof(fc.string(), urlLike, fc.webUrl()), fc.boolean(), (value, demo) => {
        const result = toSafeExternalUrl(value, { allowLoopbackHttp: demo });
        if (!result.ok) {
          expect(result.reason).not.toBe('');
          return;
        }
        const url = new URL(result.href);
        expect(url.protocol === 'https:' || (demo && url.protocol === 'http:')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('turns none of the simulator hostile URLs into a link', () => {
    for (const url of hostileUrls) expect(toSafeExternalUrl(url, { allowLoopbackHttp: true }).ok).toBe(false);
  });
});
