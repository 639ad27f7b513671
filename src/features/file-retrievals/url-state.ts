import {
  createParser,
  parseAsNativeArrayOf,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
} from 'nuqs';
import { fileRetrievalSortKeys } from '../../api/cylance/file-retrievals.ts';
import { typedUrlUpdate } from '../../lib/typed-url-update.ts';

/**
 * The page's URL state (house-style.md "URL state"). `page`, `size`, `sort` go to the vendor; `status` and
 * `q` only filter the rows of the current page (the vendor documents no filters, api-contracts.md §1).
 * `selected` opens a tracked retrieval's details; `track` is a share link's list of retrievals to import.
 * The password never appears here: only device ids and paths do.
 */
export const pageSizes = [10, 20, 50, 100] as const;
const sortValues = fileRetrievalSortKeys.flatMap((key) => [key, `-${key}`] as const);

/**
 * A hand-edited `page=-1` or `size=7` must fall back to the default, not reach the vendor as a 400
 * (found by url-state.property.test.ts): pages are whole numbers from 1, sizes one of `pageSizes`.
 */
const parseAsPage = createParser({
  parse: (value) => (/^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : null),
  serialize: String,
});
const parseAsPageSize = createParser({
  parse: (value) =>
    /^\d{1,3}$/.test(value) && pageSizes.some((size) => size === Number(value)) ? Number(value) : null,
  serialize: String,
});

export const historyParsers = {
  page: parseAsPage.withDefault(1),
  size: parseAsPageSize.withDefault(20),
  sort: parseAsStringLiteral(sortValues).withDefault('-created_at'),
  status: parseAsString.withDefault(''),
  q: parseAsString.withDefault('').withOptions(typedUrlUpdate),
};

export function useHistoryState() {
  return useQueryStates(historyParsers, { history: 'push' });
}

export const selectionParsers = {
  mode: parseAsStringLiteral(['single', 'bulk'] as const).withDefault('single'),
  selected: parseAsString,
  track: parseAsNativeArrayOf(parseAsString),
  /** Prefills the device search (links from the device page: `?device=<OPTICS_ID>`). */
  device: parseAsString,
};

export function useSelectionState() {
  return useQueryStates(selectionParsers, { history: 'push' });
}

/** A link that, opened by a colleague, adds these retrievals to their tracked list. */
export function shareLink(keys: readonly string[], origin = window.location.origin): string {
  const url = new URL('/file-retrievals', origin);
  for (const key of keys) url.searchParams.append('track', key);
  return url.href;
}
