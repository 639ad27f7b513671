import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { buildUrl, ContractError, HttpError, parseRetryAfter, request, requestWithMeta } from './http.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const url = (path: string) => `${window.location.origin}${path}`;
const okSchema = z.object({ access_token: z.string() });

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('HttpError from real vendor error bodies', () => {
  it('reads a Cylance scope error {status, message}', async () => {
    server.use(
      http.get(url('/api/cylance/foci/v2'), () =>
        HttpResponse.json({ status: 'ACCESS_DENIED', message: 'insufficient privileges' }, { status: 403 }),
      ),
    );
    const error = await failureOf(request('/api/cylance/foci/v2', { schema: okSchema }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 403, code: 'ACCESS_DENIED', message: 'insufficient privileges' });
  });

  it('reads an ESET google.rpc.Status with its request-id header', async () => {
    server.use(
      http.get(url('/api/eset/v1/devices:batchGet'), () =>
        HttpResponse.json(
          { code: 3, message: 'devicesUuids must not be empty', details: [] },
          { status: 400, headers: { 'request-id': 'req-eset-42' } },
        ),
      ),
    );
    const error = await failureOf(request('/api/eset/v1/devices:batchGet', { schema: okSchema }));
    expect(error).toMatchObject({
      status: 400,
      code: '3',
      requestId: 'req-eset-42',
      message: 'devicesUuids must not be empty',
    });
  });

  it('reads a Prisma 429 {code, message} with Retry-After in seconds', async () => {
    server.use(
      http.get(url('/api/prisma/verdicts'), () =>
        HttpResponse.json(
          { code: 429, message: 'Too many requests' },
          { status: 429, headers: { 'retry-after': '2' } },
        ),
      ),
    );
    const error = await failureOf(request('/api/prisma/verdicts', { schema: okSchema }));
    expect(error).toMatchObject({ status: 429, retryAfterMs: 2000, message: 'Too many requests' });
  });

  it('keeps an empty or non-JSON error body readable', async () => {
    server.use(
      http.get(url('/api/eset/v1/devices'), () => new HttpResponse('upstream exploded', { status: 502 })),
    );
    const error = await failureOf(request('/api/eset/v1/devices', { schema: okSchema }));
    expect(error).toMatchObject({ status: 502, body: 'upstream exploded' });
    expect((error as HttpError).message).not.toBe('');
  });
});

describe('ContractError', () => {
  it('names the path and the first mismatching field', async () => {
    server.use(http.get(url('/api/cylance/packages/v2'), () => HttpResponse.json({ access_token: 42 })));
    const error = await failureOf(request('/api/cylance/packages/v2', { schema: okSchema }));
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ path: '/api/cylance/packages/v2', field: 'access_token' });
  });

  it('treats a malformed JSON body as a contract error, not a crash', async () => {
    server.use(
      http.get(url('/api/cylance/packages/v2'), () => new HttpResponse('{"page_items": [', { status: 200 })),
    );
    const error = await failureOf(request('/api/cylance/packages/v2', { schema: okSchema }));
    expect(error).toBeInstanceOf(ContractError);
  });
});

describe('requests', () => {
  it('sends JSON bodies and returns parsed data with headers', async () => {
    server.use(
      http.post(url('/api/cylance/foci/v2/search'), async ({ request: incoming }) =>
        HttpResponse.json(
          { access_token: JSON.stringify(await incoming.json()) },
          { headers: { 'request-id': 'r1' } },
        ),
      ),
    );
    const response = await requestWithMeta('/api/cylance/foci/v2/search', {
      schema: okSchema,
      body: [{ uid: 'A' }],
    });
    expect(response.data.access_token).toBe('[{"uid":"A"}]');
    expect(response.headers.get('request-id')).toBe('r1');
  });

  it('passes the abort signal through', async () => {
    server.use(http.get(url('/api/cylance/devices/v2'), () => new Promise<Response>(() => {})));
    const controller = new AbortController();
    const pending = request('/api/cylance/devices/v2', { schema: okSchema, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('repeats array parameters and drops empty ones', () => {
    const built = buildUrl('/api/eset/v1/devices:batchGet', {
      devicesUuids: ['a', 'b'],
      pageToken: '',
      pageSize: 0,
    });
    expect(built.search).toBe('?devicesUuids=a&devicesUuids=b&pageSize=0');
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
