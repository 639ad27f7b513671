import type { QueryClient } from '@tanstack/react-query';
import { createLoader } from 'nuqs';
import { decodePairs, encodePairs } from '../../lib/focus-pair-codec.ts';
import { dedupePairs } from '../../lib/focus-pairs.ts';
import { startArrivalLookup } from '../../tracking/focus-lookup-run.ts';
import { type LookupSetStore, lookupSetStore } from '../../tracking/focus-lookup-store.ts';
import { focusViewsParsers } from './url-state.ts';

const loadSet = createLoader({ set: focusViewsParsers.set });

/** The link's pairs when the page would open them as they are (shared-set.tsx): its own encoding of them. */
function linkedPairs(set: string) {
  const linked = decodePairs(set);
  if (!linked) return null;
  try {
    return encodePairs(dedupePairs(linked).pairs) === set ? linked : null;
  } catch {
    return null;
  }
}

/**
 * A deep link to /focus-views (issue #11 "Deep link"): the entry calls this before the page's code has arrived,
 * so the lookup's `POST /foci/v2/search` chunks start at once instead of after the page has rendered its set.
 * It does what the page does on arrival, in the same order:
 * - a link's set with no set tracked here is opened: written to localStorage first (focus-lookup-store.ts),
 *   exactly as shared-set.tsx would; a different tracked set, an unreadable link or one the page would rewrite
 *   is left to the page (its banners), and the tracked set is what gets looked up — as on the page;
 * - the tracked set's automatic lookup starts (focus-lookup-run.ts `startArrivalLookup`): the same run, with
 *   its progress and cancel, that the page takes over when it mounts.
 * Never throws; nothing tracked, nothing sent.
 */
export function prefetchFocusViewsPage(
  queryClient: QueryClient,
  search: string,
  store: LookupSetStore = lookupSetStore,
): void {
  let set: string | null;
  try {
    set = loadSet(search).set;
  } catch {
    return;
  }
  let state = store.getSnapshot();
  if (set && state.pairs.length === 0) {
    const linked = linkedPairs(set);
    if (linked) state = store.replace(linked);
  }
  if (state.pairs.length === 0) return;
  startArrivalLookup(queryClient, state.savedAt, state.pairs);
}
