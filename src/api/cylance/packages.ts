import { queryOptions } from '@tanstack/react-query';
import { request } from '../http.ts';
import { type PackageSortKey, packagePageSchema } from './schemas.ts';

/**
 * `GET /packages/v2` (api-contracts.md §1 "Packages", seed 004): scope opticspkgconfig:list.
 * The query is spelled exactly as the vendor reads it, so the key names what was asked of the vendor.
 */
export interface PackageListQuery {
  page: number;
  page_size: number;
  /** One documented key, `-` prefixed for descending. */
  sort?: PackageSortKey | `-${PackageSortKey}`;
  category?: string;
  status?: string;
}

export function listPackages(query: PackageListQuery, signal?: AbortSignal) {
  return request('/api/cylance/packages/v2', { schema: packagePageSchema, query: { ...query }, signal });
}

export const packageQueries = {
  all: () => ['cylance', 'packages'] as const,
  list: (query: PackageListQuery) =>
    queryOptions({
      queryKey: [...packageQueries.all(), 'list', query] as const,
      queryFn: ({ signal }) => listPackages(query, signal),
    }),
};
