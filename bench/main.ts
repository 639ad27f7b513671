import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { measureBigTable } from './big-table.ts';
import { launchBrowser } from './browser.ts';
import { measureBundle } from './bundle.ts';
import { measureDeepLinks } from './deep-link.ts';
import { type DumpRun, dumpFigures, runDump } from './dump.ts';
import type { Figure } from './figure.ts';
import { measureGatewayOverhead } from './gateway-overhead.ts';
import { measurePolling } from './polling.ts';
import { renderTable, writeResults } from './report.ts';
import { startGateway, startSim } from './servers.ts';
import { measureStaticFloor } from './static-floor.ts';

/**
 * `npm run bench` (issue #11): builds the app into its own folder, starts the simulator and the gateway
 * (live mode against it, production limits), runs the six figures, prints one table and writes
 * bench/results.json; exits 1 when a budget is broken. `npm run bench -- --quick` (< 1 min): small sizes,
 * fewer runs — it only proves the bench still runs (exit 1 only when a figure could not be measured; CI runs
 * it), its numbers are not the ones to publish (bench/results-quick.json).
 * BENCH_PORT (default 8300) and the next two ports are used; BENCH_DIST (default dist-bench) is the build folder.
 */
const quick = process.argv.includes('--quick');
/** `--only=deep-link,dump,big-table,polling,gateway` runs just those figures (the bundle is always measured). */
const onlyArg = process.argv.find((arg) => arg.startsWith('--only='));
const only = new Set(onlyArg ? onlyArg.slice('--only='.length).split(',') : []);
const wanted = (figure: string) => only.size === 0 || only.has(figure);
const port = Number(process.env.BENCH_PORT ?? 8300);
const dist = process.env.BENCH_DIST ?? 'dist-bench';
const sizes = quick
  ? {
      verdicts: 20_000,
      deepLinkRuns: 2,
      dumpRuns: 1,
      samples: 6,
      polling: [200],
      watchMs: 3_000,
      quietMs: 5_000,
    }
  : {
      verdicts: 100_000,
      deepLinkRuns: 5,
      dumpRuns: 3,
      samples: 20,
      polling: [1_000, 10_000],
      watchMs: 20_000,
      quietMs: 35_000,
    };

function log(message: string) {
  console.error(`bench: ${message}`);
}

log(`building into ${dist}`);
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
  env: { ...process.env, TRIAGE_DIST: dist },
  stdio: 'inherit',
});
const figures: Figure[] = measureBundle(dist);

const sim = await startSim({
  SIM_PRISMA_VERDICTS: String(sizes.verdicts),
  // Page 3 of 50 must exist for the packages deep link.
  SIM_PACKAGES: '400',
  // Enough not-yet-requested events for 200 + 1 000 + 10 000 pairs (40 per device).
  SIM_CYLANCE_DEVICES: '600',
  // Requested focus views stay PENDING until the polling figure moves the clock an hour on.
  SIM_PENDING_MIN_MS: String(30 * 60_000),
  SIM_PENDING_MAX_MS: String(40 * 60_000),
});
const gateway = await startGateway(sim.info, port, dist);
// Only for figure 6: the same gateway with the Cylance limiter out of the way (gateway-overhead.ts).
const highRate = { CYLANCE_RATE_PER_SECOND: '1000000' };
const unlimited = await startGateway(sim.info, port + 1, dist, highRate);
const noLimiter = await startGateway(sim.info, port + 2, dist, highRate, 'bench/gateway-without-limiter.ts');
const browser = await launchBrowser();
let failed = false;
try {
  const lookupPairs = await sim.pairs(0, 200);
  if (wanted('deep-link')) {
    log('deep links');
    figures.push(...(await measureDeepLinks(browser, gateway.origin, lookupPairs, sizes.deepLinkRuns)));
    figures.push(await measureStaticFloor(browser, dist, sizes.deepLinkRuns));
  }

  if (wanted('dump') || wanted('big-table')) {
    log(`verdict dump (${sizes.verdicts} verdicts) and big table`);
    const dumps: DumpRun[] = [];
    const dumpRuns = wanted('dump') ? sizes.dumpRuns : 1;
    for (let run = 0; run < dumpRuns; run++) {
      const { run: result, page } = await runDump(browser, gateway.origin, sizes.verdicts);
      dumps.push(result);
      if (run === dumpRuns - 1 && wanted('big-table'))
        figures.push(...(await measureBigTable(page, sizes.verdicts, sizes.samples)));
      await page.context().close();
    }
    if (wanted('dump')) figures.push(...dumpFigures(dumps, sizes.verdicts));
  }

  if (wanted('polling')) {
    log(`polling (${sizes.polling.join(', ')} pending pairs)`);
    figures.push(
      ...(await measurePolling(browser, gateway.origin, sim, sizes.polling, {
        offset: lookupPairs.length,
        watchMs: sizes.watchMs,
        quietMs: sizes.quietMs,
      })),
    );
  }

  if (wanted('gateway')) {
    log('gateway overhead');
    const origins = { highRate: unlimited.origin, noLimiter: noLimiter.origin };
    figures.push(...(await measureGatewayOverhead(sim.info, origins, quick ? 1 : 3, quick ? 1 : 8)));
  }
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  await noLimiter.stop();
  await unlimited.stop();
  await gateway.stop();
  await sim.stop();
}

console.log(renderTable(figures));
// Only a full run writes the published figures; a quick or partial one (`--only`) has a file of its own.
const resultsFile = quick
  ? 'bench/results-quick.json'
  : only.size === 0
    ? 'bench/results.json'
    : 'bench/results-partial.json';
writeResults(resultsFile, figures, {
  quick,
  date: new Date().toISOString(),
  cpus: cpus().length,
  node: process.version,
});
const broken = figures.filter((f) => f.pass === false);
if (broken.length > 0)
  console.error(
    `bench: ${broken.length} budget(s) broken${quick ? ' (quick run: sizes too small to judge, not enforced)' : ''}: ${broken.map((f) => f.name).join('; ')}`,
  );
if (failed) console.error('bench: a figure could not be measured (see the error above)');
// A quick run's sizes and single runs say nothing about the budgets: it fails only when a figure could not be
// measured, so CI (.ci/run) can use it to prove the bench still runs.
process.exit(failed || (broken.length > 0 && !quick) ? 1 : 0);
