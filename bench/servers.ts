import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { SimMessage } from './sim-process.ts';

/**
 * The processes the bench measures: the simulated vendors (bench/sim-process.ts) and the real gateway
 * (`node server/main.ts`) in *live* mode pointed at them — the same code path as a deployment, with the
 * production limiter settings unless a figure says otherwise (gateway-overhead.ts).
 */
/** A message without its id (Omit distributed over the union). */
type SimRequest = SimMessage extends infer M ? (M extends unknown ? Omit<M, 'id'> : never) : never;

export interface SimInfo {
  origin: string;
  cylance: { appId: string; appSecret: string; tenantId: string; baseUrl: string };
  env: Record<string, string>;
}

export interface SimProcess {
  info: SimInfo;
  /** `count` pairs that search as REQUEST, after the first `offset`. */
  pairs(offset: number, count: number): Promise<{ uid: string; device_id: string }[]>;
  /** Requests focus views (PENDING) for `count` requestable pairs after the first `offset`. */
  pending(offset: number, count: number): Promise<{ uid: string; device_id: string }[]>;
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function startSim(env: Record<string, string>): Promise<SimProcess> {
  const child = spawn(process.execPath, ['bench/sim-process.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const info = await new Promise<SimInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as SimInfo));
  });
  let nextId = 1;
  const call = <T>(message: SimRequest) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      const onMessage = (reply: { id: number } & T) => {
        if (reply.id !== id) return;
        child.off('message', onMessage);
        resolve(reply);
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  return {
    info,
    pairs: async (offset, count) =>
      (await call<{ pairs: { uid: string; device_id: string }[] }>({ type: 'pairs', offset, count })).pairs,
    pending: async (offset, count) =>
      (await call<{ pairs: { uid: string; device_id: string }[] }>({ type: 'pending', offset, count })).pairs,
    advance: async (ms) => {
      await call({ type: 'advance', ms });
    },
    stop: () => stopChild(child),
  };
}

export interface GatewayProcess {
  origin: string;
  stop(): Promise<void>;
}

export async function startGateway(
  sim: SimInfo,
  port: number,
  dist: string,
  extraEnv: Record<string, string> = {},
  /** bench/gateway-without-limiter.ts for the overhead figure's diagnostic rows. */
  script = 'server/main.ts',
): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      ...sim.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TRIAGE_DIST: dist,
      TRIAGE_ENV_FILE: '/dev/null',
      TRIAGE_AUDIT_LOG: `test-results/bench-audit-${port}.log`,
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode})`);
    const healthy = await fetch(`${origin}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) throw new Error('gateway did not start within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { origin, stop: () => stopChild(child) };
}
