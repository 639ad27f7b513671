import * as client from 'openid-client';
import type { AuthConfig } from './config.ts';
import type { Role, SessionUser } from './sessions.ts';

/** A sign-in that has left for the identity provider and not come back yet. */
export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  startedAt: number;
}

export interface SignedIn {
  user: SessionUser;
  role: Role;
  idToken?: string;
}

/** Roles come from one claim (`OIDC_ROLES_CLAIM`): a list, or one string of space- or comma-separated names. */
export function roleFor(claims: Record<string, unknown>, config: AuthConfig): Role {
  const raw = claims[config.rolesClaim];
  const values = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/[\s,]+/) : [];
  return values.some((value) => config.responderGroups.includes(value)) ? 'responder' : 'viewer';
}

/**
 * The OIDC authorization code flow with PKCE (openid-client). Discovery happens at the first sign-in and is
 * retried at the next one when the identity provider was unreachable, so the gateway starts without it.
 */
export function createOidcClient(config: AuthConfig) {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    const issuer = new URL(config.issuer);
    discovered ??= client
      .discovery(
        issuer,
        config.clientId,
        undefined,
        config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
        // auth/config.ts allows http only for a loopback issuer.
        issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    async start(returnTo: string, now: number, loginHint?: string) {
      const pending: PendingLogin = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        returnTo,
        startedAt: now,
      };
      const parameters: Record<string, string> = {
        redirect_uri: config.redirectUrl,
        scope: config.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
        state: pending.state,
        nonce: pending.nonce,
      };
      // A standard OIDC hint (the identity provider may pre-fill or pick the account).
      if (loginHint) parameters.login_hint = loginHint;
      return { pending, url: client.buildAuthorizationUrl(await configuration(), parameters).href };
    },

    /** Exchanges the code; `query` is the callback's query string (the redirect URL is the configured one). */
    async finish(query: string, pending: PendingLogin): Promise<SignedIn> {
      const oidc = await configuration();
      const callbackUrl = new URL(config.redirectUrl);
      callbackUrl.search = query;
      const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const idClaims: Record<string, unknown> = tokens.claims() ?? {};
      // Many providers put groups and e-mail only in the userinfo answer.
      const userinfo = oidc.serverMetadata().userinfo_endpoint
        ? await client.fetchUserInfo(oidc, tokens.access_token, String(idClaims.sub))
        : {};
      const claims: Record<string, unknown> = { ...idClaims, ...userinfo };
      const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
      return {
        user: {
          sub: String(claims.sub),
          name: text(claims.name) ?? text(claims.preferred_username),
          email: text(claims.email),
        },
        role: roleFor(claims, config),
        idToken: tokens.id_token,
      };
    },

    /** The identity provider's sign-out page, when it has one (RP-initiated logout). */
    async endSessionUrl(
      idToken: string | undefined,
      postLogoutRedirect: string,
    ): Promise<string | undefined> {
      const oidc = await configuration().catch(() => undefined);
      if (!oidc?.serverMetadata().end_session_endpoint) return undefined;
      const parameters: Record<string, string> = { post_logout_redirect_uri: postLogoutRedirect };
      if (idToken) parameters.id_token_hint = idToken;
      else parameters.client_id = config.clientId;
      return client.buildEndSessionUrl(oidc, parameters).href;
    },
  };
}

export type OidcClient = ReturnType<typeof createOidcClient>;
