import { HttpResponse } from 'msw';

/**
 * Shared Cylance behaviour of the simulator: the paging envelope (seed 004), page-size validation,
 * Optics device ids and error bodies (api-contracts.md §1 "Conventions").
 */
export const allowedPageSizes = new Set([1, 10, 20, 25, 50, 100, 200]);

export function cylanceError(status: number, message: string) {
  return HttpResponse.json({ message }, { status });
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

/** `page` is 1-based (default 1), `page_size` defaults to 20; an unsupported size is a 400. */
export function readPageQuery(url: URL, maxPageSize = 200): PageQuery | Response {
  const page = Number(url.searchParams.get('page') ?? '1');
  const pageSize = Number(url.searchParams.get('page_size') ?? '20');
  if (!Number.isInteger(page) || page < 1)
    return cylanceError(400, 'The page number requested is not valid.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    return cylanceError(400, 'The page size requested is not supported.');
  }
  return { page, pageSize };
}

export function pageEnvelope<T>(items: readonly T[], { page, pageSize }: PageQuery) {
  return {
    page_number: page,
    page_size: pageSize,
    total_pages: Math.ceil(items.length / pageSize),
    total_number_of_items: items.length,
    page_items: items.slice((page - 1) * pageSize, page * pageSize),
  };
}

/** The Optics APIs only know `45E07F34E76B4A9EB167D6D0C510D6BA`; any other spelling is an unknown device. */
export function isOpticsId(id: string): boolean {
  return /^[0-9A-F]{32}$/.test(id);
}

export function toOpticsId(cylanceUuid: string): string {
  return cylanceUuid.replaceAll('-', '').toUpperCase();
}

/** Sorts by a vendor sort key (`size`, `-uploadedOn`, `uploadedBy.login`); an unknown key is a 400. */
export function sortByKey<T>(
  items: readonly T[],
  sort: string | null,
  keys: Record<string, (item: T) => string | number>,
) {
  if (!sort) return { items };
  const descending = sort.startsWith('-');
  const read = keys[descending ? sort.slice(1) : sort];
  if (!read) return { error: cylanceError(400, `The sort field requested is not supported: ${sort}`) };
  const sorted = [...items].sort((a, b) => {
    const left = read(a);
    const right = read(b);
    const order = left < right ? -1 : left > right ? 1 : 0;
    return descending ? -order : order;
  });
  return { items: sorted };
}
