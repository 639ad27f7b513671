import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxFilePathLength, validateFilePath } from './file-path.ts';

/** A file or folder name: inner spaces and dots allowed, none at either end (Windows trims those). */
const name = fc.stringMatching(/^[A-Za-z0-9_()-]([A-Za-z0-9 ._()-]{0,18}[A-Za-z0-9_()-])?$/);

describe('validateFilePath (property)', () => {
  it('never throws: any text is an absolute file path of a known kind or is rejected with a reason', () => {
    const pathLike = fc
      .array(
        fc.constantFrom('C:', 'c:', '\\', '/', '\\\\', '..', '.', 'dir', 'a b', '"', '~', '?', '\t', 'é'),
        { maxLength: 12 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), pathLike), (input) => {
        const result = validateFilePath(input);
        if (!result.ok) {
          expect(result.reason).not.toBe('');
          return;
        }
        const { path, kind } = result.value;
        expect(path.length).toBeGreaterThan(0);
        expect(path.length).toBeLessThanOrEqual(maxFilePathLength);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may pass.
        expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
        expect(path.startsWith(kind === 'posix' ? '/' : kind === 'unc' ? '\\\\' : path.slice(0, 3))).toBe(
          true,
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts well-formed Windows, UNC and POSIX paths exactly as typed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('C', 'd', 'Z'),
        fc.array(name, { minLength: 1, maxLength: 6 }),
        (drive, parts) => {
          const windows = `${drive}:\\${parts.join('\\')}`;
          expect(validateFilePath(` "${windows}" `)).toEqual({
            ok: true,
            value: { path: windows, kind: 'windows' },
          });
          const posix = `/${parts.join('/')}`;
          expect(validateFilePath(posix)).toEqual({ ok: true, value: { path: posix, kind: 'posix' } });
          const unc = `\\\\server\\share\\${parts.join('\\')}`;
          expect(validateFilePath(unc)).toEqual({ ok: true, value: { path: unc, kind: 'unc' } });
        },
      ),
    );
  });
});
