import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CylanceConfig, Env, EsetConfig, PrismaConfig, VendorName } from './config.ts';
import {
  cylanceRegions,
  esetAuthUrl,
  esetDeviceManagementUrl,
  esetRegions,
  normalizePrismaBase,
  prismaBaseUrl,
  prismaRegions,
} from './regions.ts';

/** Each vendor's part of the configuration (issue #8 table); every problem is one line a person can act on. */
export const credentialVars: Record<VendorName, string[]> = {
  cylance: ['CYLANCE_APP_ID', 'CYLANCE_APP_SECRET', 'CYLANCE_TENANT_ID'],
  eset: ['ESET_USERNAME', 'ESET_PASSWORD'],
  prisma: ['PRISMA_API_KEY'],
};

export function get(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function checkUrl(name: string, value: string, problems: string[]): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      problems.push(`${name} must be an http(s) URL.`);
  } catch {
    problems.push(`${name} is not a valid URL.`);
  }
  return value.replace(/\/+$/, '');
}

export function positiveNumber(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = get(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    problems.push(`${name} must be a positive number, got "${raw}".`);
    return fallback;
  }
  return value;
}

/** Missing variables next to a present one are a problem: "a missing secret next to an app id". */
function requireAll(env: Env, vendor: VendorName, problems: string[]): boolean {
  const names = credentialVars[vendor];
  const present = names.filter((name) => get(env, name) !== undefined);
  if (present.length === 0) return false;
  for (const name of names) {
    if (get(env, name) === undefined) {
      problems.push(
        `${name} is missing (${present.join(' and ')} ${present.length > 1 ? 'are' : 'is'} set).`,
      );
    }
  }
  return present.length === names.length;
}

export function cylanceConfig(env: Env, problems: string[]): CylanceConfig | undefined {
  if (!requireAll(env, 'cylance', problems)) return undefined;
  const region = get(env, 'CYLANCE_REGION');
  const explicit = get(env, 'CYLANCE_BASE_URL');
  let baseUrl = cylanceRegions.na!;
  if (explicit) baseUrl = checkUrl('CYLANCE_BASE_URL', explicit, problems);
  else if (region) {
    const known = cylanceRegions[region];
    if (known) baseUrl = known;
    else
      problems.push(
        `CYLANCE_REGION "${region}" does not exist (use ${Object.keys(cylanceRegions).join(', ')}).`,
      );
  }
  return {
    appId: get(env, 'CYLANCE_APP_ID')!,
    appSecret: get(env, 'CYLANCE_APP_SECRET')!,
    tenantId: get(env, 'CYLANCE_TENANT_ID')!,
    baseUrl,
    // The guide's rate-limit figure could not be found (api-contracts.md §1 "Rate limit [?]"): configurable.
    ratePerSecond: positiveNumber(env, 'CYLANCE_RATE_PER_SECOND', 10, problems),
  };
}

export function esetConfig(env: Env, problems: string[]): EsetConfig | undefined {
  if (!requireAll(env, 'eset', problems)) return undefined;
  const region = get(env, 'ESET_REGION');
  const dm = get(env, 'ESET_DEVICE_MANAGEMENT_URL');
  const auth = get(env, 'ESET_AUTH_URL');
  if (region && !esetRegions.includes(region)) {
    problems.push(`ESET_REGION "${region}" does not exist (use ${esetRegions.join(', ')}).`);
  } else if (!region && (!dm || !auth)) {
    problems.push(
      'ESET_REGION is missing (eu, de, us, ca, jpn), or set ESET_DEVICE_MANAGEMENT_URL and ESET_AUTH_URL.',
    );
  }
  return {
    username: get(env, 'ESET_USERNAME')!,
    password: get(env, 'ESET_PASSWORD')!,
    deviceManagementUrl: dm
      ? checkUrl('ESET_DEVICE_MANAGEMENT_URL', dm, problems)
      : esetDeviceManagementUrl(region ?? 'eu'),
    authUrl: auth ? checkUrl('ESET_AUTH_URL', auth, problems) : esetAuthUrl(region ?? 'eu'),
    // api-contracts.md §2: 10 calls per second per credentials + account + source IP.
    ratePerSecond: 10,
  };
}

function readPem(name: string, path: string, kind: 'cert' | 'key', problems: string[]): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    problems.push(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    return undefined;
  }
  try {
    if (kind === 'cert') new X509Certificate(text);
    else createPrivateKey(text);
  } catch {
    problems.push(`${name}: ${path} is not a PEM ${kind === 'cert' ? 'certificate' : 'private key'}.`);
    return undefined;
  }
  return text;
}

export function prismaConfig(env: Env, problems: string[], warnings: string[]): PrismaConfig | undefined {
  if (!requireAll(env, 'prisma', problems)) return undefined;
  const region = get(env, 'PRISMA_REGION');
  const explicit = get(env, 'PRISMA_BASE_URL');
  let baseUrl = '';
  if (explicit) baseUrl = normalizePrismaBase(checkUrl('PRISMA_BASE_URL', explicit, problems));
  else if (region && prismaRegions.includes(region)) baseUrl = prismaBaseUrl(region);
  else if (region)
    problems.push(`PRISMA_REGION "${region}" does not exist (use ${prismaRegions.join(', ')}).`);
  else problems.push('PRISMA_REGION is missing (eu, us), or set PRISMA_BASE_URL.');

  const certPath = get(env, 'PRISMA_CLIENT_CERT');
  const keyPath = get(env, 'PRISMA_CLIENT_KEY');
  const caPath = get(env, 'PRISMA_CA_CERT');
  // PRISMA_CA_CERT: an extra CA to trust for the server (a test tenant, a TLS-inspecting proxy).
  const ca = caPath ? readPem('PRISMA_CA_CERT', caPath, 'cert', problems) : undefined;
  let tls: PrismaConfig['tls'] = ca ? { ca } : undefined;
  if (certPath && keyPath) {
    const cert = readPem('PRISMA_CLIENT_CERT', certPath, 'cert', problems);
    const key = readPem('PRISMA_CLIENT_KEY', keyPath, 'key', problems);
    if (cert && key) tls = { cert, key, ca };
  } else if (certPath || keyPath) {
    problems.push(
      `${certPath ? 'PRISMA_CLIENT_KEY' : 'PRISMA_CLIENT_CERT'} is missing (the other one is set).`,
    );
  } else if (baseUrl.startsWith('https:')) {
    // Seed 002: mutual TLS on every request. Not fatal, so a test tenant without it still starts.
    warnings.push(
      'PRISMA_CLIENT_CERT and PRISMA_CLIENT_KEY are not set: Prisma expects a client certificate.',
    );
  }
  const keyInPath = get(env, 'PRISMA_KEY_IN_PATH');
  if (keyInPath && keyInPath !== 'true' && keyInPath !== 'false') {
    problems.push(`PRISMA_KEY_IN_PATH must be true or false, got "${keyInPath}".`);
  }
  return {
    apiKey: get(env, 'PRISMA_API_KEY')!,
    baseUrl,
    keyInPath: keyInPath === 'true',
    tls,
    // api-contracts.md §3: one request per second; over it → 429.
    ratePerSecond: 1,
  };
}
