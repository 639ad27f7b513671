import { afterEach, describe, expect, it } from 'vitest';
import { storageProblems } from '../lib/local-store.ts';
import { LimitedStorage } from '../test/limited-storage.ts';
import { createTrackedFileRetrievalStore } from './file-retrieval-store.ts';
import { createLookupSetStore } from './focus-lookup-store.ts';

/** Issue #10: what the analyst tracks is never dropped silently when the browser's storage is full. */
const deviceId = 'A'.repeat(32);

afterEach(() => {
  for (const problem of storageProblems.getSnapshot()) storageProblems.resolve(problem.key);
});

describe('tracking stores on a full or corrupt storage', () => {
  it('keeps a lookup set in the tab, says so on the page and in the shell signal', () => {
    const store = createLookupSetStore(new LimitedStorage(30), 'set');
    store.replace([{ uid: 'u1', device_id: deviceId }]);
    expect(store.getSnapshot().pairs).toHaveLength(1);
    expect(store.getSnapshot().storageError).toMatch(/kept in this tab only/);
    expect(storageProblems.getSnapshot()).toEqual([
      expect.objectContaining({
        key: 'set',
        kind: 'full',
        message: expect.stringContaining('focus-view lookup set'),
      }),
    ]);
  });

  it('keeps tracked retrievals in the tab and reports the full storage', () => {
    const store = createTrackedFileRetrievalStore(new LimitedStorage(30));
    store.track([{ deviceId, filePath: 'C:\\a.txt' }]);
    expect(store.getSnapshot()).toHaveLength(1);
    expect(storageProblems.getSnapshot()[0]).toMatchObject({
      kind: 'full',
      message: expect.stringContaining('tracked file retrievals'),
    });
  });

  it('starts empty on a corrupt entry, keeps the old text aside, and reports it', () => {
    const storage = new LimitedStorage(10_000);
    storage.setItem('set', '{"pairs": [');
    expect(createLookupSetStore(storage, 'set').getSnapshot().pairs).toEqual([]);
    expect(storage.getItem('set.corrupt')).toBe('{"pairs": [');
    expect(storageProblems.getSnapshot()[0]).toMatchObject({ key: 'set', kind: 'corrupt' });
  });
});
