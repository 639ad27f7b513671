import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { request } from '../http.ts';
import {
  type FocusPair,
  type FocusViewRequest,
  focusSearchResponseSchema,
  focusViewPageSchema,
  focusViewSchema,
} from './schemas.ts';

/**
 * Optics focus views (api-contracts.md §1 "Focus views", seed 000). Scopes: opticsfocus:read (list, summary,
 * results), opticsfocus:create (request), opticsfocus:list (search). The browser calls the gateway at
 * /api/cylance, which adds the vendor credentials.
 */
const base = '/api/cylance/foci/v2';

/** Seed 000: a search takes "up to 200 at a time". */
export const maxSearchPairs = 200;

/** The list query, spelled as the vendor reads it. The legacy `q` is never sent: the vendor answers nothing. */
export interface FocusViewListQuery {
  page: number;
  page_size: number;
  sort?: string;
  artifact_type?: string;
  status?: string;
  hostname?: string;
  /** `YYYY-MM-DD` */
  created_at?: string;
  description?: string;
}

export function listFocusViews(query: FocusViewListQuery, signal?: AbortSignal) {
  return request(base, { schema: focusViewPageSchema, query: { ...query }, signal });
}

export function getFocusView(focusId: string, signal?: AbortSignal) {
  return request(`${base}/${encodeURIComponent(focusId)}`, { schema: focusViewSchema, signal });
}

/**
 * The results schema is not published [?]: accept any JSON and read what looks like an event graph (nodes with
 * an id, edges between them) where it is there; the page shows the raw answer otherwise.
 */
const graphNodeSchema = z.looseObject({
  id: z.coerce.string(),
  type: z.string().nullish(),
  name: z.string().nullish(),
});
const graphEdgeSchema = z.looseObject({
  source: z.coerce.string().optional(),
  target: z.coerce.string().optional(),
  from: z.coerce.string().optional(),
  to: z.coerce.string().optional(),
  relation: z.string().nullish(),
});
const focusViewResultsSchema = z.unknown().transform((raw) => {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const nodes = z.array(graphNodeSchema).safeParse(record.nodes);
  const edges = z.array(graphEdgeSchema).safeParse(record.edges);
  return {
    raw,
    nodes: nodes.success ? nodes.data : null,
    edges: edges.success
      ? edges.data.map((edge) => ({
          source: edge.source ?? edge.from ?? '',
          target: edge.target ?? edge.to ?? '',
          relation: edge.relation ?? '',
        }))
      : null,
  };
});
export type FocusViewResults = z.infer<typeof focusViewResultsSchema>;

export function getFocusViewResults(focusId: string, signal?: AbortSignal) {
  return request(`${base}/${encodeURIComponent(focusId)}/results`, {
    schema: focusViewResultsSchema,
    signal,
  });
}

/** `POST /foci/v2/search`: at most 200 pairs (callers chunk; a larger call would be a vendor 400). */
export function searchFocusViews(pairs: readonly FocusPair[], signal?: AbortSignal) {
  if (pairs.length > maxSearchPairs) throw new RangeError(`search takes at most ${maxSearchPairs} pairs`);
  return request(`${base}/search`, {
    schema: focusSearchResponseSchema,
    method: 'POST',
    body: pairs.map((pair) => ({ uid: pair.uid, device_id: pair.device_id })),
    signal,
  });
}

/** `POST /foci/v2`: starts work at the vendor; answers the new item, status PENDING. */
export function requestFocusView(body: FocusViewRequest, signal?: AbortSignal) {
  return request(base, { schema: focusViewSchema, method: 'POST', body, signal });
}

export const focusViewQueries = {
  all: () => ['cylance', 'focus-views'] as const,
  lists: () => [...focusViewQueries.all(), 'list'] as const,
  list: (query: FocusViewListQuery) =>
    queryOptions({
      queryKey: [...focusViewQueries.lists(), query] as const,
      queryFn: ({ signal }) => listFocusViews(query, signal),
    }),
  detail: (focusId: string) =>
    queryOptions({
      queryKey: [...focusViewQueries.all(), 'detail', focusId] as const,
      queryFn: ({ signal }) => getFocusView(focusId, signal),
    }),
  results: (focusId: string) =>
    queryOptions({
      queryKey: [...focusViewQueries.all(), 'results', focusId] as const,
      queryFn: ({ signal }) => getFocusViewResults(focusId, signal),
    }),
  searches: () => [...focusViewQueries.all(), 'search'] as const,
  /** One search call; the key is exactly the pairs sent, so every page asking the same chunk shares it. */
  search: (pairs: readonly FocusPair[]) =>
    queryOptions({
      queryKey: [...focusViewQueries.searches(), pairs] as const,
      queryFn: ({ signal }) => searchFocusViews(pairs, signal),
    }),
};
