import { isIP } from 'node:net';
import { type AuthConfig, authConfig } from './auth/config.ts';
import {
  credentialVars,
  cylanceConfig,
  esetConfig,
  get,
  positiveNumber,
  prismaConfig,
} from './config-vendors.ts';

export type VendorName = 'cylance' | 'eset' | 'prisma';
export const vendorNames: VendorName[] = ['cylance', 'eset', 'prisma'];

export interface CylanceConfig {
  appId: string;
  appSecret: string;
  tenantId: string;
  baseUrl: string;
  ratePerSecond: number;
}

export interface EsetConfig {
  username: string;
  password: string;
  deviceManagementUrl: string;
  /** The full token URL (`…/oauth/token`). */
  authUrl: string;
  ratePerSecond: number;
}

export interface PrismaConfig {
  apiKey: string;
  /** Ends with `/api/v1/token`. */
  baseUrl: string;
  keyInPath: boolean;
  /** PEM contents for mutual TLS (read at start-up so a bad file stops the start, not the first call). */
  tls?: { cert?: string; key?: string; ca?: string };
  ratePerSecond: number;
}

export interface VendorConfigs {
  cylance?: CylanceConfig;
  eset?: EsetConfig;
  prisma?: PrismaConfig;
}

export interface GatewayConfig {
  mode: 'demo' | 'live';
  host: string;
  port: number;
  allowRemote: boolean;
  distDir: string;
  auditLogPath: string;
  vendors: VendorConfigs;
  /** Per vendor not configured in live mode: the variables that would connect it (for /api/config). */
  missing: Record<VendorName, string[]>;
  upstreamTimeoutMs: number;
  connectTimeoutMs: number;
  /** The longest a request may wait in a vendor's queue before the gateway answers 429. */
  queueMaxWaitMs: number;
  queueMaxLength: number;
  bodyLimitBytes: number;
  warnings: string[];
  /** Sign-in (issue #9, server/auth/config.ts); absent: no sign-in, loopback only unless TRIAGE_ALLOW_REMOTE. */
  auth?: AuthConfig;
}

export type ConfigResult = { ok: true; config: GatewayConfig } | { ok: false; problems: string[] };

export type Env = Record<string, string | undefined>;

export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** Reads and validates everything at start-up; each problem is one line a person can act on. */
export function loadConfig(env: Env): ConfigResult {
  const problems: string[] = [];
  const warnings: string[] = [];
  const host = get(env, 'HOST') ?? '127.0.0.1';
  const portRaw = get(env, 'PORT') ?? '8080';
  const port = Number(portRaw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(`PORT must be 0–65535, got "${portRaw}".`);
  const allowRemoteRaw = get(env, 'TRIAGE_ALLOW_REMOTE');
  const allowRemote = allowRemoteRaw === 'true';
  const auth = authConfig(env, problems, warnings);
  // With sign-in configured every API call needs a session, so any address may be used (issue #9).
  // (Broken OIDC settings already stop the start with their own lines.)
  if (!isLoopbackHost(host) && !auth && !get(env, 'OIDC_ISSUER')) {
    if (!allowRemote) {
      problems.push(
        `HOST=${host} is not a loopback address and no sign-in is configured (OIDC_ISSUER); set TRIAGE_ALLOW_REMOTE=true to listen there anyway.`,
      );
    } else {
      warnings.push(
        `WARNING: listening on ${host} with no sign-in: anyone who can reach it can use the vendor APIs.`,
      );
    }
  }
  const vendors: VendorConfigs = {
    cylance: cylanceConfig(env, problems),
    eset: esetConfig(env, problems),
    prisma: prismaConfig(env, problems, warnings),
  };
  const anyCredential = vendorNames.some((vendor) => credentialVars[vendor].some((name) => get(env, name)));
  const missing = Object.fromEntries(
    vendorNames.map((vendor) => [vendor, vendors[vendor] ? [] : credentialVars[vendor]]),
  ) as Record<VendorName, string[]>;
  // ESET answers 202 only after ~30 s (api-contracts.md §2), so the response timeout must be longer.
  const upstreamTimeoutMs = positiveNumber(env, 'TRIAGE_UPSTREAM_TIMEOUT_MS', 60_000, problems);
  const queueMaxWaitMs = positiveNumber(env, 'TRIAGE_QUEUE_MAX_WAIT_MS', 20_000, problems);
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    config: {
      mode: anyCredential ? 'live' : 'demo',
      host,
      port,
      allowRemote,
      distDir: get(env, 'TRIAGE_DIST') ?? 'dist',
      auditLogPath: get(env, 'TRIAGE_AUDIT_LOG') ?? 'data/audit.log',
      vendors,
      missing,
      upstreamTimeoutMs,
      connectTimeoutMs: 10_000,
      queueMaxWaitMs,
      queueMaxLength: 200,
      bodyLimitBytes: 256 * 1024,
      warnings,
      auth,
    },
  };
}

/** Every secret in the configuration, for the redactor. */
export function secretsOf(vendors: VendorConfigs): string[] {
  return [
    vendors.cylance?.appSecret,
    vendors.eset?.password,
    vendors.prisma?.apiKey,
    vendors.prisma?.tls?.key,
  ].filter((value): value is string => typeof value === 'string' && value.length > 0);
}
