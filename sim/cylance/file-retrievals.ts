import { type HttpHandler, HttpResponse, http } from 'msw';
import type { SimTenant } from '../tenant.ts';
import { cylanceError, isOpticsId, pageEnvelope, readPageQuery, sortByKey } from './common.ts';
import { findCylanceDeviceByOpticsId } from './devices.ts';
import { downloadPath, linkValidityMs, type SimRetrieval } from './file-retrieval-state.ts';

/**
 * Optics file retrieval endpoints (api-contracts.md §1 "File retrieval", seed 001). State, outcomes and the
 * time rules live in file-retrieval-state.ts; this file is the HTTP surface: validation, shapes, paging.
 *
 * Response shapes (the seed lists a `data` object "containing the various fields" [?]; the contract says
 * accept both): `getfile:get` — the endpoint seed 001 documents — answers nested under `data`; `getfile`
 * answers flat. Deterministic, so tests exercise both shapes through the same client.
 *
 * Filters: the vendor documents only page/page_size/sort for `retrieved_files`; the simulator honours
 * exactly those and, like the vendor, ignores any other query parameter.
 */
export { createFileRetrievals, linkValidityMs } from './file-retrieval-state.ts';

type FileRetrievals = SimTenant['fileRetrievals'];

/** Reads `{"file_path": "..."}`; the vendor answers a missing, empty or relative path with 400. */
async function readFilePath(request: Request, store: FileRetrievals): Promise<string | Response> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return cylanceError(400, 'The request body must be JSON: {"file_path": "..."}.');
  }
  const path =
    typeof body === 'object' && body !== null ? (body as { file_path?: unknown }).file_path : undefined;
  if (typeof path !== 'string' || path.trim() === '') return cylanceError(400, 'file_path is required.');
  if (path.length > store.maxPathLength) return cylanceError(400, 'file_path is too long.');
  if (!store.isAbsolutePath(path)) return cylanceError(400, 'file_path must be an absolute path.');
  return path;
}

export function fileRetrievalHandlers(tenant: SimTenant, base: string): HttpHandler[] {
  const store = tenant.fileRetrievals;
  const downloadBase = `${new URL(base).origin}${downloadPath}`;
  const sortKeys: Record<string, (item: SimRetrieval) => string | number> = {
    created_at: (item) => item.createdAt,
    hostname: (item) => item.hostname.toLowerCase(),
    filepath: (item) => item.filepath.toLowerCase(),
    device_id: (item) => item.deviceId,
    user_login: (item) => item.userLogin,
    file_status: (item) => store.statusOf(item, tenant.clock.now()),
  };

  return [
    http.get(`${base}/devicecommands/v2/retrieved_files`, ({ request }) => {
      const url = new URL(request.url);
      const paging = readPageQuery(url);
      if (paging instanceof Response) return paging;
      // Newest first unless the caller sorts (the vendor's default order is not documented [?]).
      const sorted = sortByKey(store.history, url.searchParams.get('sort') ?? '-created_at', sortKeys);
      if (sorted.error) return sorted.error;
      const now = tenant.clock.now();
      const envelope = pageEnvelope(sorted.items, paging);
      return HttpResponse.json({
        ...envelope,
        page_items: envelope.page_items.map((item) => store.toItem(item, now, downloadBase)),
      });
    }),
    // One route for both commands: `getfile:get` has a literal colon that a path pattern would read as a param.
    http.post(`${base}/devicecommands/v2/:deviceId/:command`, async ({ request, params }) => {
      const command = String(params.command);
      if (command !== 'getfile' && command !== 'getfile:get') return undefined;
      const deviceId = String(params.deviceId);
      // Hyphenated or lowercase ids are not Optics ids: the vendor treats them as unknown devices (§4).
      const device = isOpticsId(deviceId) ? findCylanceDeviceByOpticsId(tenant, deviceId) : undefined;
      if (!device) return cylanceError(404, 'The device was not found.');
      const path = await readFilePath(request, store);
      if (path instanceof Response) return path;
      const now = tenant.clock.now();
      if (command === 'getfile')
        return HttpResponse.json(
          store.toItem(
            store.request(deviceId, path, /^online$/i.test(device.state ?? '')),
            now,
            downloadBase,
          ),
        );
      const retrieval = store.find(deviceId, path);
      if (!retrieval) {
        return HttpResponse.json({
          data: {
            tenant_id: tenant.tenantId,
            device_id: deviceId,
            filepath: path,
            hostname: store.hostnames.get(deviceId),
            file_status: 'REQUEST',
            file_status_description: 'The file has not been requested on this device.',
          },
        });
      }
      if (store.statusOf(retrieval, now) === 'AVAILABLE') store.issueLink(retrieval);
      return HttpResponse.json({ data: store.toItem(retrieval, now, downloadBase) });
    }),
    http.get(`${downloadBase}/:token`, ({ params }) => {
      const link = store.findLink(String(params.token));
      if (!link) return new HttpResponse('<Error><Code>NoSuchKey</Code></Error>', { status: 404 });
      if (tenant.clock.now() > link.issuedAt + linkValidityMs) {
        // Like a presigned storage URL: an expired link is refused, the analyst must read the status again.
        return new HttpResponse(
          '<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>',
          {
            status: 403,
            headers: { 'content-type': 'application/xml' },
          },
        );
      }
      const { retrieval } = link;
      return new HttpResponse(
        `Simulated retrieved file\n${retrieval.filepath}\nsha256 ${retrieval.sha256}\n`,
        {
          headers: {
            'content-type': 'application/octet-stream',
            'content-disposition': `attachment; filename="retrieved-${retrieval.md5}.zip"`,
          },
        },
      );
    }),
  ];
}
