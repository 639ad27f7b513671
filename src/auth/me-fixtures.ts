import type { QueryClient } from '@tanstack/react-query';
import { type Me, meQueries } from '../api/gateway/me.ts';

/** Test-only `/api/me` answers (the simulator serves only the vendors): no sign-in, and a signed-in viewer. */
export const meWithoutSignIn: Me = { signedIn: false, role: 'responder', auth: 'none' };
export const meViewer: Me = {
  signedIn: true,
  role: 'viewer',
  auth: 'oidc',
  user: { name: 'Vera Viewer', email: 'vera.viewer@example.test' },
};

/** Puts the answer in the cache (staleTime is infinite, so nothing is fetched). */
export function seedMe(queryClient: QueryClient, me: Me = meWithoutSignIn): void {
  queryClient.setQueryData(meQueries.me().queryKey, me);
}
