import { ContractError, HttpError } from './http.ts';
import { isRetryable, retryDelayMs } from './retry.ts';

const httpError = (status: number, retryAfterMs?: number) =>
  new HttpError({ status, message: 'x', retryAfterMs });

describe('which failures are retried', () => {
  it('retries 429 and 5xx and network failures', () => {
    for (const status of [429, 500, 502, 503, 504]) expect(isRetryable(httpError(status))).toBe(true);
    expect(isRetryable(new TypeError('Failed to fetch'))).toBe(true);
  });

  it('does not retry other 4xx, contract errors or aborts', () => {
    for (const status of [400, 401, 403, 404, 409]) expect(isRetryable(httpError(status))).toBe(false);
    expect(isRetryable(new ContractError('/x', undefined))).toBe(false);
    expect(isRetryable(new DOMException('aborted', 'AbortError'))).toBe(false);
  });

  it('does not retry a vendor the gateway has no credentials for (it says what to configure)', () => {
    const notConnected = new HttpError({ status: 503, message: 'x', code: 'vendor_not_connected' });
    expect(isRetryable(notConnected)).toBe(false);
  });
});

describe('retry delay', () => {
  it('backs off exponentially within jitter bounds and caps at 30 s', () => {
    expect(retryDelayMs(0, httpError(503), () => 0)).toBe(500);
    expect(retryDelayMs(0, httpError(503), () => 1)).toBe(1000);
    expect(retryDelayMs(3, httpError(503), () => 1)).toBe(8000);
    expect(retryDelayMs(10, httpError(503), () => 1)).toBe(30_000);
  });

  it('waits at least as long as Retry-After says', () => {
    expect(retryDelayMs(0, httpError(429, 60_000), () => 0)).toBe(60_000);
  });
});
