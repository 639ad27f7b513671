import { HttpResponse, http } from 'msw';
import { simDemoCredentials } from './auth-credentials.ts';
import { newOpaqueToken, simAuthState } from './auth-store.ts';
import type { SimTenant } from './tenant.ts';

/**
 * ESET `POST {auth}/oauth/token` (api-contracts.md §2 "Authentication", vendor-specs/eset-business-account):
 * form-encoded only (anything else → 415); `grant_type=password` or `refresh_token`; answers
 * `{access_token, refresh_token, token_type: "Bearer", expires_in: 3600}`. Refresh rotates both tokens.
 * Every response carries a `request-id` header.
 */
const accessLifetimeMs = 3600 * 1000;
// Not documented; a day of simulated time is long enough for any session and short enough to test.
const refreshLifetimeMs = 24 * 3600 * 1000;

function withRequestId(init: ResponseInit = {}): ResponseInit {
  return { ...init, headers: { 'request-id': crypto.randomUUID(), ...init.headers } };
}

function oauthError(status: number, error: string, description: string) {
  return HttpResponse.json({ error, error_description: description }, withRequestId({ status }));
}

export function esetAuthHandlers(tenant: SimTenant, base: string) {
  return [
    http.post(`${base}/oauth/token`, async ({ request }) => {
      const state = simAuthState(tenant);
      const contentType = request.headers.get('content-type') ?? '';
      if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
        state.stats.esetRejected++;
        return HttpResponse.json(
          { code: 3, message: 'Content-Type must be application/x-www-form-urlencoded', details: [] },
          withRequestId({ status: 415 }),
        );
      }
      const form = new URLSearchParams(await request.text());
      const grant = form.get('grant_type');
      const now = tenant.clock.now();
      if (grant === 'password') {
        const { username, password } = simDemoCredentials.eset;
        if (form.get('username') !== username || form.get('password') !== password) {
          state.stats.esetRejected++;
          return oauthError(400, 'invalid_grant', 'Invalid username or password.');
        }
        state.stats.esetPasswordGrants++;
      } else if (grant === 'refresh_token') {
        const refresh = form.get('refresh_token') ?? '';
        const known = state.refreshTokens.get(refresh);
        if (!known || known.expiresAt <= now) {
          state.stats.esetRejected++;
          return oauthError(400, 'invalid_grant', 'Invalid or expired refresh token.');
        }
        state.refreshTokens.delete(refresh);
        state.stats.esetRefreshGrants++;
      } else {
        state.stats.esetRejected++;
        return oauthError(400, 'unsupported_grant_type', 'grant_type must be password or refresh_token.');
      }
      const accessToken = newOpaqueToken('es-');
      const refreshToken = newOpaqueToken('esr-');
      state.accessTokens.set(accessToken, { vendor: 'eset', expiresAt: now + accessLifetimeMs });
      state.refreshTokens.set(refreshToken, { expiresAt: now + refreshLifetimeMs });
      return HttpResponse.json(
        { access_token: accessToken, refresh_token: refreshToken, token_type: 'Bearer', expires_in: 3600 },
        withRequestId(),
      );
    }),
  ];
}
