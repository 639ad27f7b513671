import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A local OpenID provider for tests (oidc-provider on 127.0.0.1, random port) with two people. Sign-in is
 * deterministic: `login_hint=viewer|responder` signs that account in at once; without a hint a tiny form
 * offers both (what a person clicks in the Playwright spec). Consent is granted automatically.
 */
export const testAccounts = {
  viewer: { sub: 'viewer', name: 'Vera Viewer', email: 'vera.viewer@example.test', groups: ['analysts'] },
  responder: {
    sub: 'responder',
    name: 'Rory Responder',
    email: 'rory.responder@example.test',
    groups: ['analysts', 'ir-responders'],
  },
};
export type TestAccount = keyof typeof testAccounts;
export const testResponderGroup = 'ir-responders';
export const testClient = { id: 'triage-console', secret: 'test-client-secret-0123456789abcdef' };

const isAccount = (value: unknown): value is TestAccount =>
  typeof value === 'string' && Object.hasOwn(testAccounts, value);

const html = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head><body><main><h1>${title}</h1>${body}</main></body></html>`;

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of request) text += chunk;
  return new URLSearchParams(text);
}

export interface TestIdp {
  issuer: string;
  /** Registers the console's gateway (its callback and signed-out page); the gateway needs the issuer first. */
  useGateway(origin: string): void;
  close(): Promise<void>;
}

function createProvider(issuer: string, gatewayOrigin: string) {
  return new Provider(issuer, {
    clients: [
      {
        client_id: testClient.id,
        client_secret: testClient.secret,
        redirect_uris: [`${gatewayOrigin}/auth/callback`],
        post_logout_redirect_uris: [`${gatewayOrigin}/auth/signed-out`],
      },
    ],
    scopes: ['openid', 'profile', 'email', 'groups'],
    claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
    findAccount: (_ctx, id) =>
      isAccount(id) ? { accountId: id, claims: () => ({ ...testAccounts[id] }) } : undefined,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-idp-cookie-key-0123456789'] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: KoaContextWithOIDC, form: string) => {
          ctx.body = html(
            'Sign out of the test identity provider?',
            `${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`,
          );
        },
      },
    },
    // First-party client: no consent screen (oidc-provider's "skip consent" recipe).
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client?.clientId,
        accountId: ctx.oidc.session?.accountId,
      });
      grant.addOIDCScope('openid profile email groups');
      await grant.save();
      return grant;
    },
  });
}

export async function startTestIdp(): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let provider: Provider | undefined;
  let callback: ReturnType<Provider['callback']> | undefined;

  async function interaction(
    provider: Provider,
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ) {
    const details = await provider.interactionDetails(request, response);
    const finish = (account: TestAccount) =>
      provider.interactionFinished(
        request,
        response,
        { login: { accountId: account } },
        { mergeWithLastSubmission: false },
      );
    if (request.method === 'POST' && path.endsWith('/login')) {
      const account = (await readForm(request)).get('account');
      if (isAccount(account)) return finish(account);
    }
    const hint = details.params.login_hint;
    if (isAccount(hint)) return finish(hint);
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      html(
        'Test identity provider',
        `<form method="post" action="/interaction/${details.uid}/login">${Object.entries(testAccounts)
          .map(
            ([id, account]) =>
              `<button type="submit" name="account" value="${id}">Sign in as ${account.name}</button>`,
          )
          .join(' ')}</form>`,
      ),
    );
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', issuer).pathname;
    if (!provider || !callback) {
      response.statusCode = 503;
      response.end('no gateway registered yet');
      return;
    }
    if (!path.startsWith('/interaction/')) {
      void callback(request, response);
      return;
    }
    interaction(provider, request, response, path).catch((error: Error) => {
      response.statusCode = 500;
      response.end(error.message);
    });
  });
  return {
    issuer,
    useGateway(origin) {
      provider = createProvider(issuer, origin);
      callback = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
