import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SimTenant } from '../tenant.ts';
import { cylanceError, pageEnvelope, readPageQuery, sortByKey } from './common.ts';
import { focusViewResults } from './focus-view-results.ts';
import {
  type FocusRequestBody,
  focusArtifactTypes,
  requestView,
  searchPair,
  viewItem,
  viewStatus,
} from './focus-view-state.ts';

/**
 * Optics focus view endpoints (api-contracts.md §1 "Focus views", seed 000). State and the status rules
 * live in focus-view-state.ts; this file is the HTTP surface: validation, filters, sort, limits.
 */
export { createFocusViews } from './focus-view-state.ts';

/** Seed 000: "up to 200 at a time"; 201+ is a 400 (api-contracts.md §4). */
export const maxSearchPairs = 200;

type ViewItem = ReturnType<typeof viewItem>;
const sortKeys: Record<string, (item: ViewItem) => string> = {
  created_at: (item) => item.created_at,
  hostname: (item) => item.hostname.toLowerCase(),
  status: (item) => item.status,
  artifact_type: (item) => item.artifact_type,
  description: (item) => (item.description ?? '').toLowerCase(),
  device_id: (item) => item.device_id,
  value: (item) => item.value,
};

function contains(haystack: string | null, needle: string | null): boolean {
  return needle === null || (haystack ?? '').toLowerCase().includes(needle.toLowerCase());
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Request body per api-contracts.md §1: every reason the vendor answers 400. */
function validateRequest(body: unknown): FocusRequestBody | string {
  if (!isRecord(body)) return 'The request body must be a JSON object.';
  const { device_id, artifact_type, artifact_subtype, value, threat_type, description } = body;
  if (typeof device_id !== 'string' || device_id === '') return 'device_id is required.';
  if (
    typeof artifact_type !== 'string' ||
    !(focusArtifactTypes as readonly string[]).includes(artifact_type)
  ) {
    return `artifact_type must be one of ${focusArtifactTypes.join(', ')}.`;
  }
  if (artifact_subtype !== 'Uid') return 'artifact_subtype must be "Uid".';
  if (typeof value !== 'string' || value.trim() === '') return 'value (the event uid) is required.';
  if (artifact_type === 'Protect' && (typeof threat_type !== 'string' || threat_type === '')) {
    return 'threat_type is required with artifact_type Protect.';
  }
  if (artifact_type !== 'Protect' && threat_type !== undefined && threat_type !== null) {
    return 'threat_type is only allowed with artifact_type Protect.';
  }
  if (description !== undefined && description !== null && typeof description !== 'string') {
    return 'description must be a string.';
  }
  return {
    device_id,
    artifact_type,
    value,
    threat_type: typeof threat_type === 'string' ? threat_type : undefined,
    description: typeof description === 'string' ? description : undefined,
  };
}

export function focusViewHandlers(tenant: SimTenant, base: string): HttpHandler[] {
  return [
    http.get(`${base}/foci/v2`, ({ request }) => {
      const url = new URL(request.url);
      const query = readPageQuery(url);
      if (query instanceof Response) return query;
      const param = (name: string) => url.searchParams.get(name) || null;
      // "The old q list parameter is no longer honoured (requests with it return nothing)" [doc].
      if (url.searchParams.has('q')) return HttpResponse.json(pageEnvelope([], query));
      const createdAt = param('created_at');
      if (createdAt !== null && !/^\d{4}-\d{2}-\d{2}$/.test(createdAt)) {
        return cylanceError(400, 'created_at must be a date: YYYY-MM-DD.');
      }
      const artifactType = param('artifact_type')?.toLowerCase() ?? null;
      const status = param('status')?.toUpperCase() ?? null;
      // hostname and description match as case-insensitive substrings: the doc does not say [?].
      const items = tenant.focusViews.views
        .map((view) => viewItem(tenant, view))
        .filter(
          (item) =>
            (artifactType === null || item.artifact_type.toLowerCase() === artifactType) &&
            (status === null || item.status === status) &&
            (createdAt === null || item.created_at.startsWith(createdAt)) &&
            contains(item.hostname, param('hostname')) &&
            contains(item.description, param('description')),
        );
      const sorted = sortByKey(items, param('sort') ?? '-created_at', sortKeys);
      if (sorted.error) return sorted.error;
      return HttpResponse.json(pageEnvelope(sorted.items, query));
    }),

    http.post(`${base}/foci/v2/search`, async ({ request }) => {
      const body = await readJson(request);
      if (!Array.isArray(body) || body.length === 0) {
        return cylanceError(400, 'The request body must be a non-empty array of {uid, device_id}.');
      }
      if (body.length > maxSearchPairs) {
        return cylanceError(400, `A search takes at most ${maxSearchPairs} items, got ${body.length}.`);
      }
      const invalid = body.findIndex(
        (pair) => !isRecord(pair) || typeof pair.uid !== 'string' || typeof pair.device_id !== 'string',
      );
      if (invalid !== -1) return cylanceError(400, `Item ${invalid} must have string uid and device_id.`);
      const pairs = body as { uid: string; device_id: string }[];
      return HttpResponse.json(pairs.map((pair) => searchPair(tenant, pair.uid, pair.device_id)));
    }),

    http.post(`${base}/foci/v2`, async ({ request }) => {
      const body = validateRequest(await readJson(request));
      if (typeof body === 'string') return cylanceError(400, body);
      const outcome = requestView(tenant, body);
      if (!outcome.ok) return cylanceError(outcome.status, outcome.message);
      return HttpResponse.json(viewItem(tenant, outcome.view));
    }),

    http.get(`${base}/foci/v2/:focusId`, ({ params }) => {
      const view = tenant.focusViews.byId.get(String(params.focusId));
      if (!view) return cylanceError(404, 'The focus view was not found.');
      return HttpResponse.json(viewItem(tenant, view));
    }),

    http.get(`${base}/foci/v2/:focusId/results`, ({ params }) => {
      const view = tenant.focusViews.byId.get(String(params.focusId));
      if (!view) return cylanceError(404, 'The focus view was not found.');
      const status = viewStatus(view, tenant.clock.now());
      if (status !== 'AVAILABLE') return cylanceError(404, `The focus view has no results yet (${status}).`);
      return HttpResponse.json(focusViewResults(view, tenant.random.fork(`focus-results:${view.id}`)));
    }),
  ];
}
