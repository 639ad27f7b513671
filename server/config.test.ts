import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { loadEnv } from './env-file.ts';
import { tempDir } from './test-support.ts';

const dir = tempDir('triage-config-');
afterAll(() => dir.remove());

function problems(env: Record<string, string>): string[] {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
}

describe('gateway configuration', () => {
  it('is demo mode with no vendor credentials, on 127.0.0.1:8080', () => {
    const result = loadConfig({});
    expect(result.ok && result.config).toMatchObject({
      mode: 'demo',
      host: '127.0.0.1',
      port: 8080,
      distDir: 'dist',
      auditLogPath: 'data/audit.log',
    });
  });

  it('builds region URLs, and explicit URLs win', () => {
    const result = loadConfig({
      CYLANCE_APP_ID: 'app',
      CYLANCE_APP_SECRET: 'secret-123456',
      CYLANCE_TENANT_ID: 'tenant',
      CYLANCE_REGION: 'euc1',
      ESET_USERNAME: 'u',
      ESET_PASSWORD: 'password-123',
      ESET_REGION: 'de',
      PRISMA_API_KEY: 'key-123456',
      PRISMA_BASE_URL: 'http://127.0.0.1:9/',
      PRISMA_KEY_IN_PATH: 'true',
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.mode).toBe('live');
    expect(result.config.vendors.cylance?.baseUrl).toBe('https://protectapi-euc1.cylance.com');
    expect(result.config.vendors.eset).toMatchObject({
      deviceManagementUrl: 'https://de.device-management.eset.systems',
      authUrl: 'https://de.business-account.iam.eset.systems/oauth/token',
    });
    expect(result.config.vendors.prisma).toMatchObject({
      baseUrl: 'http://127.0.0.1:9/api/v1/token',
      keyInPath: true,
      ratePerSecond: 1,
    });
  });

  it('names each problem on its own line', () => {
    const missingCert = join(dir.path, 'nope.pem');
    const notACert = join(dir.path, 'garbage.pem');
    writeFileSync(notACert, 'not a certificate');
    const lines = problems({
      CYLANCE_APP_ID: 'app',
      CYLANCE_REGION: 'mars',
      ESET_USERNAME: 'u',
      ESET_PASSWORD: 'p-123456',
      ESET_REGION: 'atlantis',
      PRISMA_API_KEY: 'k-123456',
      PRISMA_REGION: 'us',
      PRISMA_CLIENT_CERT: missingCert,
      PRISMA_CLIENT_KEY: notACert,
      HOST: '0.0.0.0',
      PORT: '99999',
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'CYLANCE_APP_SECRET is missing (CYLANCE_APP_ID is set).',
        'CYLANCE_TENANT_ID is missing (CYLANCE_APP_ID is set).',
        'ESET_REGION "atlantis" does not exist (use eu, de, us, ca, jpn).',
        `PRISMA_CLIENT_CERT: cannot read ${missingCert} (ENOENT).`,
        `PRISMA_CLIENT_KEY: ${notACert} is not a PEM private key.`,
        'PORT must be 0–65535, got "99999".',
        expect.stringContaining('HOST=0.0.0.0 is not a loopback address'),
      ]),
    );
    expect(
      problems({
        CYLANCE_APP_ID: 'a',
        CYLANCE_APP_SECRET: 's-123456',
        CYLANCE_TENANT_ID: 't',
        CYLANCE_REGION: 'mars',
      }),
    ).toEqual(['CYLANCE_REGION "mars" does not exist (use na, euc1, apne1, au, sae1, us-gov).']);
    expect(problems({ ESET_USERNAME: 'u', ESET_PASSWORD: 'p-123456' })).toEqual([
      'ESET_REGION is missing (eu, de, us, ca, jpn), or set ESET_DEVICE_MANAGEMENT_URL and ESET_AUTH_URL.',
    ]);
  });

  it('reads a .env file, with the environment winning', () => {
    const file = join(dir.path, '.env');
    writeFileSync(file, 'PORT=9000\nESET_REGION="de"\n# a comment\n');
    expect(loadEnv(file, { PORT: '9100' })).toMatchObject({ PORT: '9100', ESET_REGION: 'de' });
    expect(loadEnv(join(dir.path, 'missing.env'), { PORT: '1' })).toEqual({ PORT: '1' });
  });

  it('listens on a non-loopback address only with TRIAGE_ALLOW_REMOTE=true, and warns loudly', () => {
    const result = loadConfig({ HOST: '0.0.0.0', TRIAGE_ALLOW_REMOTE: 'true' });
    expect(result.ok && result.config.warnings).toEqual([
      expect.stringContaining('WARNING: listening on 0.0.0.0'),
    ]);
  });

  it('stops `npm run gateway` with one line per problem and never prints a secret', () => {
    const run = spawnSync(process.execPath, ['server/main.ts'], {
      env: {
        PATH: process.env.PATH,
        TRIAGE_ENV_FILE: join(dir.path, 'no.env'),
        CYLANCE_APP_SECRET: 'super-secret-value-42',
        ESET_REGION: 'eu',
        PORT: '0',
      },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('triage-gateway:'));
    expect(lines).toEqual([
      'triage-gateway: CYLANCE_APP_ID is missing (CYLANCE_APP_SECRET is set).',
      'triage-gateway: CYLANCE_TENANT_ID is missing (CYLANCE_APP_SECRET is set).',
      'triage-gateway: not started (fix the lines above; see README "Configuration").',
    ]);
    expect(run.stdout + run.stderr).not.toContain('super-secret-value-42');
  });
});
