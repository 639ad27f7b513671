import type { Env } from '../config.ts';
import { get, positiveNumber } from '../config-vendors.ts';

/** Sign-in configuration (issue #9). Absent when `OIDC_ISSUER` and friends are not set: no sign-in. */
export interface AuthConfig {
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE alone authenticates the code exchange). */
  clientSecret?: string;
  redirectUrl: string;
  scopes: string;
  rolesClaim: string;
  responderGroups: string[];
  sessionSecret: string;
  idleMs: number;
  absoluteMs: number;
  /** Cookies carry `Secure` when the console is served over https (the redirect URL says so). */
  secureCookies: boolean;
}

export const oidcVars = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_REDIRECT_URL'];
const minSecretLength = 32;

function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function parseUrl(name: string, value: string, problems: string[]): URL | undefined {
  try {
    const url = new URL(value);
    // Plain http leaks codes and tokens; allowed only on this machine (tests, a local identity provider).
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url))) return url;
    problems.push(`${name} must be an https URL (http only for a loopback address), got "${value}".`);
  } catch {
    problems.push(`${name} is not a valid URL: "${value}".`);
  }
  return undefined;
}

/** Reads the OIDC variables; `undefined` when none is set. Each problem is one line a person can act on. */
export function authConfig(env: Env, problems: string[], warnings: string[]): AuthConfig | undefined {
  const anySet = [...oidcVars, 'OIDC_CLIENT_SECRET'].some((name) => get(env, name) !== undefined);
  if (!anySet) return undefined;
  const before = problems.length;
  for (const name of oidcVars) {
    if (get(env, name) === undefined)
      problems.push(`${name} is missing (sign-in needs ${oidcVars.join(', ')}).`);
  }
  const issuer = get(env, 'OIDC_ISSUER');
  const redirect = get(env, 'OIDC_REDIRECT_URL');
  if (issuer) parseUrl('OIDC_ISSUER', issuer, problems);
  const redirectUrl = redirect ? parseUrl('OIDC_REDIRECT_URL', redirect, problems) : undefined;
  if (redirectUrl && redirectUrl.pathname !== '/auth/callback') {
    problems.push(
      `OIDC_REDIRECT_URL must end in /auth/callback (the gateway's callback), got "${redirect}".`,
    );
  }
  const sessionSecret = get(env, 'TRIAGE_SESSION_SECRET');
  if (!sessionSecret) {
    problems.push(
      `TRIAGE_SESSION_SECRET is missing (sign-in is configured; use ${minSecretLength}+ random characters, e.g. \`openssl rand -base64 48\`).`,
    );
  } else if (sessionSecret.length < minSecretLength) {
    problems.push(`TRIAGE_SESSION_SECRET must be at least ${minSecretLength} characters long.`);
  }
  const idleMin = positiveNumber(env, 'TRIAGE_SESSION_IDLE_MIN', 30, problems);
  const maxHours = positiveNumber(env, 'TRIAGE_SESSION_MAX_HOURS', 12, problems);
  const responderGroups = (get(env, 'TRIAGE_RESPONDER_GROUPS') ?? '')
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
  if (problems.length > before || !issuer || !redirectUrl || !sessionSecret) return undefined;
  if (responderGroups.length === 0) {
    warnings.push('TRIAGE_RESPONDER_GROUPS is empty: everyone who signs in is a viewer.');
  }
  return {
    issuer,
    clientId: get(env, 'OIDC_CLIENT_ID') ?? '',
    clientSecret: get(env, 'OIDC_CLIENT_SECRET'),
    redirectUrl: redirectUrl.href,
    scopes: get(env, 'OIDC_SCOPES') ?? 'openid profile email',
    rolesClaim: get(env, 'OIDC_ROLES_CLAIM') ?? 'groups',
    responderGroups,
    sessionSecret,
    idleMs: idleMin * 60_000,
    absoluteMs: maxHours * 3_600_000,
    secureCookies: redirectUrl.protocol === 'https:',
  };
}
