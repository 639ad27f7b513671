import type { EsetConfig } from '../config.ts';
import type { UpstreamClient } from '../upstream.ts';
import { authFailure, jsonBody, type TokenTimeouts, type VendorAdapter } from './types.ts';

/**
 * ESET Connect OAuth (api-contracts.md §2 "Authentication"): form-encoded password grant; the refresh grant
 * returns a new access *and* refresh token. The gateway refreshes shortly before expiry, logs in again when
 * the refresh fails, and after a 401 refreshes and retries once.
 */
const renewBeforeMs = 120_000;

interface Session {
  access: string;
  refresh?: string;
  expiresAtMs: number;
}

export interface EsetAdapterOptions extends TokenTimeouts {
  config: EsetConfig;
  upstream: UpstreamClient;
  now?: () => number;
  /** Told about every token obtained, so the redactor can keep it out of logs. */
  onToken?: (token: string) => void;
}

export function createEsetAdapter(options: EsetAdapterOptions): VendorAdapter & {
  readonly logins: number;
  readonly refreshes: number;
} {
  const { config, upstream } = options;
  const now = options.now ?? Date.now;
  let session: Session | undefined;
  let pending: Promise<string> | undefined;
  let logins = 0;
  let refreshes = 0;

  async function grant(form: Record<string, string>): Promise<Session | number> {
    const requestedAt = now();
    const response = await upstream.send({
      url: config.authUrl,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: Buffer.from(new URLSearchParams(form).toString()),
      connectTimeoutMs: options.connectTimeoutMs,
      responseTimeoutMs: options.responseTimeoutMs,
    });
    const body = jsonBody(response);
    if (response.status !== 200 || typeof body?.access_token !== 'string') return response.status;
    options.onToken?.(body.access_token);
    if (typeof body.refresh_token === 'string') options.onToken?.(body.refresh_token);
    const expiresIn = Number(body.expires_in ?? 3600);
    return {
      access: body.access_token,
      refresh: typeof body.refresh_token === 'string' ? body.refresh_token : undefined,
      expiresAtMs: requestedAt + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000,
    };
  }

  async function renew(): Promise<string> {
    if (session?.refresh) {
      refreshes++;
      const refreshed = await grant({ grant_type: 'refresh_token', refresh_token: session.refresh });
      if (typeof refreshed !== 'number') {
        session = refreshed;
        return refreshed.access;
      }
    }
    logins++;
    const loggedIn = await grant({
      grant_type: 'password',
      username: config.username,
      password: config.password,
    });
    if (typeof loggedIn === 'number') {
      session = undefined;
      throw authFailure(
        'ESET',
        loggedIn,
        'ESET_USERNAME, ESET_PASSWORD (an API user with Integrations enabled) and the region',
      );
    }
    session = loggedIn;
    return loggedIn.access;
  }

  async function token(): Promise<string> {
    if (session && session.expiresAtMs - renewBeforeMs > now()) return session.access;
    pending ??= renew().finally(() => {
      pending = undefined;
    });
    return pending;
  }

  return {
    upstream,
    get logins() {
      return logins;
    },
    get refreshes() {
      return refreshes;
    },
    async target(vendorPath, search) {
      const credential = await token();
      return {
        url: `${config.deviceManagementUrl}${vendorPath}${search}`,
        headers: { authorization: `Bearer ${credential}`, accept: 'application/json' },
        credential,
      };
    },
    invalidate(credential) {
      // Mark it expired but keep the refresh token: the next call refreshes (and logs in if that fails).
      if (session && session.access === credential) session = { ...session, expiresAtMs: 0 };
      return true;
    },
  };
}
