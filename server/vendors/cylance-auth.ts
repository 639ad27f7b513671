import { createHmac, randomUUID } from 'node:crypto';
import type { CylanceConfig } from '../config.ts';
import type { UpstreamClient } from '../upstream.ts';
import { authFailure, jsonBody, type TokenTimeouts, type VendorAdapter } from './types.ts';

/**
 * Cylance auth (api-contracts.md §1 "Authentication"): the gateway signs its own HS256 JWT with the app
 * secret and exchanges it at `/auth/v2/token` for a bearer token. There is no refresh token, so the token
 * is cached until shortly before the JWT's `exp` and a 401 mints a new one (once).
 */
// Under the 30-minute maximum, so a client clock a little ahead of Cylance's does not earn a 400.
const lifetimeSeconds = 29 * 60;
const renewBeforeMs = 60_000;

function base64Url(input: string | Buffer): string {
  return Buffer.from(input).toString('base64url');
}

export function signCylanceJwt(
  config: Pick<CylanceConfig, 'appId' | 'appSecret' | 'tenantId'>,
  nowMs: number,
) {
  const iat = Math.floor(nowMs / 1000);
  const header = base64Url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims = base64Url(
    JSON.stringify({
      exp: iat + lifetimeSeconds,
      iat,
      iss: 'http://cylance.com',
      sub: config.appId,
      tid: config.tenantId,
      jti: randomUUID(),
    }),
  );
  const signature = createHmac('sha256', config.appSecret).update(`${header}.${claims}`).digest('base64url');
  return { jwt: `${header}.${claims}.${signature}`, expiresAtMs: (iat + lifetimeSeconds) * 1000 };
}

export interface CylanceAdapterOptions extends TokenTimeouts {
  config: CylanceConfig;
  upstream: UpstreamClient;
  now?: () => number;
  /** Told about every token obtained, so the redactor can keep it out of logs. */
  onToken?: (token: string) => void;
}

export function createCylanceAdapter(
  options: CylanceAdapterOptions,
): VendorAdapter & { readonly mints: number } {
  const { config, upstream } = options;
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAtMs: number } | undefined;
  let pending: Promise<string> | undefined;
  let mints = 0;

  async function mint(): Promise<string> {
    const { jwt, expiresAtMs } = signCylanceJwt(config, now());
    mints++;
    const response = await upstream.send({
      url: `${config.baseUrl}/auth/v2/token`,
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: Buffer.from(JSON.stringify({ auth_token: jwt })),
      connectTimeoutMs: options.connectTimeoutMs,
      responseTimeoutMs: options.responseTimeoutMs,
    });
    const token = jsonBody(response)?.access_token;
    if (response.status !== 200 || typeof token !== 'string') {
      throw authFailure(
        'Cylance',
        response.status,
        'CYLANCE_APP_ID, CYLANCE_APP_SECRET, CYLANCE_TENANT_ID and the region',
      );
    }
    options.onToken?.(token);
    cached = { token, expiresAtMs };
    return token;
  }

  async function token(): Promise<string> {
    if (cached && cached.expiresAtMs - renewBeforeMs > now()) return cached.token;
    // One mint in flight at a time: a burst of first calls shares it.
    pending ??= mint().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    upstream,
    get mints() {
      return mints;
    },
    async target(vendorPath, search) {
      const credential = await token();
      return {
        url: `${config.baseUrl}${vendorPath}${search}`,
        headers: { authorization: `Bearer ${credential}`, accept: 'application/json' },
        credential,
      };
    },
    invalidate(credential) {
      // Only the token that failed: concurrent 401s for the same token lead to one new mint.
      if (cached && cached.token === credential) cached = undefined;
      return true;
    },
  };
}
