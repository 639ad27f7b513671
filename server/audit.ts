import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Redactor } from './redact.ts';

/**
 * Append-only audit log of every call that starts work (issue #8 "Security"): JSON lines with time, vendor,
 * call, target device and pair or path, upstream status and request id. Opened in append mode per write, so
 * an external rotation or `chattr +a` keeps working.
 */
export interface AuditEntry {
  time: string;
  vendor: string;
  call: string;
  device?: string;
  /** Focus view: the event uid and artifact type; file retrieval: the file path. */
  pair?: { uid?: string; artifactType?: string };
  path?: string;
  /** The status the browser got; `upstream` says whether the vendor was reached. */
  status: number;
  upstream: boolean;
  requestId?: string;
  /** Who asked (issue #9): e-mail (or name, or subject) and role; absent when sign-in is not configured. */
  user?: string;
  role?: 'viewer' | 'responder';
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
}

export function createAuditLog(
  path: string,
  redactor: Redactor,
  onError: (message: string) => void,
): AuditLog {
  let ready: Promise<unknown> | undefined;
  let chain: Promise<void> = Promise.resolve();
  return {
    record(entry) {
      ready ??= mkdir(dirname(path), { recursive: true });
      // One write at a time, so lines never interleave.
      chain = chain
        .then(() => ready)
        .then(() =>
          appendFile(path, `${redactor.redact(JSON.stringify(entry))}\n`, { flag: 'a', mode: 0o600 }),
        )
        .catch((error: Error) => onError(`audit log ${path}: ${error.message}`));
      return chain;
    },
  };
}

/** What the audit log says about a work-starting request, from its body (Windows paths travel in JSON). */
export function auditTarget(
  call: string,
  params: string[],
  body: unknown,
): Pick<AuditEntry, 'device' | 'pair' | 'path'> {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (call === 'request-focus-view') {
    return {
      device: text(record.device_id),
      pair: { uid: text(record.value), artifactType: text(record.artifact_type) },
    };
  }
  return { device: params[0] ? decodeURIComponent(params[0]) : undefined, path: text(record.file_path) };
}
