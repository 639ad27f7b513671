import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../http.ts';

/**
 * `GET /api/me` (server/auth/auth.ts): who is signed in and their role. Without sign-in configured the gateway
 * answers `{signedIn: false, role: 'responder', auth: 'none'}`: loopback use may do everything, as before.
 */
export const meSchema = z.object({
  signedIn: z.boolean(),
  role: z.enum(['viewer', 'responder']),
  auth: z.enum(['none', 'oidc']),
  user: z.object({ name: z.string().nullish(), email: z.string().nullish() }).nullish(),
  loginUrl: z.string().nullish(),
});
export type Me = z.infer<typeof meSchema>;

export const meQueries = {
  me: () =>
    queryOptions({
      queryKey: ['gateway', 'me'],
      queryFn: ({ signal }) => request('/api/me', { schema: meSchema, signal }),
      // The role changes only with a new sign-in, which reloads the page.
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

const signOutSchema = z.object({ redirectTo: z.string() });

/** Ends the session (POST with the CSRF token); the answer says where to go: the identity provider's sign-out. */
export function signOut(): Promise<z.infer<typeof signOutSchema>> {
  return request('/auth/logout', { method: 'POST', body: {}, schema: signOutSchema });
}
