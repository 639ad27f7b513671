import {
  createParser,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
} from 'nuqs';
import { artifactTypes, focusViewStatuses } from '../../api/cylance/schemas.ts';
import { typedUrlUpdate } from '../../lib/typed-url-update.ts';

/**
 * The Focus views page in the URL (house-style.md "URL state"): tab; the existing list's page, size, sort
 * and vendor filters (api-contracts.md §1 `GET /foci/v2`) and its selection; the lookup results' filter, sort,
 * page and selection; and `set`, a lookup set of up to 200 pairs packed by lib/focus-pair-codec.ts so the
 * link alone reproduces the view. Values a parser does not accept fall back to defaults, so a hand-edited URL
 * never reaches the vendor as a 400.
 */
export const listPageSizes = [10, 20, 50, 100, 200] as const;
export const listSortKeys = ['created_at', 'hostname', 'status', 'artifact_type', 'description'] as const;
const listSorts = listSortKeys.flatMap((key) => [key, `-${key}`] as const);
export type ListSort = (typeof listSorts)[number];

export const resultSortKeys = ['order', 'uid', 'device_id', 'hostname', 'status', 'focus_id'] as const;
const resultSorts = resultSortKeys.flatMap((key) => [key, `-${key}`] as const);
export type ResultSort = (typeof resultSorts)[number];
export const resultPageSizes = [25, 50, 100] as const;

const parseAsPage = createParser({
  parse: (value) => (/^\d{1,6}$/.test(value) && Number(value) >= 1 ? Number(value) : null),
  serialize: String,
});
const parseAsDay = createParser({
  parse: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? value : null),
  serialize: String,
});

export const focusViewsParsers = {
  tab: parseAsStringLiteral(['list', 'lookup'] as const),
  // Existing focus views (sent to the vendor).
  page: parseAsPage.withDefault(1),
  size: parseAsNumberLiteral(listPageSizes).withDefault(20),
  sort: parseAsStringLiteral(listSorts).withDefault('-created_at'),
  artifact: parseAsStringLiteral(artifactTypes),
  status: parseAsStringLiteral(focusViewStatuses),
  hostname: parseAsString.withDefault('').withOptions(typedUrlUpdate),
  description: parseAsString.withDefault('').withOptions(typedUrlUpdate),
  day: parseAsDay,
  /** Focus view ids selected in the list. */
  pick: parseAsArrayOf(parseAsString).withDefault([]),
  // Lookup results (filtered and sorted in the browser).
  set: parseAsString,
  show: parseAsArrayOf(parseAsString).withDefault([]),
  find: parseAsString.withDefault('').withOptions(typedUrlUpdate),
  rsort: parseAsStringLiteral(resultSorts).withDefault('order'),
  rpage: parseAsPage.withDefault(1),
  rsize: parseAsNumberLiteral(resultPageSizes).withDefault(50),
  /** Selected lookup rows as `UID|DEVICE` keys (the Overview links here with one). */
  selected: parseAsArrayOf(parseAsString).withDefault([]),
};

export function useFocusViewsUrl() {
  return useQueryStates(focusViewsParsers, { history: 'push' });
}
export type FocusViewsUrl = ReturnType<typeof useFocusViewsUrl>[0];
export type SetFocusViewsUrl = ReturnType<typeof useFocusViewsUrl>[1];
