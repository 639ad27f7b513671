import { existsSync, readFileSync } from 'node:fs';
import { HttpResponse, http } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simAuthState } from '../sim/auth-store.ts';
import { generateTestCerts } from './test-certs.ts';
import { type LiveSetup, startLiveSetup, tempDir } from './test-support.ts';

// Issue #8 "Secrets never reach the browser, /api/config, logs, error messages or the audit log".
let setup: LiveSetup;
const outputs: string[] = [];

beforeAll(async () => {
  // A vendor error that echoes the request path, legacy-path key included.
  const echo = http.get(/\/prisma\/api\/v1\/token\/[^/]+\/verdicts:statistics$/, ({ request }) =>
    HttpResponse.json({ code: 400, message: `bad path ${new URL(request.url).pathname}` }, { status: 400 }),
  );
  setup = await startLiveSetup({
    extraHandlers: [echo],
    env: { PRISMA_KEY_IN_PATH: 'true', CYLANCE_RATE_PER_SECOND: '100' },
  });
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${setup.gateway.origin}${path}`, init);
    outputs.push(`${response.status} ${JSON.stringify([...response.headers])} ${await response.text()}`);
  };
  const post = (path: string, body: unknown) =>
    call(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await call('/api/config');
  await call('/api/health');
  await call('/api/cylance/devices/v2');
  await call('/api/eset/v1/devices');
  await call('/api/prisma/verdicts');
  await post('/api/cylance/foci/v2', {
    device_id: '45E07F34E76B4A9EB167D6D0C510D6BA',
    artifact_type: 'File',
    value: 'x',
  });
  await post('/api/cylance/devicecommands/v2/45E07F34E76B4A9EB167D6D0C510D6BA/getfile', {
    file_path: 'C:\\a.txt',
  });
  await call('/api/cylance/nope');
  await call('/api/prisma/verdicts:statistics');
});
afterAll(() => setup.close());

describe('redaction', () => {
  it('keeps secrets and minted tokens out of responses, logs and the audit log', () => {
    const tokens = [
      ...simAuthState(setup.tenant).accessTokens.keys(),
      ...simAuthState(setup.tenant).refreshTokens.keys(),
    ];
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    const secrets = [
      setup.env.CYLANCE_APP_SECRET!,
      setup.env.ESET_PASSWORD!,
      setup.env.PRISMA_API_KEY!,
      ...tokens,
    ];
    expect(existsSync(setup.auditPath)).toBe(true);
    const everything = [...outputs, ...setup.logs, readFileSync(setup.auditPath, 'utf8')].join('\n');
    expect(setup.logs.length).toBeGreaterThan(0);
    expect(everything).toContain('bad path /prisma/api/v1/token/[redacted]/verdicts:statistics');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('redacts a secret or a minted token even if something tries to log it', () => {
    const [token] = simAuthState(setup.tenant).accessTokens.keys();
    expect(setup.gateway.redactor.redact(`Bearer ${token}`)).toBe('Bearer [redacted]');
    const before = setup.logs.length;
    setup.gateway.redactor.add('late-token-abcdef');
    const line = setup.gateway.redactor.redact(`key=${setup.env.PRISMA_API_KEY} token=late-token-abcdef`);
    expect(line).toBe('key=[redacted] token=[redacted]');
    expect(setup.logs.length).toBe(before);
  });
});

describe('redaction of the other secrets a deployment holds', () => {
  it('knows the Prisma client key, the OIDC client secret and the session secret from the start', async () => {
    const dir = tempDir('triage-certs-');
    const certs = generateTestCerts(dir.path);
    const secrets = {
      client: 'oidc-client-secret-4f1c9e',
      session: 'session-secret-7b2d-0c8e-41aa-9f3e-5d61a2',
    };
    const withAll = await startLiveSetup({
      vendors: ['prisma'],
      env: {
        PRISMA_CLIENT_CERT: certs.clientCertPath,
        PRISMA_CLIENT_KEY: certs.clientKeyPath,
        PRISMA_CA_CERT: certs.caCertPath,
        OIDC_ISSUER: 'https://login.example.com/realms/soc',
        OIDC_CLIENT_ID: 'triage',
        OIDC_CLIENT_SECRET: secrets.client,
        OIDC_REDIRECT_URL: 'https://triage.example.com/auth/callback',
        TRIAGE_RESPONDER_GROUPS: 'ir',
        TRIAGE_SESSION_SECRET: secrets.session,
      },
    });
    try {
      const key = readFileSync(certs.clientKeyPath, 'utf8');
      const line = withAll.gateway.redactor.redact(
        `client=${secrets.client} session=${secrets.session} key=${key} encoded=${encodeURIComponent(secrets.client)}`,
      );
      expect(line).toBe('client=[redacted] session=[redacted] key=[redacted] encoded=[redacted]');
    } finally {
      await withAll.close();
      dir.remove();
    }
  });
});
