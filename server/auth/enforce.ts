import { gatewayError } from '../forward.ts';
import type { Actor } from './auth.ts';

/**
 * Role rules for vendor calls (issue #9): a viewer reads everything but starts no work, and never sees a
 * retrieval's `password` (it decrypts the retrieved file: a secret, api-contracts.md §1 getfile fields).
 */
const passwordCalls = new Set(['request-file', 'get-file-status', 'list-retrieved-files']);

export function forbiddenForRole(actor: Actor | undefined, startsWork: boolean): Response | undefined {
  if (!startsWork || actor?.role !== 'viewer') return undefined;
  return gatewayError(
    403,
    'forbidden_role',
    'Your role (viewer) may not request focus views or files; ask a responder.',
  );
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'password')
      .map(([key, item]) => [key, strip(item)]),
  );
}

/** A viewer's copy of a retrieval answer: every `password` field removed, flat or nested under `data`. */
export async function forRole(actor: Actor | undefined, call: string, response: Response): Promise<Response> {
  if (actor?.role !== 'viewer' || !passwordCalls.has(call) || !response.ok) return response;
  const text = await response.text();
  if (text === '') return new Response(null, { status: response.status, headers: response.headers });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: nothing the console could read a password from, but never pass an unparsed secret on.
    return gatewayError(502, 'unexpected_body', 'The vendor answered with something other than JSON.');
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(strip(body)), { status: response.status, headers });
}
