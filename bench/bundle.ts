import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Figure, figure } from './figure.ts';
import { round } from './stats.ts';

/**
 * Figure 1: what the first route costs over the wire. Reads vite's manifest (build.manifest in
 * vite.config.ts): the entry chunk and its static imports are what index.html loads before any route
 * (its <script> and modulepreloads); each lazy route adds its own chunk and the static imports not
 * already loaded. Sizes are gzip (level 9, like a static server's precompressed assets).
 */
interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

// The issue: react-dom, the router and react-query come to about 110 kB; the budget leaves 70 kB for the app.
const frameworkFloorKb = 110;
const firstRouteBudgetKb = 180;
const overviewKey = 'src/features/overview/overview-page.tsx';

function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) closure(manifest, imported, seen);
  return seen;
}

export function measureBundle(dist: string): Figure[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const gzipKb = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
  const size = (keys: Iterable<string>) => {
    let js = 0;
    let css = 0;
    const cssFiles = new Set<string>();
    for (const key of keys) {
      const chunk = manifest[key] as ManifestChunk;
      js += gzipKb(chunk.file);
      for (const file of chunk.css ?? []) cssFiles.add(file);
    }
    for (const file of cssFiles) css += gzipKb(file);
    return { js, css };
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error(`no entry chunk in ${dist}/.vite/manifest.json`);
  const shell = closure(manifest, entryKey);
  const shellSize = size(shell);
  const figures: Figure[] = [
    figure({
      group: '1 bundle',
      name: 'first route JS (index.html graph)',
      value: round(shellSize.js),
      unit: 'kB gz',
      budget: firstRouteBudgetKb,
      reference: frameworkFloorKb,
      referenceText: `${frameworkFloorKb} (framework floor)`,
    }),
    figure({
      group: '1 bundle',
      name: 'first route CSS',
      value: round(shellSize.css),
      unit: 'kB gz',
      budget: null,
      reference: null,
    }),
  ];
  for (const routeKey of manifest[entryKey]?.dynamicImports ?? []) {
    const own = [...closure(manifest, routeKey)].filter((key) => !shell.has(key));
    const routeSize = size(own);
    if (routeKey === overviewKey) {
      figures.push(
        figure({
          group: '1 bundle',
          name: 'first visit to / (index.html graph + Overview route) JS',
          value: round(shellSize.js + routeSize.js),
          unit: 'kB gz',
          budget: null,
          reference: frameworkFloorKb,
          referenceText: `${frameworkFloorKb} (framework floor)`,
          note: 'the Overview route draws a chart (recharts)',
        }),
      );
    }
    const src = manifest[routeKey]?.src ?? manifest[routeKey]?.file ?? routeKey;
    // Route pages live under src/features; anything else the entry loads lazily is named as such.
    const name = src.startsWith('src/features/')
      ? `route ${src.slice('src/features/'.length)}`
      : `lazy ${manifest[routeKey]?.name ?? src}`;
    figures.push(
      figure({
        group: '1 bundle',
        name: `${name} (own JS + CSS)`,
        value: round(routeSize.js + routeSize.css),
        unit: 'kB gz',
        budget: null,
        reference: shellSize.js,
        referenceText: 'first route JS',
        note: `${round(routeSize.js)} JS + ${round(routeSize.css)} CSS`,
      }),
    );
  }
  return figures;
}
