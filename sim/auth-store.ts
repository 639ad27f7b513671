import type { SimTenant } from './tenant.ts';

/** Access and refresh tokens the simulator issued. They expire on the simulated clock. */
export interface IssuedToken {
  vendor: 'cylance' | 'eset';
  expiresAt: number;
}

export interface SimAuthStats {
  cylanceTokens: number;
  cylanceRejected: number;
  esetPasswordGrants: number;
  esetRefreshGrants: number;
  esetRejected: number;
  /** Vendor calls answered 401 by the bearer check. */
  unauthorized: number;
}

export interface SimAuthState {
  accessTokens: Map<string, IssuedToken>;
  refreshTokens: Map<string, { expiresAt: number }>;
  stats: SimAuthStats;
}

const states = new WeakMap<SimTenant, SimAuthState>();

/** One auth state per tenant, so a fresh tenant (each test) starts with no valid token. */
export function simAuthState(tenant: SimTenant): SimAuthState {
  let state = states.get(tenant);
  if (!state) {
    state = {
      accessTokens: new Map(),
      refreshTokens: new Map(),
      stats: {
        cylanceTokens: 0,
        cylanceRejected: 0,
        esetPasswordGrants: 0,
        esetRefreshGrants: 0,
        esetRejected: 0,
        unauthorized: 0,
      },
    };
    states.set(tenant, state);
  }
  return state;
}

/** Opaque bearer tokens; WebCrypto so the module also runs in the browser (the handlers are shared). */
export function newOpaqueToken(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return `${prefix}${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export function isTokenValid(tenant: SimTenant, token: string, vendor: IssuedToken['vendor']): boolean {
  const issued = simAuthState(tenant).accessTokens.get(token);
  return issued !== undefined && issued.vendor === vendor && issued.expiresAt > tenant.clock.now();
}
