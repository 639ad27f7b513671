import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: builds the console when dist/ is missing or older than its sources, then runs the gateway
 * (server/main.ts prints the URL; demo mode when no vendor credentials are configured).
 */
const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const dist = process.env.TRIAGE_DIST ?? 'dist';

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const builtAt = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
const sourcesAt = Math.max(
  ...['src', 'public', 'index.html', 'vite.config.ts', 'package.json', 'package-lock.json'].map(newest),
);
if (builtAt < sourcesAt) {
  console.log(
    builtAt === 0
      ? `Building the console into ${dist}/ …`
      : `Sources changed since the last build: rebuilding ${dist}/ …`,
  );
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}
await import('../server/main.ts');
