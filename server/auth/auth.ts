import type { Context, Hono, MiddlewareHandler } from 'hono';
import { deleteCookie, getSignedCookie, setCookie, setSignedCookie } from 'hono/cookie';
import { gatewayError } from '../forward.ts';
import type { Logger } from '../redact.ts';
import type { AuthConfig } from './config.ts';
import { createOidcClient, type PendingLogin } from './oidc.ts';
import { signedOutPage, signInFailedPage } from './pages.ts';
import { createSessionStore, type Role, randomToken, type Session, sameToken } from './sessions.ts';

/** Who made a request: written to the audit log and used for role checks (issue #9). */
export interface Actor {
  user: string;
  role: Role;
}

declare module 'hono' {
  interface ContextVariableMap {
    actor: Actor | undefined;
  }
}

export interface AuthRuntime {
  /** `/auth/*` and `GET /api/me`. */
  mount(app: Hono): void;
  /** For `/api/*`: a session (and, for state-changing calls, the CSRF token) or a 401/403. */
  guard: MiddlewareHandler;
}

export const sessionCookie = 'triage_session';
export const csrfCookie = 'triage_csrf';
export const csrfHeader = 'x-csrf-token';
const loginCookie = 'triage_login';
const loginTtlMs = 10 * 60_000;
const maxPendingLogins = 1_000;

/** Without OIDC the console is loopback-only and everyone may act, exactly as before sign-in existed. */
export function createNoAuth(): AuthRuntime {
  return {
    mount(app) {
      app.get('/api/me', (c) => c.json({ signedIn: false, role: 'responder', auth: 'none' }));
    },
    guard: (_c, next) => next(),
  };
}

/** Same-origin paths only (`/x`, not `//evil.example` or `/\evil`), so sign-in cannot become an open redirect. */
export function safeReturnTo(value: string | undefined): string {
  if (!value?.startsWith('/')) return '/';
  // The URL parser reads `/\host` and `//host` as another host, exactly as a browser would.
  const base = 'http://console.invalid';
  const url = new URL(value, base);
  if (url.origin !== base || url.pathname.startsWith('/auth/')) return '/';
  return url.pathname + url.search + url.hash;
}

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host === c.req.header('host');
  } catch {
    return false;
  }
}

const actorOf = (session: Session): Actor => ({
  user: session.user.email ?? session.user.name ?? session.user.sub,
  role: session.role,
});

export function createOidcAuth(
  config: AuthConfig,
  options: { now: () => number; logger: Logger },
): AuthRuntime {
  const { now, logger } = options;
  const oidc = createOidcClient(config);
  const sessions = createSessionStore({ idleMs: config.idleMs, absoluteMs: config.absoluteMs, now });
  const pending = new Map<string, PendingLogin>();
  const cookieBase = { path: '/', secure: config.secureCookies, sameSite: 'Lax' as const };
  const postLogoutUrl = new URL('/auth/signed-out', config.redirectUrl).href;

  const currentSession = async (c: Context) => {
    const id = await getSignedCookie(c, config.sessionSecret, sessionCookie);
    return id ? sessions.touch(id) : undefined;
  };
  const signedOut = () =>
    Response.json(
      { code: 'signed_out', message: 'Sign in to continue.', loginUrl: '/auth/login' },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    );
  // Double submit: the token the SPA read from `triage_csrf` must match the session's, and the call must
  // come from this origin (a cross-site form or fetch can do neither).
  const csrfValid = (c: Context, session: Session, submitted: string | undefined) =>
    sameOrigin(c) && submitted !== undefined && sameToken(submitted, session.csrf);
  const unsafe = (method: string) => method !== 'GET' && method !== 'HEAD';

  const guard: MiddlewareHandler = async (c, next) => {
    if (c.req.path === '/api/health' || c.req.path === '/api/me') return next();
    const session = await currentSession(c);
    if (!session) return signedOut();
    if (unsafe(c.req.method) && !csrfValid(c, session, c.req.header(csrfHeader))) {
      return gatewayError(
        403,
        'csrf_failed',
        'The request lacks this console’s CSRF token; reload the page.',
      );
    }
    c.set('actor', actorOf(session));
    return next();
  };

  function mount(app: Hono) {
    app.get('/api/me', async (c) => {
      const session = await currentSession(c);
      c.header('cache-control', 'no-store');
      if (!session) return c.json({ signedIn: false, role: 'viewer', auth: 'oidc', loginUrl: '/auth/login' });
      const { name, email } = session.user;
      return c.json({
        signedIn: true,
        auth: 'oidc',
        user: { name: name ?? email ?? session.user.sub, email },
        role: session.role,
      });
    });

    app.get('/auth/login', async (c) => {
      const returnTo = safeReturnTo(c.req.query('returnTo'));
      const started = await oidc.start(returnTo, now(), c.req.query('login_hint'));
      const id = randomToken();
      for (const [key, login] of pending) {
        if (now() - login.startedAt > loginTtlMs || pending.size >= maxPendingLogins) pending.delete(key);
      }
      pending.set(id, started.pending);
      // Binds the callback to this browser (no login CSRF); Lax, so it comes back with the top-level redirect.
      await setSignedCookie(c, loginCookie, id, config.sessionSecret, {
        ...cookieBase,
        path: '/auth/',
        httpOnly: true,
        maxAge: loginTtlMs / 1000,
      });
      c.header('cache-control', 'no-store');
      return c.redirect(started.url, 302);
    });

    app.get('/auth/callback', async (c) => {
      const id = await getSignedCookie(c, config.sessionSecret, loginCookie);
      const login = id ? pending.get(id) : undefined;
      if (id) pending.delete(id);
      deleteCookie(c, loginCookie, { ...cookieBase, path: '/auth/' });
      if (!login || now() - login.startedAt > loginTtlMs) {
        return c.html(signInFailedPage('The sign-in took too long or was started elsewhere.'), 400);
      }
      try {
        const signedIn = await oidc.finish(new URL(c.req.url).search, login);
        // A new session id at every sign-in (no fixation); the browser's earlier session ends here.
        const previous = await currentSession(c);
        if (previous) sessions.remove(previous.id);
        const session = sessions.create(signedIn);
        const maxAge = Math.floor(config.absoluteMs / 1000);
        await setSignedCookie(c, sessionCookie, session.id, config.sessionSecret, {
          ...cookieBase,
          httpOnly: true,
          maxAge,
        });
        setCookie(c, csrfCookie, session.csrf, { ...cookieBase, httpOnly: false, maxAge });
        logger.info(`sign-in: ${actorOf(session).user} as ${session.role}`);
        c.header('cache-control', 'no-store');
        return c.redirect(login.returnTo, 303);
      } catch (error) {
        logger.warn(`sign-in failed: ${(error as Error).message}`);
        return c.html(signInFailedPage((error as Error).message), 502);
      }
    });

    // POST with the CSRF token (a cross-site page must not sign people out); answers where to go next, because
    // CSP `form-action 'self'` would block a form's redirect to the identity provider.
    app.post('/auth/logout', async (c) => {
      const session = await currentSession(c);
      if (session) {
        if (!csrfValid(c, session, c.req.header(csrfHeader))) {
          return gatewayError(
            403,
            'csrf_failed',
            'The request lacks this console’s CSRF token; reload the page.',
          );
        }
        sessions.remove(session.id);
        logger.info(`sign-out: ${actorOf(session).user}`);
      }
      deleteCookie(c, sessionCookie, cookieBase);
      deleteCookie(c, csrfCookie, cookieBase);
      const redirectTo = (await oidc.endSessionUrl(session?.idToken, postLogoutUrl)) ?? '/auth/signed-out';
      return c.json({ redirectTo }, 200, { 'cache-control': 'no-store' });
    });

    app.get('/auth/signed-out', (c) => c.html(signedOutPage()));
  }

  return { mount, guard };
}
