import type { QueryClient } from '@tanstack/react-query';
import { pageModules } from './route-modules.ts';

/**
 * Deep links (issue #11 "Deep link"): what the entry starts for the URL it was opened at, before React renders —
 * the page's chunk (with vite's modulepreload of its imports) and, for the pages that have one, the page's
 * first data request, so code and data load side by side instead of chunk → render → request. Paths as in
 * router.tsx. The data prefetchers read the URL with the page's own parsers into the page's own query keys;
 * nothing here throws or blocks: a failed chunk is the router's to report, a failed request the page's.
 */
interface DeepLink {
  path: RegExp;
  page: () => Promise<unknown>;
  data?: (queryClient: QueryClient, search: string) => Promise<void>;
}

const deepLinks: DeepLink[] = [
  { path: /^\/$/, page: pageModules.overview },
  {
    path: /^\/focus-views\/?$/,
    page: pageModules.focusViews,
    data: (queryClient, search) =>
      import('../features/focus-views/prefetch.ts').then((m) =>
        m.prefetchFocusViewsPage(queryClient, search),
      ),
  },
  { path: /^\/focus-views\/[^/]+\/?$/, page: pageModules.focusViewDetail },
  { path: /^\/file-retrievals\/?$/, page: pageModules.fileRetrievals },
  {
    path: /^\/packages\/?$/,
    page: pageModules.packages,
    data: (queryClient, search) =>
      import('../features/packages/prefetch.ts').then((m) => m.prefetchPackagesPage(queryClient, search)),
  },
  { path: /^\/devices\/?$/, page: pageModules.devices },
  { path: /^\/devices\/[^/]+\/?$/, page: pageModules.device },
];

export function prefetchRoute(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
): void {
  const link = deepLinks.find((candidate) => candidate.path.test(location.pathname));
  if (!link) return;
  // The data prefetcher first: its small chunk then heads the queue of the page's many chunk requests.
  link.data?.(queryClient, location.search).catch(() => undefined);
  link.page().catch(() => undefined);
}
