import type { TrackedKind } from '../../tracking/transitions.ts';

export const kindLabels: Record<TrackedKind, string> = {
  'focus-view': 'Focus view',
  'file-retrieval': 'File retrieval',
};

/**
 * "One click to its page, filtered to it" (issue #7), in the pages' own URL state:
 * - file retrievals: `selected=<DEVICE|path>` opens that tracked retrieval (features/file-retrievals/url-state.ts);
 * - focus views: the lookup tab, filtered (`find`) to the pair's uid, with the pair selected
 *   (`selected=<UID|DEVICE>`, features/focus-views/url-state.ts).
 */
export function trackedItemHref(kind: TrackedKind, itemId: string): string {
  if (kind === 'file-retrieval') return `/file-retrievals?${new URLSearchParams({ selected: itemId })}`;
  const [uid = ''] = itemId.split('|');
  return `/focus-views?${new URLSearchParams({ tab: 'lookup', find: uid, selected: itemId })}`;
}

/** Each row's link says which item it opens (starting with its visible text, WCAG 2.5.3). */
export function linkName(item: { kind: TrackedKind; subject: string; device: string }): string {
  return `${kindLabels[item.kind]} ${item.subject} on ${item.device}`;
}
