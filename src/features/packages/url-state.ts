import {
  createLoader,
  createParser,
  createSerializer,
  type inferParserType,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
} from 'nuqs';
import type { PackageListQuery } from '../../api/cylance/packages.ts';
import {
  type PackageSortKey,
  packageCategories,
  packageSortKeys,
  packageStatuses,
} from '../../api/cylance/schemas.ts';

/**
 * The packages view lives in the URL (`/packages?page=3&pageSize=50&sort=-size&category=custom&status=success`).
 * Anything the parsers do not accept falls back to its default, so a hand-edited URL never reaches the
 * vendor as a 400 (issue #5 "Bad input").
 */
export type PackageSort = PackageSortKey | `-${PackageSortKey}`;

export const packagePageSizes = [20, 50, 100, 200] as const;
export const packageSorts: readonly PackageSort[] = packageSortKeys.flatMap((key) => [
  key,
  `-${key}` as const,
]);
/** Seed 004: the vendor's own default is "most recent uploaded package listed first". */
export const defaultPackageSort: PackageSort = '-uploadedOn';

/** A 1-based page: digits only (no `-1`, `1.5`, `1e3`), at least 1. */
const parseAsPage = createParser({
  parse: (value) => (/^\d{1,9}$/.test(value) && Number(value) >= 1 ? Number(value) : null),
  serialize: String,
});

/** What the vendor is asked for; the vendor spells `pageSize` as `page_size`. */
const viewParsers = {
  page: parseAsPage.withDefault(1),
  pageSize: parseAsNumberLiteral(packagePageSizes).withDefault(20),
  sort: parseAsStringLiteral(packageSorts).withDefault(defaultPackageSort),
  category: parseAsStringLiteral(packageCategories),
  status: parseAsStringLiteral(packageStatuses),
};

export const packagesUrlParsers = {
  ...viewParsers,
  /** The package whose details panel is open. */
  package: parseAsString,
};

export type PackagesView = inferParserType<typeof viewParsers>;
export type PackagesUrlState = inferParserType<typeof packagesUrlParsers>;

/** Page, sort and filter changes push history, so the back button restores the previous view. */
export function usePackagesUrlState() {
  return useQueryStates(packagesUrlParsers, { history: 'push' });
}

/** URL search string → view (defaults for anything missing or nonsensical). */
export const loadPackagesView = createLoader(viewParsers);

/** View → `/packages?…` with defaults left out. */
const serializePackagesUrl = createSerializer(packagesUrlParsers);
export function packagesHref(view: Partial<PackagesUrlState>): string {
  return serializePackagesUrl('/packages', view);
}

/** View → the vendor's query: `page`, `page_size`, `sort`, and the filters only when set. */
export function toVendorQuery(view: PackagesView): PackageListQuery {
  return {
    page: view.page,
    page_size: view.pageSize,
    sort: view.sort,
    ...(view.category ? { category: view.category } : {}),
    ...(view.status ? { status: view.status } : {}),
  };
}

/** The vendor's query (as sent) → the view it shows: the inverse of toVendorQuery. */
export const fromVendorQuery = createLoader(viewParsers, { urlKeys: { pageSize: 'page_size' } });
