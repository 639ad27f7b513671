import { HttpResponse, http } from 'msw';
import { simCylanceCredentials } from './auth-credentials.ts';
import { newOpaqueToken, simAuthState } from './auth-store.ts';
import type { SimTenant } from './tenant.ts';

/**
 * Cylance `POST {base}/auth/v2/token` with `{"auth_token": "<jwt>"}` (api-contracts.md §1 "Authentication"):
 * the client signs an HS256 JWT with the application secret; claims iss "http://cylance.com", sub = app id,
 * tid = tenant id, jti, iat, exp at most 30 minutes after iat (longer → 400). Answers `{access_token}`.
 * WebCrypto only: these handlers also run in the browser.
 */
const maxLifetimeSeconds = 30 * 60;

function base64UrlToBytes(segment: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return undefined;
  const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
  try {
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function decodeJson(segment: string): Record<string, unknown> | undefined {
  const bytes = base64UrlToBytes(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function signatureMatches(secret: string, signingInput: string, signature: Uint8Array<ArrayBuffer>) {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return crypto.subtle.verify('HMAC', key, signature, encoder.encode(signingInput));
}

export type JwtCheck =
  | { ok: true; lifetimeSeconds: number }
  | { ok: false; status: 400 | 401; message: string };

/** Exported for unit tests: every reason the simulated Cylance refuses an auth token. */
export async function checkCylanceJwt(
  tenant: SimTenant,
  token: unknown,
  nowSeconds: number,
): Promise<JwtCheck> {
  if (typeof token !== 'string') return { ok: false, status: 400, message: 'auth_token is required.' };
  const [headerPart, payloadPart, signaturePart, ...rest] = token.split('.');
  if (
    headerPart === undefined ||
    payloadPart === undefined ||
    signaturePart === undefined ||
    rest.length > 0
  ) {
    return { ok: false, status: 400, message: 'auth_token is not a JWT.' };
  }
  const header = decodeJson(headerPart);
  const claims = decodeJson(payloadPart);
  const signature = base64UrlToBytes(signaturePart);
  if (!header || !claims || !signature)
    return { ok: false, status: 400, message: 'auth_token is not a JWT.' };
  if (header.alg !== 'HS256') return { ok: false, status: 400, message: 'Only HS256 tokens are supported.' };

  const credentials = simCylanceCredentials(tenant);
  const valid = await signatureMatches(credentials.appSecret, `${headerPart}.${payloadPart}`, signature);
  if (!valid) return { ok: false, status: 401, message: 'Invalid token signature.' };

  const { iat, exp, iss, sub, tid, jti } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number' || typeof jti !== 'string' || jti === '') {
    return { ok: false, status: 400, message: 'The token must carry numeric iat and exp and a jti.' };
  }
  if (exp <= iat || exp - iat > maxLifetimeSeconds) {
    return { ok: false, status: 400, message: 'The token expiration must be at most 30 minutes after iat.' };
  }
  if (iss !== 'http://cylance.com') return { ok: false, status: 401, message: 'Invalid token issuer.' };
  if (sub !== credentials.appId) return { ok: false, status: 401, message: 'Unknown application.' };
  if (tid !== credentials.tenantId) return { ok: false, status: 401, message: 'Unknown tenant.' };
  // The JWT is stamped with the client's real clock ("time-based authorization"), so it is checked against
  // real time; the access token it buys then lives on the simulated clock.
  if (exp <= nowSeconds) return { ok: false, status: 401, message: 'The token has expired.' };
  return { ok: true, lifetimeSeconds: exp - iat };
}

export function cylanceAuthHandlers(tenant: SimTenant, base: string) {
  return [
    http.post(`${base}/auth/v2/token`, async ({ request }) => {
      const state = simAuthState(tenant);
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        body = undefined;
      }
      const token =
        typeof body === 'object' && body !== null ? (body as Record<string, unknown>).auth_token : undefined;
      const check = await checkCylanceJwt(tenant, token, Math.floor(Date.now() / 1000));
      if (!check.ok) {
        state.stats.cylanceRejected++;
        return HttpResponse.json({ message: check.message }, { status: check.status });
      }
      const accessToken = newOpaqueToken('cy-');
      state.accessTokens.set(accessToken, {
        vendor: 'cylance',
        expiresAt: tenant.clock.now() + check.lifetimeSeconds * 1000,
      });
      state.stats.cylanceTokens++;
      return HttpResponse.json({ access_token: accessToken });
    }),
  ];
}
