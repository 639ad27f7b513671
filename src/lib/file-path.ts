import type { ParseResult } from './device-id.ts';

/**
 * File paths for Cylance file retrieval (api-contracts.md §1 "File retrieval"): the agent needs an absolute
 * path on the device. The path is sent exactly as typed (backslashes, spaces and non-ASCII names travel in a
 * JSON body, never in a URL); only surrounding whitespace and the quotes of Explorer's "Copy as path" go.
 */
export type FilePathKind = 'windows' | 'unc' | 'posix';

/** Linux PATH_MAX; Windows long paths go further, but a longer value is a paste accident, not a file. */
export const maxFilePathLength = 4096;

const windowsReserved = /[<>:"|?*]/;

function isRelativeReason(path: string): string {
  if (path.startsWith('~')) return 'starts with ~, which only a shell expands: give the full path (/home/…)';
  if (/^[A-Za-z]:(?![\\/])/.test(path))
    return `is relative to the current folder of drive ${path[0]}: — write ${path[0]}:\\…`;
  if (path.startsWith('\\')) return 'has no drive letter: write C:\\… or a UNC path \\\\server\\share\\…';
  return 'is relative: give an absolute path such as C:\\Users\\name\\file.exe, \\\\server\\share\\file or /tmp/file';
}

function checkSegments(segments: string[], kind: FilePathKind): string | undefined {
  if (segments.some((segment) => segment === '..' || segment === '.'))
    return 'contains . or .. segments: give the resolved path';
  if (segments.at(-1) === '') return 'ends with a separator: that names a folder, not a file';
  if (segments.slice(0, -1).some((segment) => segment === ''))
    return 'contains an empty folder name (two separators in a row)';
  if (kind !== 'posix' && segments.some((segment) => windowsReserved.test(segment)))
    return 'contains a character Windows does not allow in names (< > : " | ? *)';
  return undefined;
}

export function validateFilePath(input: string): ParseResult<{ path: string; kind: FilePathKind }> {
  let path = input.trim();
  if (/^".*"$/s.test(path)) path = path.slice(1, -1);
  if (path === '') return { ok: false, reason: 'Enter the full path of the file on the device' };
  if (path.length > maxFilePathLength)
    return { ok: false, reason: `The path is ${path.length} characters long; at most ${maxFilePathLength}` };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(path))
    return { ok: false, reason: 'The path contains a control character (a line break or tab?)' };

  let kind: FilePathKind;
  let segments: string[];
  if (/^[A-Za-z]:\\/.test(path)) {
    kind = 'windows';
    segments = path.slice(3).split('\\');
  } else if (/^[A-Za-z]:\//.test(path)) {
    return { ok: false, reason: `Windows paths use backslashes: write it as ${path.replaceAll('/', '\\')}` };
  } else if (path.startsWith('\\\\')) {
    kind = 'unc';
    const [server = '', share = '', ...rest] = path.slice(2).split('\\');
    if (server === '' || share === '' || rest.length === 0)
      return { ok: false, reason: 'A UNC path needs a server, a share and a file: \\\\server\\share\\file' };
    segments = rest;
  } else if (path.startsWith('/')) {
    kind = 'posix';
    segments = path.slice(1).split('/');
  } else {
    return { ok: false, reason: `The path ${isRelativeReason(path)}` };
  }
  if (segments.length === 1 && segments[0] === '')
    return { ok: false, reason: 'The path names a drive or root folder, not a file' };
  const problem = checkSegments(segments, kind);
  if (problem) return { ok: false, reason: `The path ${problem}` };
  return { ok: true, value: { path, kind } };
}
