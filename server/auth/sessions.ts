import { randomBytes, timingSafeEqual } from 'node:crypto';

export type Role = 'viewer' | 'responder';

export interface SessionUser {
  sub: string;
  name?: string;
  email?: string;
}

export interface Session {
  id: string;
  user: SessionUser;
  role: Role;
  /** The double-submit CSRF token: also in the JS-readable `triage_csrf` cookie, sent back as `x-csrf-token`. */
  csrf: string;
  /** For the identity provider's sign-out (`id_token_hint`). */
  idToken?: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionStore {
  create(init: Pick<Session, 'user' | 'role' | 'idToken'>): Session;
  /** The live session, with its idle timer restarted; `undefined` when unknown, idle too long or too old. */
  touch(id: string): Session | undefined;
  remove(id: string): void;
}

export const randomToken = () => randomBytes(32).toString('base64url');

export function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * Sessions live in memory (issue #9 allows it): a restart signs everyone out, and several gateway processes
 * behind one load balancer would each need their own sign-in. `now` is the gateway's clock (tests move it).
 */
export function createSessionStore(options: { idleMs: number; absoluteMs: number; now: () => number }) {
  const sessions = new Map<string, Session>();
  const expired = (session: Session, now: number) =>
    now - session.lastSeenAt > options.idleMs || now - session.createdAt > options.absoluteMs;
  const store: SessionStore = {
    create(init) {
      const now = options.now();
      // Dropping the expired ones here keeps the map bounded by the people active in the last idle period.
      for (const [id, session] of sessions) if (expired(session, now)) sessions.delete(id);
      const session: Session = {
        ...init,
        id: randomToken(),
        csrf: randomToken(),
        createdAt: now,
        lastSeenAt: now,
      };
      sessions.set(session.id, session);
      return session;
    },
    touch(id) {
      const session = sessions.get(id);
      if (!session) return undefined;
      const now = options.now();
      if (expired(session, now)) {
        sessions.delete(id);
        return undefined;
      }
      session.lastSeenAt = now;
      return session;
    },
    remove(id) {
      sessions.delete(id);
    },
  };
  return store;
}
