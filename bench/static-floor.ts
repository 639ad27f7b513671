import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import { whenVisible } from './browser.ts';
import { type Figure, figure } from './figure.ts';
import { median, round } from './stats.ts';

/**
 * Diagnostic for figure 2: what a first visit costs this machine before any of the console's code runs.
 * A page that already holds its row — the built index.html with one data row in it and its stylesheet, its
 * scripts removed, i.e. the best a server-rendered page could do — opened in a fresh context and timed
 * exactly as the deep links are. Served by a bare Node server so the gateway's own work is not in it.
 */
function floorPage(dist: string): string {
  const row = '<table aria-label="Floor"><tbody><tr><td>first data row</td></tr></tbody></table>';
  return readFileSync(join(dist, 'index.html'), 'utf8')
    .replace(/<script\b[^>]*><\/script>/g, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace('<div id="root"></div>', `<div id="root">${row}</div>`);
}

function serveFloor(dist: string) {
  const html = floorPage(dist);
  const server = createServer((request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://floor').pathname);
    if (path.startsWith('/assets/') && path.endsWith('.css')) {
      response.writeHead(200, { 'content-type': 'text/css', 'cache-control': 'max-age=3600' });
      response.end(readFileSync(join(dist, path)));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  return new Promise<{ origin: string; close: () => void }>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

export async function measureStaticFloor(browser: Browser, dist: string, runs: number): Promise<Figure> {
  const floor = await serveFloor(dist);
  const values: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${floor.origin}/`, { waitUntil: 'commit' });
      values.push(await whenVisible(page, 'table[aria-label="Floor"] tbody tr', '\\S'));
      await context.close();
    }
  } finally {
    floor.close();
  }
  return figure({
    group: '2 deep link',
    name: 'diagnostic: first visit to a page that already holds its row (no JS, the console’s CSS) → the row',
    value: round(median(values)),
    unit: 'ms',
    budget: null,
    reference: null,
    note: `median of ${runs}`,
  });
}
