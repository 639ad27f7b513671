import { createQueryClient } from './query-client.ts';
import { prefetchRoute } from './route-prefetch.ts';

/**
 * The console's QueryClient, and the deep link's route chunk and first request started with it (issue #11).
 * main.tsx imports this module first, so this runs before React, Mantine and the shell are evaluated: on a
 * cold load that is ≈ 100 ms earlier than the router would ask for the route.
 */
export const queryClient = createQueryClient();
prefetchRoute(queryClient, window.location);
