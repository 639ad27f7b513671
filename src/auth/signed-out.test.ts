import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { HttpError, request } from '../api/http.ts';
import { createSignInRedirect, signInUrl } from './signed-out.ts';

const signedOut = (loginUrl: unknown = '/auth/login') =>
  new HttpError({ status: 401, message: 'Sign in to continue.', code: 'signed_out', body: { loginUrl } });

describe('signed-out answers (issue #9)', () => {
  it('builds the sign-in address with the page to come back to', () => {
    const page = { pathname: '/focus-views', search: '?set=abc&page=2' };
    expect(signInUrl(signedOut(), page)).toBe('/auth/login?returnTo=%2Ffocus-views%3Fset%3Dabc%26page%3D2');
    // Never another origin, whatever the answer says.
    expect(signInUrl(signedOut('https://evil.example/login'), page)).toMatch(/^\/auth\/login\?/);
    expect(signInUrl(signedOut('//evil.example'), page)).toMatch(/^\/auth\/login\?/);
  });

  it('leaves once for a burst of signed-out answers, and ignores other errors', () => {
    const go = vi.fn();
    const redirect = createSignInRedirect(go);
    redirect(new HttpError({ status: 401, message: 'vendor said no', code: 'UNAUTHORIZED' }));
    redirect(new HttpError({ status: 403, message: 'forbidden', code: 'forbidden_role' }));
    expect(go).not.toHaveBeenCalled();
    redirect(signedOut());
    redirect(signedOut());
    expect(go).toHaveBeenCalledTimes(1);
    expect(go).toHaveBeenCalledWith(expect.stringMatching(/^\/auth\/login\?returnTo=%2F/));
  });
});

describe('CSRF header', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    // biome-ignore lint/suspicious/noDocumentCookie: jsdom has no Cookie Store API; the gateway sets it for real.
    document.cookie = 'triage_csrf=; max-age=0';
  });

  it('echoes the triage_csrf cookie as x-csrf-token on state-changing calls only', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: as above.
    document.cookie = 'triage_csrf=tok-123_abc';
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: URL, init: RequestInit) => {
        seen.push(new Headers(init.headers).get('x-csrf-token'));
        return Response.json({});
      }),
    );
    const schema = z.object({});
    await request('/api/cylance/foci/v2', { schema, body: { value: 'x' } });
    await request('/api/cylance/devices/v2', { schema });
    expect(seen).toEqual(['tok-123_abc', null]);
  });
});
