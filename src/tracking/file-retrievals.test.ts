import type { Query } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { FileRetrieval } from '../api/cylance/schemas.ts';
import { defaultPollSchedule } from '../lib/polling.ts';
import {
  createTrackedFileRetrievalStore,
  fileRetrievalKey,
  parseFileRetrievalKey,
} from './file-retrieval-store.ts';
import { pendingPollInterval, resolutionToast } from './file-retrievals.ts';

const deviceId = '45E07F34E76B4A9EB167D6D0C510D6BA';

describe('tracked file retrieval store', () => {
  it('survives a reload (a new store over the same storage) and keeps paths byte for byte', () => {
    const path = 'C:\\Users\\Åsa Öberg\\a|b c.exe';
    const first = createTrackedFileRetrievalStore(localStorage);
    first.track([{ deviceId, filePath: path, hostname: 'WKS-1' }]);
    first.update(fileRetrievalKey({ deviceId, filePath: path }), { lastStatus: 'PENDING', statusSince: 5 });
    const reloaded = createTrackedFileRetrievalStore(localStorage).getSnapshot();
    expect(reloaded).toEqual([
      expect.objectContaining({ deviceId, filePath: path, hostname: 'WKS-1', lastStatus: 'PENDING' }),
    ]);
    expect(parseFileRetrievalKey(reloaded[0]!.key)).toEqual({ deviceId, filePath: path });
  });

  it('refuses ids that are not in the Optics form and drops corrupt stored entries, keeping the rest', () => {
    const store = createTrackedFileRetrievalStore(localStorage);
    store.track([
      { deviceId: '45e07f34-e76b-4a9e-b167-d6d0c510d6ba', filePath: '/x' },
      { deviceId, filePath: '' },
    ]);
    expect(store.getSnapshot()).toEqual([]);
    localStorage.setItem(
      'triage.file-retrievals.tracked.v1',
      JSON.stringify([
        { key: 'junk' },
        { key: `${deviceId}|/ok`, deviceId, filePath: '/ok', addedAt: 1, password: 's3cret' },
      ]),
    );
    const reloaded = createTrackedFileRetrievalStore(localStorage).getSnapshot();
    expect(reloaded).toHaveLength(1);
    expect(JSON.stringify(reloaded)).not.toContain('s3cret');
  });

  it('tracks a retrieval once, newest first', () => {
    const store = createTrackedFileRetrievalStore(localStorage);
    store.track([{ deviceId, filePath: '/a' }]);
    store.track([
      { deviceId, filePath: '/b' },
      { deviceId, filePath: '/a' },
    ]);
    expect(store.getSnapshot().map((entry) => entry.filePath)).toEqual(['/b', '/a']);
  });
});

describe('pendingPollInterval', () => {
  const query = (status: string, dataUpdatedAt: number) =>
    ({ state: { data: { file_status: status } as FileRetrieval, dataUpdatedAt } }) as unknown as Query<
      FileRetrieval,
      Error,
      FileRetrieval,
      readonly unknown[]
    >;

  it('backs off while the status stays PENDING and stops once it resolves', () => {
    const shared = query('PENDING', 1);
    expect(pendingPollInterval(shared)).toBe(defaultPollSchedule.minMs);
    // Re-evaluated without a new answer: same interval.
    expect(pendingPollInterval(shared)).toBe(defaultPollSchedule.minMs);
    shared.state.dataUpdatedAt = 2;
    const second = pendingPollInterval(shared);
    shared.state.dataUpdatedAt = 3;
    const third = pendingPollInterval(shared);
    expect(second).toBeGreaterThan(defaultPollSchedule.minMs);
    expect(third).toBeGreaterThan(second as number);
    shared.state.data = { file_status: 'AVAILABLE' } as FileRetrieval;
    expect(pendingPollInterval(shared)).toBe(false);
  });
});

describe('resolution toast', () => {
  const entry = (n: number, hostname?: string) => ({
    key: `${deviceId}|C:\\x${n}.txt`,
    deviceId,
    filePath: `C:\\x${n}.txt`,
    hostname,
    addedAt: 0,
  });

  it('names one resolution by its status, device and path', () => {
    expect(resolutionToast([{ entry: entry(1, 'WKS-1'), status: 'AVAILABLE' }])).toEqual({
      title: 'File retrieval: Available',
      message: 'WKS-1: C:\\x1.txt',
      color: 'green',
    });
  });

  it('gathers a round of resolutions into one toast, counting them and listing at most five', () => {
    const seven = Array.from({ length: 7 }, (_, n) => ({ entry: entry(n), status: 'AVAILABLE' }));
    const toast = resolutionToast(seven);
    expect(toast.title).toBe('File retrieval: Available (7)');
    expect(toast.message.split('\n')).toEqual([
      ...[0, 1, 2, 3, 4].map((n) => `${deviceId}: C:\\x${n}.txt`),
      '… and 2 more',
    ]);
  });

  it('says each status when a round resolves differently', () => {
    const toast = resolutionToast([
      { entry: entry(1, 'WKS-1'), status: 'AVAILABLE' },
      { entry: entry(2, 'WKS-2'), status: 'UNAVAILABLE' },
    ]);
    expect(toast).toEqual({
      title: 'File retrievals resolved (2)',
      message: 'Available — WKS-1: C:\\x1.txt\nUnavailable — WKS-2: C:\\x2.txt',
      color: 'gray',
    });
  });
});
