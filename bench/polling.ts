import type { Browser } from 'playwright-core';
import { type Figure, figure } from './figure.ts';
import type { SimProcess } from './servers.ts';

/**
 * Figure 5: watching N PENDING focus views. The simulator makes N requested focus views PENDING (in its own
 * process, bench/sim-process.ts); the lookup set is put in localStorage as the console stores it; the page
 * polls through the real hooks (src/tracking/focus-lookups.ts) and the real gateway. After `watchMs` the
 * simulated clock jumps an hour so everything resolves; the bench then waits for "Nothing pending" and
 * watches a quiet window longer than the longest backoff (30 s) for any further vendor call.
 *
 * A poll round is identified per chunk: the k-th search carrying the same body is round k. Calls per tick is
 * the largest round after the initial lookup. The one-call-per-row baseline (GET /foci/v2/{id} per pending
 * row per tick) would make N calls in every one of the same rounds.
 */
const searchCall = /\/api\/cylance\/foci\/v2\/search$/;
const vendorCall = /\/api\/(cylance|eset|prisma)\//;

export async function measurePolling(
  browser: Browser,
  origin: string,
  sim: SimProcess,
  sizes: number[],
  options: { offset: number; watchMs: number; quietMs: number },
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const size of sizes) {
    const pairs = await sim.pending(options.offset, size);
    if (pairs.length < size) throw new Error(`the simulator has only ${pairs.length} requestable pairs`);
    const context = await browser.newContext();
    await context.addInitScript(
      (stored) => {
        if (!sessionStorage.getItem('bench-seeded')) {
          localStorage.setItem('triage.focus-lookup.v1', stored);
          sessionStorage.setItem('bench-seeded', '1');
        }
      },
      JSON.stringify({ pairs, savedAt: Date.now() }),
    );
    const page = await context.newPage();
    const seen = new Map<string, number>();
    const rounds: number[] = [];
    let calls = 0;
    let resolvedAt: number | null = null;
    let afterResolution = 0;
    page.on('request', (request) => {
      if (!vendorCall.test(request.url())) return;
      if (resolvedAt !== null) afterResolution++;
      if (!searchCall.test(request.url())) return;
      calls++;
      const body = request.postData() ?? '';
      const round = (seen.get(body) ?? 0) + 1;
      seen.set(body, round);
      rounds[round - 1] = (rounds[round - 1] ?? 0) + 1;
    });
    await page.goto(`${origin}/focus-views?tab=lookup`);
    await page.waitForTimeout(options.watchMs);
    await sim.advance(60 * 60_000);
    await page.getByText('Nothing pending').waitFor({ timeout: 90_000 });
    resolvedAt = performance.now();
    const callsUntilResolved = calls;
    const roundsUntilResolved = rounds.length;
    await page.waitForTimeout(options.quietMs);
    await context.close();

    const bound = Math.ceil(size / 200);
    const perTick = Math.max(0, ...rounds.slice(1));
    const group = `5 polling (${size.toLocaleString('en-US')} pending)`;
    figures.push(
      figure({
        group,
        name: 'search calls per poll tick (max)',
        value: perTick,
        unit: 'calls',
        budget: bound,
        budgetText: `≤ ⌈N/200⌉ = ${bound}`,
        reference: size,
        referenceText: `${size} (one call per row)`,
        note: `initial lookup ${rounds[0] ?? 0} calls`,
      }),
      figure({
        group,
        name: `calls until all resolved (${roundsUntilResolved} rounds)`,
        value: callsUntilResolved,
        unit: 'calls',
        budget: bound * roundsUntilResolved,
        reference: size * roundsUntilResolved,
        referenceText: `${size * roundsUntilResolved} (one call per row)`,
      }),
      figure({
        group,
        name: `vendor calls in ${options.quietMs / 1000} s after resolution`,
        value: afterResolution,
        unit: 'calls',
        budget: 0,
        reference: null,
      }),
    );
  }
  return figures;
}
