import autocannon from 'autocannon';
import { signCylanceJwt } from '../server/vendors/cylance-auth.ts';
import { type Figure, figure } from './figure.ts';
import type { SimInfo } from './servers.ts';
import { median, round } from './stats.ts';

/**
 * Figure 6: the same Cylance GET (one page of packages) at 50 connections straight to the simulator (with a
 * bearer token, as the gateway sends it) and through the gateway, alternating runs. The gateway under test
 * is started with a very high CYLANCE_RATE_PER_SECOND (main.ts): at the production 10/s the per-vendor
 * limiter — by design — caps throughput at 10 req/s and this figure would measure the limiter, not the
 * gateway's cost. At 50 connections latency is mostly queueing (p50 ≈ 50 / throughput), so unbudgeted
 * diagnostic rows add the latency of one request at a time, and a gateway whose limiter never waits
 * (bench/gateway-without-limiter.ts), to show what the limiter costs.
 */
const vendorPath = '/packages/v2?page=1&page_size=20';

async function cylanceToken(sim: SimInfo): Promise<string> {
  const { jwt } = signCylanceJwt(sim.cylance, Date.now());
  const response = await fetch(`${sim.cylance.baseUrl}/auth/v2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ auth_token: jwt }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`the simulator refused the token request (${response.status})`);
  return body.access_token;
}

interface Run {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
}

async function load(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Run> {
  const result = await autocannon({ url, connections: 50, duration: seconds, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors,
  };
}

const sequentialRequests = 400;

/** Latency without queueing: requests one after another, timed to the sub-millisecond. */
async function sequentialP50(url: string, headers: Record<string, string> = {}): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < sequentialRequests; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function measureGatewayOverhead(
  sim: SimInfo,
  origins: { highRate: string; noLimiter: string },
  runs: number,
  seconds: number,
): Promise<Figure[]> {
  const token = await cylanceToken(sim);
  const directUrl = `${sim.cylance.baseUrl}${vendorPath}`;
  const auth = { authorization: `Bearer ${token}` };
  const viaGateway = (origin: string) => `${origin}/api/cylance${vendorPath}`;
  // Warm every path (token minting, JIT) before measuring.
  for (const origin of [origins.highRate, origins.noLimiter]) await load(viaGateway(origin), 1);
  await load(directUrl, 1, auth);
  const direct: Run[] = [];
  const gateway: Run[] = [];
  const bypassed: Run[] = [];
  for (let run = 0; run < runs; run++) {
    direct.push(await load(directUrl, seconds, auth));
    gateway.push(await load(viaGateway(origins.highRate), seconds));
    bypassed.push(await load(viaGateway(origins.noLimiter), seconds));
  }
  const unloaded = {
    direct: await sequentialP50(directUrl, auth),
    gateway: await sequentialP50(viaGateway(origins.highRate)),
    bypassed: await sequentialP50(viaGateway(origins.noLimiter)),
  };
  const failed = [...direct, ...gateway, ...bypassed].reduce((sum, run) => sum + run.failed, 0);
  if (failed > 0) throw new Error(`${failed} requests failed during the overhead runs`);
  const pick = (runs: Run[], key: keyof Run) => median(runs.map((run) => run[key]));
  const directRps = pick(direct, 'rps');
  const gatewayRps = pick(gateway, 'rps');
  const group = '6 gateway overhead (50 conn.)';
  const note = `median of ${runs} × ${seconds} s; GET /cylance${vendorPath}`;
  return [
    figure({
      group,
      name: 'throughput through the gateway',
      value: round(gatewayRps),
      unit: 'req/s',
      budget: round(0.7 * directRps),
      budgetText: `≥ 0.7×direct = ${round(0.7 * directRps)}`,
      direction: 'min',
      reference: round(directRps),
      referenceText: `${round(directRps)} (direct)`,
      note,
    }),
    figure({
      group,
      name: 'added p50 latency',
      value: round(pick(gateway, 'p50') - pick(direct, 'p50'), 2),
      unit: 'ms',
      budget: 2,
      reference: pick(direct, 'p50'),
      referenceText: `${pick(direct, 'p50')} (direct p50)`,
    }),
    figure({
      group,
      name: 'added p99 latency',
      value: round(pick(gateway, 'p99') - pick(direct, 'p99'), 2),
      unit: 'ms',
      budget: null,
      reference: pick(direct, 'p99'),
      referenceText: `${pick(direct, 'p99')} (direct p99)`,
    }),
    figure({
      group,
      name: 'diagnostic: throughput, limiter bypassed',
      value: round(pick(bypassed, 'rps')),
      unit: 'req/s',
      budget: null,
      reference: round(directRps),
      referenceText: `${round(directRps)} (direct)`,
    }),
    ...(['gateway', 'bypassed'] as const).map((path) =>
      figure({
        group,
        name: `diagnostic: added p50, one request at a time${path === 'bypassed' ? ', limiter bypassed' : ''}`,
        value: round(unloaded[path] - unloaded.direct, 2),
        unit: 'ms',
        budget: null,
        reference: round(unloaded.direct, 2),
        referenceText: `${round(unloaded.direct, 2)} (direct p50)`,
        note: `${sequentialRequests} sequential requests`,
      }),
    ),
  ];
}
