import type { QueryClient } from '@tanstack/react-query';
import { packageQueries } from '../../api/cylance/packages.ts';
import { loadPackagesView, toVendorQuery } from './url-state.ts';

/**
 * A deep link to /packages (issue #11 "Deep link"): the entry calls this with the URL's search string before
 * the page's code has arrived, so the vendor call runs alongside the route chunk instead of after the first
 * render. The URL is read with the page's own parsers and the page's own query factory, so the page finds the
 * query already in flight (or answered) under its key; a value the parsers refuse falls back to its default
 * exactly as on the page. Never throws, never waits: errors are the page's to show.
 */
export function prefetchPackagesPage(queryClient: QueryClient, search: string): void {
  let query: ReturnType<typeof toVendorQuery>;
  try {
    query = toVendorQuery(loadPackagesView(search));
  } catch {
    return;
  }
  void queryClient.prefetchQuery(packageQueries.list(query));
}
