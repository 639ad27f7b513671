import { describe, expect, it } from 'vitest';
import { LimitedStorage } from '../test/limited-storage.ts';
import { createStorageProblemSignal, isQuotaError, readStored, writeStored } from './local-store.ts';

const isNumbers = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'number') ? (value as number[]) : undefined;

describe('local store', () => {
  it('writes and reads JSON back', () => {
    const storage = new LimitedStorage(1000);
    const signal = createStorageProblemSignal();
    expect(writeStored('k', [1, 2, 3], { storage, signal, label: 'numbers' })).toBe(true);
    expect(readStored('k', isNumbers, { storage, signal, label: 'numbers' })).toEqual([1, 2, 3]);
    expect(signal.getSnapshot()).toEqual([]);
  });

  it('reports a full storage instead of dropping the write silently, and clears it once a write succeeds', () => {
    const storage = new LimitedStorage(40);
    const signal = createStorageProblemSignal(() => 5);
    let notified = 0;
    signal.subscribe(() => notified++);
    expect(
      writeStored(
        'set',
        Array.from({ length: 50 }, (_, i) => i),
        { storage, signal, label: 'lookup set' },
      ),
    ).toBe(false);
    expect(signal.getSnapshot()).toEqual([
      {
        key: 'set',
        kind: 'full',
        at: 5,
        message: expect.stringContaining('storage is full: the lookup set is kept in this tab only'),
      },
    ]);
    expect(writeStored('set', [1], { storage, signal, label: 'lookup set' })).toBe(true);
    expect(signal.getSnapshot()).toEqual([]);
    expect(notified).toBe(2);
  });

  it('survives corrupt JSON and wrong shapes, keeping the old text and reporting it', () => {
    const storage = new LimitedStorage(1000);
    const signal = createStorageProblemSignal();
    storage.setItem('k', '{"pairs": [');
    expect(readStored('k', isNumbers, { storage, signal, label: 'numbers' })).toBeUndefined();
    expect(storage.getItem('k.corrupt')).toBe('{"pairs": [');
    expect(signal.getSnapshot()[0]).toMatchObject({ key: 'k', kind: 'corrupt' });
    storage.setItem('k', '{"a": 1}');
    expect(readStored('k', isNumbers, { storage, signal, label: 'numbers' })).toBeUndefined();
  });

  it('works without a storage at all (reads nothing, writes report a refusal)', () => {
    const signal = createStorageProblemSignal();
    expect(readStored('k', isNumbers, { storage: null, signal, label: 'numbers' })).toBeUndefined();
    expect(writeStored('k', [1], { storage: null, signal, label: 'numbers' })).toBe(false);
    const throwing = new LimitedStorage(10);
    throwing.setItem = () => {
      throw new Error('SecurityError: access denied');
    };
    expect(writeStored('k', [1], { storage: throwing, signal, label: 'numbers' })).toBe(false);
    expect(signal.getSnapshot()[0]).toMatchObject({ kind: 'refused' });
  });

  it('recognises every browser spelling of a quota error', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
