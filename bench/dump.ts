import type { Browser, Page } from 'playwright-core';
import { type Figure, figure } from './figure.ts';
import { median, round } from './stats.ts';

/**
 * Figure 4: the network tab's bookmark dump of every Prisma verdict, from the first verdicts request to the
 * last page's response, in a fresh context per run. The floor is what one request per second allows for
 * the Prisma calls the tab makes meanwhile (any call during the dump shares the vendor's limit; the tab asks
 * for the statistics only once the dump has stopped): (calls − 1) × 1 s + one page's round trip. Every 429
 * from the gateway is counted.
 */
export interface DumpRun {
  ms: number;
  floorMs: number;
  /** The stricter floor: the pages alone at one per second, as if nothing else used Prisma's limit. */
  pagesFloorMs: number;
  pages: number;
  prismaCalls: number;
  status429: number;
}

const verdictsCall = /\/api\/prisma\/.*verdicts(\?|$)/;
const prismaCall = /\/api\/prisma\//;

/** Opens the tab and waits for the whole dump; leaves the page open for the big-table figure. */
export async function runDump(
  browser: Browser,
  origin: string,
  total: number,
): Promise<{ run: DumpRun; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const starts: number[] = [];
  const prismaSpans = new Map<object, { start: number; end: number }>();
  const pageDurations: number[] = [];
  let lastEnd = 0;
  let status429 = 0;
  page.on('request', (request) => {
    if (prismaCall.test(request.url()))
      prismaSpans.set(request, { start: performance.now(), end: Number.POSITIVE_INFINITY });
    if (verdictsCall.test(request.url())) starts.push(performance.now());
  });
  page.on('requestfinished', (request) => {
    const span = prismaSpans.get(request);
    if (span) span.end = performance.now();
  });
  page.on('response', async (response) => {
    if (response.status() === 429) status429++;
    if (!verdictsCall.test(response.url())) return;
    const started = performance.now();
    await response.finished();
    const end = performance.now();
    lastEnd = Math.max(lastEnd, end);
    const timing = response.request().timing();
    // Request start → last byte, from the browser's own timing (falls back to our clock).
    pageDurations.push(timing.responseEnd > 0 ? timing.responseEnd - timing.requestStart : end - started);
  });
  await page.goto(`${origin}/devices?tab=network`, { waitUntil: 'commit' });
  await page
    .getByText(`${total.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} verdicts shown`)
    .waitFor({ timeout: 30_000 + total });
  await page.getByText('All verdicts loaded').waitFor();
  const pages = starts.length;
  const first = starts[0] ?? 0;
  const last = starts.at(-1) ?? 0;
  // Any other Prisma call in flight during the dump shares its one-per-second slots, so it counts toward
  // the floor.
  const prismaCalls = [...prismaSpans.values()].filter(
    (span) => span.start <= last && span.end >= first,
  ).length;
  const run: DumpRun = {
    ms: lastEnd - first,
    floorMs: (prismaCalls - 1) * 1000 + median(pageDurations),
    pagesFloorMs: (pages - 1) * 1000 + median(pageDurations),
    pages,
    prismaCalls,
    status429,
  };
  return { run, page };
}

export function dumpFigures(runs: DumpRun[], total: number): Figure[] {
  const value = median(runs.map((run) => run.ms));
  const floor = median(runs.map((run) => run.floorMs));
  const last = runs.at(-1) as DumpRun;
  return [
    figure({
      group: '4 verdict dump',
      name: `${total.toLocaleString('en-US')} verdicts (${last.pages} pages, ${last.prismaCalls} Prisma calls)`,
      value: round(value),
      unit: 'ms',
      budget: round(1.1 * floor),
      budgetText: `≤ 1.1×floor = ${round(1.1 * floor)}`,
      reference: round(floor),
      referenceText: `${round(floor)} (1 req/s floor)`,
      note: `median of ${runs.length} runs; ${round(value / median(runs.map((run) => run.pagesFloorMs)), 2)}× the pages-only floor`,
    }),
    figure({
      group: '4 verdict dump',
      name: '429 answers during the dumps',
      value: runs.reduce((sum, run) => sum + run.status429, 0),
      unit: 'count',
      budget: 0,
      reference: null,
    }),
  ];
}
