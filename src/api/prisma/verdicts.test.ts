import { HttpResponse, http } from 'msw';
import { createQueryClient } from '../../app/query-client.ts';
import { createPacer } from '../../lib/pacer.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { simTiming } from '../../test/sim-timing.ts';
import { cancelVerdictDump, runVerdictDump, verdictDumpQuery } from './verdict-dump.ts';
import { dumpVerdicts, getVerdictStatistics, lookupVerdicts, prismaPacer } from './verdicts.ts';

const sim = useSimServer({ prismaVerdicts: 2_500 });

beforeEach(() => {
  prismaPacer.reset();
  prismaPacer.timing = simTiming(sim);
});

async function collect(pages: AsyncIterable<{ verdicts: unknown[] }>) {
  const rows: unknown[] = [];
  let count = 0;
  for await (const page of pages) {
    rows.push(...page.verdicts);
    count++;
  }
  return { rows, count };
}

describe('the verdict dump against the simulator', () => {
  it('N pages take at least N−1 seconds of simulator time and cause zero 429s', async () => {
    const started = sim.tenant.clock.now();
    const { rows, count } = await collect(dumpVerdicts({ pageLen: 500 }));
    expect(count).toBe(5);
    expect(rows).toHaveLength(2_500);
    expect(sim.tenant.clock.now() - started).toBeGreaterThanOrEqual((count - 1) * 1_000);
    expect(sim.tenant.prismaVerdicts.rateLimit.refused).toBe(0);
    expect(sim.requests).toHaveLength(5);
  });

  it('paces every Prisma call through one pacer, so statistics and a lookup beside a dump get no 429', async () => {
    const ip = sim.tenant.world.prismaMachines[7]!.ip;
    const [dump, stats, found] = await Promise.all([
      collect(dumpVerdicts({ pageLen: 1_000 })),
      getVerdictStatistics(),
      lookupVerdicts([ip, '192.0.2.1']),
    ]);
    expect(dump.rows).toHaveLength(2_500);
    expect(stats.verdicts.totalCount).toBe(2_500);
    expect(found.map((verdict) => verdict.ip)).toEqual([ip]);
    expect(sim.tenant.prismaVerdicts.rateLimit.refused).toBe(0);
  });

  it('honours a 429 with Retry-After and slows down when paced too fast', async () => {
    const pacer = createPacer({ intervalMs: 300, serial: true, timing: simTiming(sim) });
    const { rows } = await collect(dumpVerdicts({ pageLen: 500, pacer }));
    expect(rows).toHaveLength(2_500);
    expect(sim.tenant.prismaVerdicts.rateLimit.refused).toBeGreaterThan(0);
    expect(pacer.intervalMs).toBeGreaterThan(300);
  });

  it('rejects a lookup of more than 10 IPs or a malformed one without calling Prisma', async () => {
    const eleven = Array.from({ length: 11 }, (_, index) => `10.0.0.${index + 1}`);
    await expect(lookupVerdicts(eleven)).rejects.toThrow('At most 10');
    await expect(lookupVerdicts(['10.0.0.300'])).rejects.toThrow('above 255');
    expect(sim.requests).toHaveLength(0);
  });
});

describe('runVerdictDump (the cache entry the network tab reads)', () => {
  it('keeps what was loaded when a page fails for good, then resumes from the bookmark without duplicates', async () => {
    const queryClient = createQueryClient();
    let failures = 0;
    sim.server.use(
      http.get(/\/api\/prisma\/verdicts$/, ({ request }) => {
        if (new URL(request.url).searchParams.get('bookmark') && failures < 3) {
          failures++;
          return HttpResponse.json({ code: 503, message: 'maintenance' }, { status: 503 });
        }
        return undefined;
      }),
    );
    await runVerdictDump(queryClient, { pageLen: 1_000, maxRetries: 2 });
    const failed = queryClient.getQueryData(verdictDumpQuery().queryKey)!;
    expect(failed.status).toBe('failed');
    expect(failed.verdicts).toHaveLength(1_000);
    expect(failed.retries).toBe(2);
    expect(failed.resumeBookmark).toBeTruthy();

    await runVerdictDump(queryClient, { pageLen: 1_000, resume: true });
    const done = queryClient.getQueryData(verdictDumpQuery().queryKey)!;
    expect(done.status).toBe('done');
    expect(new Set(done.verdicts.map((verdict) => verdict.mac)).size).toBe(2_500);
    expect(done.pages).toBe(3);
  });

  it('cancels between pages and resumes from the last bookmark', async () => {
    const queryClient = createQueryClient();
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.getQueryData(verdictDumpQuery().queryKey)?.pages === 2) cancelVerdictDump(queryClient);
    });
    await runVerdictDump(queryClient, { pageLen: 500 });
    unsubscribe();
    const cancelled = queryClient.getQueryData(verdictDumpQuery().queryKey)!;
    expect(cancelled).toMatchObject({ status: 'cancelled', pages: 2 });
    expect(cancelled.verdicts).toHaveLength(1_000);

    await runVerdictDump(queryClient, { pageLen: 500, resume: true });
    const done = queryClient.getQueryData(verdictDumpQuery().queryKey)!;
    expect(done).toMatchObject({ status: 'done', pages: 5 });
    expect(new Set(done.verdicts.map((verdict) => verdict.mac)).size).toBe(2_500);
    expect(sim.requests).toHaveLength(5);
  });

  it('retries a failed page with backoff and finishes', async () => {
    const queryClient = createQueryClient();
    let failed = false;
    sim.server.use(
      http.get(/\/api\/prisma\/verdicts$/, ({ request }) => {
        if (new URL(request.url).searchParams.get('bookmark') && !failed) {
          failed = true;
          return HttpResponse.json({ code: 500, message: 'oops' }, { status: 500 });
        }
        return undefined;
      }),
    );
    await runVerdictDump(queryClient, { pageLen: 1_000 });
    const state = queryClient.getQueryData(verdictDumpQuery().queryKey)!;
    expect(state).toMatchObject({ status: 'done', retries: 1, pages: 3 });
    expect(state.verdicts).toHaveLength(2_500);
  });
});
