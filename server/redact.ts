/**
 * Secrets never reach logs, error messages or the audit log (issue #8 "Security"). Everything the gateway
 * writes goes through a redactor that knows the configured secrets and the tokens minted since start.
 */
export interface Redactor {
  add(secret: string | undefined): void;
  redact(text: string): string;
}

export function createRedactor(initial: string[] = []): Redactor {
  const secrets = new Set<string>();
  const add = (secret: string | undefined) => {
    // Very short values would blank out ordinary words; real secrets are long.
    if (!secret || secret.length < 6) return;
    secrets.add(secret);
    secrets.add(encodeURIComponent(secret));
  };
  for (const secret of initial) add(secret);
  return {
    add,
    redact: (text) => {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join('[redacted]');
      return out;
    },
  };
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The default sink for info lines. There is one per forwarded call, and writing to stdout (a file or a pipe)
 * is synchronous in Node: one write per request. Lines are collected and written together once per turn of
 * the event loop instead — the same lines in the same order, a fraction of the writes under load.
 */
function batchedStdout(): (line: string) => void {
  let pending: string[] = [];
  const flush = () => {
    const lines = pending;
    pending = [];
    process.stdout.write(`${lines.join('\n')}\n`);
  };
  return (line) => {
    if (pending.length === 0) setImmediate(flush);
    pending.push(line);
  };
}

/** `write` receives every line when given (tests); by default info goes to stdout, warnings and errors to stderr. */
export function createLogger(redactor: Redactor, write?: (line: string) => void): Logger {
  const line = (level: string, message: string, fallback: (line: string) => void) =>
    (write ?? fallback)(redactor.redact(`[gateway] ${level} ${message}`));
  const infoSink = write ? console.log : batchedStdout();
  return {
    info: (message) => line('info', message, infoSink),
    warn: (message) => line('warn', message, console.error),
    error: (message) => line('error', message, console.error),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
