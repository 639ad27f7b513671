import type { TrackedKind } from '../../tracking/transitions.ts';

export const kindLabels: Record<TrackedKind, string> = {
  'focus-view': 'Focus view',
  'file-retrieval': 'File retrieval',
};

/**
 * "One click to its page, filtered to it" (issue #7). The parameters are the pages' own URL state:
 * file-retrievals `selected=<DEVICE|path>` opens that tracked retrieval (features/file-retrievals/url-state.ts).
 */
export function trackedItemHref(kind: TrackedKind, itemId: string): string {
  if (kind === 'file-retrieval') return `/file-retrievals?${new URLSearchParams({ selected: itemId })}`;
  return `/focus-views?${new URLSearchParams({ selected: itemId })}`;
}
