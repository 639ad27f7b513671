import { HttpResponse, http } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { simDemoCredentials } from '../sim/auth-credentials.ts';
import { simAuthState } from '../sim/auth-store.ts';
import { type LiveSetup, startLiveSetup } from './test-support.ts';

// Test-only device endpoint behind the simulator's real auth checks, so these tests exercise the token
// handling whatever the device module answers. `response-id` drives ESET's 202 replay (api-contracts.md §2).
const seenResponseIds: (string | null)[] = [];
const devices = http.get('*/eset/v1/devices', ({ request }) => {
  const replay = request.headers.get('response-id');
  seenResponseIds.push(replay);
  if (new URL(request.url).searchParams.get('slow') === '1' && !replay) {
    return new HttpResponse(null, {
      status: 202,
      headers: { 'response-id': 'r-123', 'request-id': 'req-1' },
    });
  }
  return HttpResponse.json({ devices: [], nextPageToken: '' }, { headers: { 'request-id': 'req-2' } });
});

let setup: LiveSetup;
beforeEach(async () => {
  seenResponseIds.length = 0;
  setup = await startLiveSetup({ vendors: ['eset'], extraHandlers: [devices] });
});
afterEach(() => setup.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${setup.gateway.origin}${path}`, { headers });
const stats = () => simAuthState(setup.tenant).stats;

describe('live mode: ESET OAuth against the simulator', () => {
  it('logs in once with the form-encoded password grant and reuses the token', async () => {
    for (let i = 0; i < 5; i++) expect((await get('/api/eset/v1/devices')).status).toBe(200);
    expect(stats()).toMatchObject({ esetPasswordGrants: 1, esetRefreshGrants: 0, unauthorized: 0 });
  });

  it('refreshes shortly before expiry instead of logging in again', async () => {
    await get('/api/eset/v1/devices');
    setup.gatewayClock.offsetMs = 59 * 60_000;
    setup.tenant.clock.advance(59 * 60_000);
    expect((await get('/api/eset/v1/devices')).status).toBe(200);
    expect(stats()).toMatchObject({ esetPasswordGrants: 1, esetRefreshGrants: 1, unauthorized: 0 });
  });

  it('on a 401 refreshes and retries once', async () => {
    await get('/api/eset/v1/devices');
    setup.tenant.clock.advance(61 * 60_000);
    expect((await get('/api/eset/v1/devices')).status).toBe(200);
    expect(stats()).toMatchObject({ esetPasswordGrants: 1, esetRefreshGrants: 1, unauthorized: 1 });
  });

  it('logs in again when the refresh token is refused', async () => {
    await get('/api/eset/v1/devices');
    simAuthState(setup.tenant).refreshTokens.clear();
    setup.tenant.clock.advance(61 * 60_000);
    expect((await get('/api/eset/v1/devices')).status).toBe(200);
    expect(stats()).toMatchObject({ esetPasswordGrants: 2, esetRefreshGrants: 0, esetRejected: 1 });
  });

  it('passes response-id and request-id both ways for the 202 replay', async () => {
    const first = await get('/api/eset/v1/devices?slow=1');
    expect(first.status).toBe(202);
    expect(first.headers.get('response-id')).toBe('r-123');
    expect(first.headers.get('request-id')).toBe('req-1');
    const replay = await get('/api/eset/v1/devices?slow=1', { 'response-id': 'r-123' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('request-id')).toBe('req-2');
    expect(seenResponseIds).toEqual([null, 'r-123']);
  });
});

describe('the simulated ESET token endpoint', () => {
  const token = (body: string, type: string) =>
    fetch(`${setup.sim.mounts.esetAuth}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });
  const { username, password } = simDemoCredentials.eset;

  it('answers 415 to JSON', async () => {
    const response = await token(
      JSON.stringify({ grant_type: 'password', username, password }),
      'application/json',
    );
    expect(response.status).toBe(415);
    expect(response.headers.get('request-id')).toBeTruthy();
  });

  it('grants, rotates refresh tokens, and answers invalid_grant to a wrong user', async () => {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const type = 'application/x-www-form-urlencoded';
    const granted = await token(form({ grant_type: 'password', username, password }), type);
    const body = (await granted.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    const refreshed = await token(
      form({ grant_type: 'refresh_token', refresh_token: String(body.refresh_token) }),
      type,
    );
    expect(refreshed.status).toBe(200);
    const reused = await token(
      form({ grant_type: 'refresh_token', refresh_token: String(body.refresh_token) }),
      type,
    );
    expect(reused.status).toBe(400);
    const wrong = await token(form({ grant_type: 'password', username: 'someone@else', password }), type);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('makes the gateway answer 502 with no secret when the credentials are wrong', async () => {
    await setup.close();
    setup = await startLiveSetup({
      vendors: ['eset'],
      extraHandlers: [devices],
      env: { ESET_PASSWORD: 'wrong-password-123' },
    });
    const response = await get('/api/eset/v1/devices');
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).toContain('vendor_auth_failed');
    expect(text).not.toContain('wrong-password-123');
  });
});
