import { describe, expect, it } from 'vitest';
import { httpRejection } from '../../test/http-rejection.ts';
import { useSimServer } from '../../test/sim-server.ts';
import { listPackages } from './packages.ts';
import { packageSortKeys } from './schemas.ts';

useSimServer();

describe('Cylance packages against the simulator (seed 004)', () => {
  it('serves the default page (1/20, newest upload first) in the envelope the client parses', async () => {
    const page = await listPackages({ page: 1, page_size: 20 });
    expect(page).toMatchObject({ page_number: 1, page_size: 20, total_pages: 6, total_number_of_items: 120 });
    const uploaded = page.page_items.map((item) => item.uploadedOn);
    expect(uploaded).toEqual([...uploaded].sort().reverse());
    for (const item of page.page_items) {
      expect(item.uploadedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
      expect(item.packageDescriptor.packageInfo?.fileType).toBe('Python');
      expect(item.downloadUrl).toMatch(/^https:\/\//);
      expect(item.packageDescriptor.examples?.length).toBeGreaterThan(0);
    }
  });

  it('filters by category and by status, alone and together', async () => {
    const custom = await listPackages({ page: 1, page_size: 200, category: 'custom' });
    const failed = await listPackages({ page: 1, page_size: 200, status: 'failed' });
    const both = await listPackages({ page: 1, page_size: 200, category: 'cylance', status: 'success' });
    expect(custom.page_items.every((item) => item.category === 'custom')).toBe(true);
    expect(failed.page_items.every((item) => item.status === 'failed')).toBe(true);
    expect(both.page_items.every((item) => item.category === 'cylance' && item.status === 'success')).toBe(
      true,
    );
    for (const page of [custom, failed, both]) {
      expect(page.total_number_of_items).toBe(page.page_items.length);
      expect(page.total_number_of_items).toBeGreaterThan(0);
      expect(page.total_number_of_items).toBeLessThan(120);
    }
  });

  it('accepts every documented sort key both ways and answers an unknown one with 400', async () => {
    for (const key of packageSortKeys) {
      const ascending = await listPackages({ page: 1, page_size: 200, sort: key });
      const descending = await listPackages({ page: 1, page_size: 200, sort: `-${key}` });
      expect(ascending.page_items).toHaveLength(120);
      expect(descending.page_items[0]?.packageId).not.toBe(ascending.page_items[0]?.packageId);
    }
    const bySize = await listPackages({ page: 1, page_size: 200, sort: '-size' });
    const sizes = bySize.page_items.map((item) => item.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));

    const error = await httpRejection(listPackages({ page: 1, page_size: 20, sort: 'bogus' as 'size' }));
    expect(error.status).toBe(400);
  });

  it('rejects an unsupported page size with the vendor message', async () => {
    const error = await httpRejection(listPackages({ page: 1, page_size: 500 }));
    expect(error.status).toBe(400);
    expect(error.message).toBe('The page size requested is not supported.');
  });

  it('answers a page past the end with an empty page and the real totals', async () => {
    const page = await listPackages({ page: 99, page_size: 50 });
    expect(page).toMatchObject({
      page_number: 99,
      total_pages: 3,
      total_number_of_items: 120,
      page_items: [],
    });
  });
});
