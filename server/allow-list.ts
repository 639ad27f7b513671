import type { VendorName } from './config.ts';

/**
 * The only vendor calls the gateway forwards (issue #2 "Only the calls the console uses are forwarded").
 * `{id}` matches one path segment. `idempotent` calls are retried on 502/503/504; `startsWork` calls are
 * never retried and are written to the audit log (issue #8).
 */
export interface AllowedRoute {
  vendor: VendorName;
  method: 'GET' | 'POST';
  pattern: string;
  /** A short name for logs and the audit log. */
  call: string;
  idempotent: boolean;
  startsWork: boolean;
}

function route(
  vendor: VendorName,
  method: 'GET' | 'POST',
  pattern: string,
  call: string,
  startsWork = false,
) {
  // GETs and the read-only POSTs (`foci/v2/search`, `getfile:get`) are reads; work-starting POSTs are not.
  return { vendor, method, pattern, call, idempotent: !startsWork, startsWork };
}

export const allowList: AllowedRoute[] = [
  route('cylance', 'GET', '/foci/v2', 'list-focus-views'),
  route('cylance', 'POST', '/foci/v2', 'request-focus-view', true),
  route('cylance', 'GET', '/foci/v2/{id}', 'get-focus-view'),
  route('cylance', 'GET', '/foci/v2/{id}/results', 'get-focus-view-results'),
  route('cylance', 'POST', '/foci/v2/search', 'search-focus-views'),
  route('cylance', 'POST', '/devicecommands/v2/{id}/getfile', 'request-file', true),
  route('cylance', 'POST', '/devicecommands/v2/{id}/getfile:get', 'get-file-status'),
  route('cylance', 'GET', '/devicecommands/v2/retrieved_files', 'list-retrieved-files'),
  route('cylance', 'GET', '/packages/v2', 'list-packages'),
  route('cylance', 'GET', '/devices/v2', 'list-devices'),
  route('cylance', 'GET', '/devices/v2/{id}', 'get-device'),
  route('cylance', 'GET', '/devices/v2/hostname/{id}', 'find-device-by-hostname'),
  route('cylance', 'GET', '/devices/v2/macaddress/{id}', 'find-device-by-mac'),
  route('eset', 'GET', '/v1/devices', 'list-devices'),
  route('eset', 'GET', '/v1/devices/{id}', 'get-device'),
  route('eset', 'GET', '/v1/devices:batchGet', 'batch-get-devices'),
  route('eset', 'GET', '/v1/device_groups', 'list-device-groups'),
  route('eset', 'GET', '/v1/device_groups/{id}/devices', 'list-group-devices'),
  route('prisma', 'GET', '/verdicts', 'list-verdicts'),
  route('prisma', 'GET', '/verdicts:statistics', 'verdict-statistics'),
];

export type AllowListMatch =
  | { kind: 'allowed'; route: AllowedRoute; params: string[] }
  | { kind: 'wrong-method'; allow: string[] }
  | { kind: 'unknown' };

function matchPattern(pattern: string, path: string): string[] | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const value = got[i]!;
    if (part === '{id}') {
      if (value === '' || value === '.' || value === '..') return undefined;
      params.push(value);
    } else if (part !== value) return undefined;
  }
  return params;
}

/** `path` is the vendor path (after `/api/<vendor>`), still percent-encoded as the browser sent it. */
export function matchAllowList(vendor: VendorName, method: string, path: string): AllowListMatch {
  const candidates = allowList.filter((item) => item.vendor === vendor);
  const matches = candidates.map((item) => ({ item, params: matchPattern(item.pattern, path) }));
  // HEAD is not a method the console uses; it is treated like any other wrong method.
  const allowed = matches.find(({ item, params }) => params && item.method === method);
  if (allowed?.params) return { kind: 'allowed', route: allowed.item, params: allowed.params };
  const allow = matches.filter(({ params }) => params).map(({ item }) => item.method);
  return allow.length > 0 ? { kind: 'wrong-method', allow: [...new Set(allow)] } : { kind: 'unknown' };
}
