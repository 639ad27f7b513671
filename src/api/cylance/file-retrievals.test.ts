import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { useSimServer } from '../../test/sim-server.ts';
import { HttpError } from '../http.ts';
import { listRetrievedFiles, readFileRetrievalStatus, requestFileRetrieval } from './file-retrievals.ts';

const sim = useSimServer();

function opticsIdOf(index = 0) {
  return sim.tenant.cylanceDevices.list[index]!.id.replaceAll('-', '').toUpperCase();
}

describe('Cylance file retrieval client against the simulator', () => {
  it('reads the flat getfile answer and the data-nested getfile:get answer into the same shape', async () => {
    const target = { deviceId: opticsIdOf(), filePath: 'C:\\Users\\a b\\ö.txt' };
    const requested = await requestFileRetrieval(target);
    const status = await readFileRetrievalStatus(target);
    expect(requested).toMatchObject({
      file_status: 'PENDING',
      filepath: target.filePath,
      device_id: target.deviceId,
    });
    expect(status).toMatchObject({
      file_status: 'PENDING',
      filepath: target.filePath,
      device_id: target.deviceId,
    });
  });

  it('accepts a flat getfile:get answer and a data-nested getfile answer too', async () => {
    const target = { deviceId: opticsIdOf(), filePath: '/tmp/x' };
    const item = { device_id: target.deviceId, filepath: '/tmp/x', file_status: 'REQUEST' };
    sim.server.use(
      http.post('*/getfile:get', () => HttpResponse.json(item)),
      http.post('*/getfile', () => HttpResponse.json({ data: { ...item, file_status: 'PENDING' } })),
    );
    expect(await readFileRetrievalStatus(target)).toMatchObject({ file_status: 'REQUEST' });
    expect(await requestFileRetrieval(target)).toMatchObject({ file_status: 'PENDING' });
  });

  it('surfaces the vendor 404 for an id that is not in the Optics form', async () => {
    const hyphenated = sim.tenant.cylanceDevices.list[0]!.id;
    const error = await requestFileRetrieval({ deviceId: hyphenated, filePath: '/x' }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 404 });
  });

  it('pages and sorts the history', async () => {
    const page = await listRetrievedFiles({ page: 2, pageSize: 10, sort: 'hostname' });
    expect(page).toMatchObject({ page_number: 2, page_size: 10 });
    const hosts = page.page_items.map((item) => item.hostname ?? '');
    expect([...hosts].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()))).toEqual(hosts);
  });
});
