import { afterAll, describe, expect, it } from 'vitest';
import { defaultSimConfig } from '../../sim/config.ts';
import { loadConfig } from '../config.ts';
import { startGateway } from '../gateway.ts';
import { smallSim, tempDir } from '../test-support.ts';
import { safeReturnTo } from './auth.ts';

const oidc = {
  OIDC_ISSUER: 'https://login.example.com/realms/soc',
  OIDC_CLIENT_ID: 'triage',
  OIDC_CLIENT_SECRET: 'client-secret-123',
  OIDC_REDIRECT_URL: 'https://triage.example.com/auth/callback',
  TRIAGE_RESPONDER_GROUPS: 'ir, soc-leads',
  TRIAGE_SESSION_SECRET: 'x'.repeat(40),
};

const problems = (env: Record<string, string>) => {
  const result = loadConfig(env);
  return result.ok ? [] : result.problems;
};

describe('sign-in configuration (issue #9)', () => {
  it('reads OIDC settings with defaults; https redirect URL means Secure cookies', () => {
    const result = loadConfig(oidc);
    expect(result.ok && result.config.auth).toEqual({
      issuer: oidc.OIDC_ISSUER,
      clientId: 'triage',
      clientSecret: 'client-secret-123',
      redirectUrl: oidc.OIDC_REDIRECT_URL,
      scopes: 'openid profile email',
      rolesClaim: 'groups',
      responderGroups: ['ir', 'soc-leads'],
      sessionSecret: oidc.TRIAGE_SESSION_SECRET,
      idleMs: 30 * 60_000,
      absoluteMs: 12 * 3_600_000,
      secureCookies: true,
    });
    expect(
      loadConfig({}).ok && (loadConfig({}) as { config: { auth?: unknown } }).config.auth,
    ).toBeUndefined();
  });

  it('names each problem on its own line', () => {
    expect(problems({ OIDC_ISSUER: 'http://idp.example.com', TRIAGE_SESSION_IDLE_MIN: '0' })).toEqual([
      'OIDC_CLIENT_ID is missing (sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_REDIRECT_URL).',
      'OIDC_REDIRECT_URL is missing (sign-in needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_REDIRECT_URL).',
      'OIDC_ISSUER must be an https URL (http only for a loopback address), got "http://idp.example.com".',
      expect.stringContaining('TRIAGE_SESSION_SECRET is missing'),
      'TRIAGE_SESSION_IDLE_MIN must be a positive number, got "0".',
    ]);
    expect(
      problems({
        ...oidc,
        TRIAGE_SESSION_SECRET: 'short',
        OIDC_REDIRECT_URL: 'https://t.example.com/callback',
      }),
    ).toEqual([
      'OIDC_REDIRECT_URL must end in /auth/callback (the gateway\'s callback), got "https://t.example.com/callback".',
      'TRIAGE_SESSION_SECRET must be at least 32 characters long.',
    ]);
  });

  it('may listen on any address with sign-in; without it the loopback rule stands', () => {
    expect(loadConfig({ ...oidc, HOST: '0.0.0.0' }).ok).toBe(true);
    expect(problems({ HOST: '0.0.0.0' })).toEqual([
      expect.stringContaining('HOST=0.0.0.0 is not a loopback address'),
    ]);
  });

  it('warns when nobody can be a responder', () => {
    const result = loadConfig({ ...oidc, TRIAGE_RESPONDER_GROUPS: '' });
    expect(result.ok && result.config.warnings).toEqual([
      'TRIAGE_RESPONDER_GROUPS is empty: everyone who signs in is a viewer.',
    ]);
  });

  it('keeps sign-in return paths on this origin', () => {
    expect(safeReturnTo('/devices/WKS-1?tab=eset')).toBe('/devices/WKS-1?tab=eset');
    for (const bad of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/auth/logout',
    ]) {
      expect(safeReturnTo(bad)).toBe('/');
    }
  });
});

describe('without OIDC', () => {
  const dir = tempDir('triage-noauth-');
  afterAll(() => dir.remove());

  it('keeps loopback use without sign-in: /api/me says so and every call works', async () => {
    const result = loadConfig({
      PORT: '0',
      TRIAGE_DIST: dir.path,
      TRIAGE_AUDIT_LOG: `${dir.path}/audit.log`,
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const gateway = await startGateway(result.config, {
      simConfig: { ...defaultSimConfig, ...smallSim },
      write: () => {},
    });
    try {
      expect(await (await fetch(`${gateway.origin}/api/me`)).json()).toEqual({
        signedIn: false,
        role: 'responder',
        auth: 'none',
      });
      const search = await fetch(`${gateway.origin}/api/cylance/foci/v2/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify([{ uid: 'x', device_id: 'A' }]),
      });
      expect(search.status).toBe(200);
    } finally {
      await gateway.close();
    }
  });
});
