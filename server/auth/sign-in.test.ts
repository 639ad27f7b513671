import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSimConfig } from '../../sim/config.ts';
import { loadConfig } from '../config.ts';
import { type Gateway, startGateway } from '../gateway.ts';
import { smallSim, tempDir } from '../test-support.ts';
import { csrfCookie, csrfHeader } from './auth.ts';
import { createBrowser, freePort, type TestBrowser } from './test-http.ts';
import {
  startTestIdp,
  type TestAccount,
  type TestIdp,
  testAccounts,
  testClient,
  testResponderGroup,
} from './test-idp.ts';

let idp: TestIdp;
let gateway: Gateway;
let dir: ReturnType<typeof tempDir>;
const clock = { offsetMs: 0 };
const auditPath = () => join(dir.path, 'audit.log');

beforeAll(async () => {
  dir = tempDir('triage-signin-');
  const dist = join(dir.path, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Triage Console</title>');
  idp = await startTestIdp();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  idp.useGateway(origin);
  const result = loadConfig({
    PORT: String(port),
    TRIAGE_DIST: dist,
    TRIAGE_AUDIT_LOG: auditPath(),
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: testClient.id,
    OIDC_CLIENT_SECRET: testClient.secret,
    OIDC_REDIRECT_URL: `${origin}/auth/callback`,
    OIDC_SCOPES: 'openid profile email groups',
    OIDC_ROLES_CLAIM: 'groups',
    TRIAGE_RESPONDER_GROUPS: `incident-leads, ${testResponderGroup}`,
    TRIAGE_SESSION_SECRET: 'a-test-session-secret-of-at-least-32-chars',
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  gateway = await startGateway(result.config, {
    simConfig: { ...defaultSimConfig, ...smallSim, fileRetrievals: 40 },
    write: () => {},
    now: () => Date.now() + clock.offsetMs,
  });
});
afterAll(async () => {
  await gateway.close();
  await idp.close();
  dir.remove();
});

async function signIn(account: TestAccount, returnTo = '/') {
  const browser = createBrowser();
  const query = new URLSearchParams({ returnTo, login_hint: account });
  const { response, url } = await browser.navigate(`${gateway.origin}/auth/login?${query}`);
  expect(response.status).toBe(200);
  expect(url).toBe(`${gateway.origin}${returnTo}`);
  return browser;
}

/** What the SPA does: same-origin fetch with the CSRF cookie echoed in a header. */
function api(browser: TestBrowser, path: string, body?: unknown, headers: Record<string, string> = {}) {
  if (body === undefined) return browser.send(`${gateway.origin}${path}`);
  return browser.send(`${gateway.origin}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: {
      'content-type': 'application/json',
      origin: gateway.origin,
      [csrfHeader]: browser.cookie(csrfCookie) ?? '',
      ...headers,
    },
  });
}

interface Retrieval {
  device_id: string;
  filepath: string;
  password?: string;
}
const history = async (browser: TestBrowser) =>
  (
    (await (
      await api(browser, '/api/cylance/devicecommands/v2/retrieved_files?page=1&page_size=100')
    ).json()) as {
      page_items: Retrieval[];
    }
  ).page_items;

describe('sign-in with OIDC (issue #9)', () => {
  it('answers a signed-out browser with 401 signed_out, except health and /api/me', async () => {
    const browser = createBrowser();
    expect((await api(browser, '/api/health')).status).toBe(200);
    expect(await (await api(browser, '/api/me')).json()).toMatchObject({ signedIn: false, auth: 'oidc' });
    const response = await api(browser, '/api/cylance/devices/v2');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'signed_out', loginUrl: '/auth/login' });
  });

  it('signs a viewer in with an HttpOnly Lax session: reads work, requests are 403, passwords stripped', async () => {
    const viewer = await signIn('viewer', '/file-retrievals?device=WKS-1&tab=history');
    expect(await (await api(viewer, '/api/me')).json()).toEqual({
      signedIn: true,
      auth: 'oidc',
      user: { name: testAccounts.viewer.name, email: testAccounts.viewer.email },
      role: 'viewer',
    });
    expect((await api(viewer, '/api/cylance/devices/v2?page=1&page_size=5')).status).toBe(200);
    const focus = await api(viewer, '/api/cylance/foci/v2', {
      device_id: 'A',
      artifact_type: 'File',
      value: 'x',
    });
    expect(focus.status).toBe(403);
    expect(await focus.json()).toMatchObject({ code: 'forbidden_role' });
    const file = await api(viewer, '/api/cylance/devicecommands/v2/A/getfile', { file_path: 'C:\\x.txt' });
    expect(file.status).toBe(403);
    // The refused attempts are audited too, never forwarded.
    const refused = readFileSync(auditPath(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => line.user === testAccounts.viewer.email);
    expect(refused).toEqual([
      expect.objectContaining({ call: 'request-focus-view', status: 403, upstream: false, role: 'viewer' }),
      expect.objectContaining({ call: 'request-file', path: 'C:\\x.txt', status: 403, upstream: false }),
    ]);

    const items = await history(viewer);
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((item) => 'password' in item)).toBe(false);
    const responder = await signIn('responder');
    const withPassword = (await history(responder)).find((item) => item.password);
    if (!withPassword) throw new Error('the simulated history has no retrieval with a password');
    const status = async (browser: TestBrowser) =>
      await api(browser, `/api/cylance/devicecommands/v2/${withPassword.device_id}/getfile:get`, {
        file_path: withPassword.filepath,
      }).then((r) => r.text());
    expect(await status(responder)).toContain(withPassword.password);
    const viewerStatus = await status(viewer);
    expect(viewerStatus).toContain(withPassword.device_id);
    expect(viewerStatus).not.toContain('"password"');
  });

  it('sets the session cookie HttpOnly + SameSite=Lax and the CSRF cookie readable by the page', async () => {
    const { setCookies } = await signIn('viewer');
    const session = setCookies.find((line) => line.startsWith('triage_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    // http here, so no Secure (the redirect URL decides: https → Secure).
    expect(session).not.toMatch(/Secure/);
    expect(setCookies.find((line) => line.startsWith(`${csrfCookie}=`))).not.toMatch(/HttpOnly/);
  });

  it('lets a responder request work, and the audit log names the user and role', async () => {
    const responder = await signIn('responder');
    const retrieval = (await history(responder))[0]!;
    const file = await api(responder, `/api/cylance/devicecommands/v2/${retrieval.device_id}/getfile`, {
      file_path: 'C:\\Users\\Public\\evidence.txt',
    });
    expect(file.status).toBeLessThan(300);
    const focus = await api(responder, '/api/cylance/foci/v2', {
      device_id: retrieval.device_id,
      artifact_type: 'File',
      artifact_subtype: 'Uid',
      value: 'abc',
    });
    expect(focus.status).not.toBe(403);
    const lines = readFileSync(auditPath(), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          call: 'request-file',
          path: 'C:\\Users\\Public\\evidence.txt',
          user: testAccounts.responder.email,
          role: 'responder',
        }),
        expect.objectContaining({ call: 'request-focus-view', user: testAccounts.responder.email }),
      ]),
    );
  });

  it('refuses cross-site POSTs: foreign Origin, no Origin, missing or wrong CSRF token', async () => {
    const responder = await signIn('responder');
    const path = '/api/cylance/foci/v2/search';
    const body = [{ uid: 'x', device_id: 'A' }];
    expect((await api(responder, path, body)).status).toBe(200);
    const foreign = await api(responder, path, body, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const tampered: Record<string, string>[] = [
      { [csrfHeader]: '' },
      { [csrfHeader]: 'guess' },
      { origin: '' },
    ];
    for (const headers of tampered) {
      const response = await api(responder, path, body, headers);
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ code: 'csrf_failed' });
    }
  });

  it('ends a session idle too long with 401, and signing in again returns to the same page', async () => {
    const viewer = await signIn('viewer');
    expect((await api(viewer, '/api/config')).status).toBe(200);
    clock.offsetMs += 29 * 60_000;
    expect((await api(viewer, '/api/config')).status).toBe(200);
    clock.offsetMs += 31 * 60_000;
    const expired = await api(viewer, '/api/config');
    expect(expired.status).toBe(401);
    const { loginUrl } = (await expired.json()) as { loginUrl: string };
    // The SPA adds the page it is on (src/app/query-client.ts); the identity provider's session still holds.
    const page = '/focus-views?lookup=abc&page=2';
    const back = await viewer.navigate(`${gateway.origin}${loginUrl}?returnTo=${encodeURIComponent(page)}`);
    expect(back.url).toBe(`${gateway.origin}${page}`);
    expect((await api(viewer, '/api/config')).status).toBe(200);
  });

  it('ends a session older than TRIAGE_SESSION_MAX_HOURS (12 h) even while it is in use', async () => {
    const viewer = await signIn('viewer');
    // A request every 29 minutes keeps the idle timer from ever firing.
    for (let elapsed = 29; elapsed <= 12 * 60; elapsed += 29) {
      clock.offsetMs += 29 * 60_000;
      expect((await api(viewer, '/api/config')).status).toBe(200);
    }
    clock.offsetMs += 29 * 60_000;
    expect((await api(viewer, '/api/config')).status).toBe(401);
  });

  it('never redirects sign-in away from this origin', async () => {
    for (const returnTo of ['//evil.example/x', 'https://evil.example', '/\\evil.example']) {
      const browser = createBrowser();
      const query = new URLSearchParams({ returnTo, login_hint: 'viewer' });
      expect((await browser.navigate(`${gateway.origin}/auth/login?${query}`)).url).toBe(
        `${gateway.origin}/`,
      );
    }
  });

  it('signs out: the session ends here and at the identity provider', async () => {
    const viewer = await signIn('viewer');
    const refused = await viewer.send(`${gateway.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: gateway.origin },
    });
    expect(refused.status).toBe(403);
    const logout = await viewer.send(`${gateway.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: gateway.origin, [csrfHeader]: viewer.cookie(csrfCookie) ?? '' },
    });
    const { redirectTo } = (await logout.json()) as { redirectTo: string };
    expect(redirectTo.startsWith(idp.issuer)).toBe(true);
    expect((await api(viewer, '/api/config')).status).toBe(401);
    expect(await (await api(viewer, '/api/me')).json()).toMatchObject({ signedIn: false });

    // The identity provider asks for confirmation, then comes back to the console's signed-out page.
    const confirm = await viewer.navigate(redirectTo);
    const form = await confirm.response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(form)?.[1];
    const fields = new URLSearchParams(
      [...form.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    fields.set('logout', 'yes');
    const done = await viewer.navigate(new URL(action!.replaceAll('&amp;', '&'), confirm.url).href, {
      method: 'POST',
      body: fields,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(done.url).toBe(`${gateway.origin}/auth/signed-out`);
    expect(await done.response.text()).toContain('You are signed out');
  });
});
