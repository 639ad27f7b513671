import type { MiddlewareHandler } from 'hono';

/**
 * Security headers on every response (issue #8 "Security"). Mantine injects <style> tags at run time, so
 * style-src needs 'unsafe-inline'; scripts only from the gateway's own origin; no framing.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.res.headers.set('content-security-policy', contentSecurityPolicy);
  c.res.headers.set('x-content-type-options', 'nosniff');
  c.res.headers.set('referrer-policy', 'no-referrer');
  c.res.headers.set('x-frame-options', 'DENY');
  c.res.headers.set('cross-origin-opener-policy', 'same-origin');
};
