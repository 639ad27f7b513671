import { HttpError } from '../api/http.ts';

/** The gateway's answer when sign-in is configured and the session is missing or expired (server/auth/auth.ts). */
export function isSignedOut(error: unknown): error is HttpError {
  return error instanceof HttpError && error.status === 401 && error.code === 'signed_out';
}

/** Sign-in comes back to `returnTo`, so the page's URL (filters, tabs, lookups) survives an expired session. */
export function signInUrl(error: HttpError, location: Pick<Location, 'pathname' | 'search'>): string {
  const body = error.body as { loginUrl?: unknown } | undefined;
  const loginUrl =
    typeof body?.loginUrl === 'string' && body.loginUrl.startsWith('/') && !body.loginUrl.startsWith('//')
      ? body.loginUrl
      : '/auth/login';
  return `${loginUrl}?returnTo=${encodeURIComponent(location.pathname + location.search)}`;
}

/** The first signed-out answer sends the browser to sign in, once (many queries fail together). */
export function createSignInRedirect(go: (url: string) => void): (error: unknown) => void {
  let leaving = false;
  return (error) => {
    if (leaving || !isSignedOut(error)) return;
    leaving = true;
    go(signInUrl(error, window.location));
  };
}

/** For the query and mutation caches (src/app/query-client.ts). */
export const sendToSignIn = createSignInRedirect((url) => window.location.assign(url));
