import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Reads a `.env` file beside the project (issue #8 "environment, or a .env file"). Variables already in the
 * environment win, so a one-off `PORT=9000 npm start` still works.
 */
export function loadEnv(
  path: string,
  env: Record<string, string | undefined>,
): Record<string, string | undefined> {
  if (!existsSync(path)) return { ...env };
  const fromFile = parseEnv(readFileSync(path, 'utf8'));
  return { ...fromFile, ...env };
}
