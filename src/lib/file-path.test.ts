import { describe, expect, it } from 'vitest';
import { maxFilePathLength, validateFilePath } from './file-path.ts';

describe('validateFilePath', () => {
  it.each([
    ['C:\\Users\\a b\\x.exe', 'windows'],
    ['c:\\Windows\\Temp\\svchost32.exe', 'windows'],
    ['C:\\Users\\Åsa Öberg\\Startup\\løader.vbs', 'windows'],
    ['C:\\Users\\田中\\デスクトップ\\報告.docx', 'windows'],
    ['\\\\FS01\\share\\tools\\psexec.exe', 'unc'],
    ['/tmp/.x/kworker', 'posix'],
    ['/home/build/dir with space/ünïcode.sh', 'posix'],
  ])('accepts %s as %s, unchanged', (input, kind) => {
    expect(validateFilePath(input)).toEqual({ ok: true, value: { path: input, kind } });
  });

  it('drops surrounding whitespace and the quotes of "Copy as path", nothing inside', () => {
    expect(validateFilePath('  "C:\\Program Files\\App\\a b.exe"\n')).toEqual({
      ok: true,
      value: { path: 'C:\\Program Files\\App\\a b.exe', kind: 'windows' },
    });
  });

  it.each([
    ['', /Enter the full path/],
    ['   ', /Enter the full path/],
    ['x.exe', /is relative/],
    ['Users\\a\\x.exe', /is relative/],
    ['~/x.sh', /only a shell expands/],
    ['C:x.exe', /relative to the current folder of drive C/],
    ['\\Windows\\x.exe', /no drive letter/],
    ['C:/Users/x.exe', /use backslashes: write it as C:\\Users\\x\.exe/],
    ['C:\\', /drive or root folder/],
    ['/', /drive or root folder/],
    ['C:\\Users\\', /folder, not a file/],
    ['/var/log/', /folder, not a file/],
    ['C:\\a\\..\\b.exe', /\.\. segments/],
    ['C:\\a\\\\b.exe', /empty folder name/],
    ['C:\\a\\b?.exe', /does not allow/],
    ['\\\\server\\x.exe', /UNC path needs a server, a share and a file/],
    ['C:\\a\nb.exe', /control character/],
  ])('rejects %j with a reason', (input, reason) => {
    const result = validateFilePath(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects a path longer than the limit and accepts one at it', () => {
    const atLimit = `/${'a'.repeat(maxFilePathLength - 1)}`;
    expect(validateFilePath(atLimit).ok).toBe(true);
    const result = validateFilePath(`${atLimit}b`);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/at most 4096/) });
  });

  it('survives a JSON round trip byte for byte', () => {
    const valid = 'C:\\Users\\Åsa Öberg\\Start Menu\\løader 😀.vbs';
    expect(JSON.parse(JSON.stringify({ file_path: valid })).file_path).toBe(valid);
    expect(validateFilePath(valid)).toMatchObject({ ok: true, value: { path: valid } });
  });
});
