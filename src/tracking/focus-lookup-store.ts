import { useSyncExternalStore } from 'react';
import { dedupePairs, type PairInput } from '../lib/focus-pairs.ts';

/**
 * The analyst's focus-view lookup set (issue #3 "Shareable and durable"): the (uid, device id) pairs being
 * tracked, of any size, kept in localStorage until cleared, synced across tabs. Only what the analyst
 * brought is stored (pairs plus the hostname/artifact type they came with) — never the vendor's statuses,
 * which live in the query cache. It is written before any request is made, so a crash mid-lookup loses
 * nothing.
 */
export type TrackedPair = PairInput;

export interface LookupSetState {
  pairs: readonly TrackedPair[];
  /** Changes whenever the set is replaced or extended: identifies "this set" for one-off work. */
  savedAt: number;
  /** Set when the browser refused to save: the set then lives in this tab only. */
  storageError: string | null;
}

export interface LookupSetStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): LookupSetState;
  replace(pairs: readonly TrackedPair[]): LookupSetState;
  /** Adds pairs not already tracked; returns how many were new. */
  add(pairs: readonly TrackedPair[]): number;
  clear(): void;
}

const empty: LookupSetState = { pairs: [], savedAt: 0, storageError: null };

function isPair(value: unknown): value is TrackedPair {
  const record = value as Partial<TrackedPair> | null;
  return typeof record?.uid === 'string' && typeof record.device_id === 'string';
}

function read(storage: Storage | undefined, key: string): LookupSetState {
  try {
    const parsed = JSON.parse(storage?.getItem(key) ?? 'null') as {
      pairs?: unknown;
      savedAt?: unknown;
    } | null;
    if (!parsed || !Array.isArray(parsed.pairs)) return empty;
    return {
      pairs: parsed.pairs.filter(isPair),
      savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : 0,
      storageError: null,
    };
  } catch {
    // A corrupt entry must not break the page: start empty.
    return empty;
  }
}

export function createLookupSetStore(
  storage: Storage | undefined,
  key = 'triage.focus-lookup.v1',
): LookupSetStore {
  let state = read(storage, key);
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const save = (pairs: readonly TrackedPair[]) => {
    // Strictly increasing, so two saves in one millisecond still count as two sets.
    const savedAt = Math.max(Date.now(), state.savedAt + 1);
    let storageError: string | null = null;
    try {
      if (pairs.length === 0) storage?.removeItem(key);
      else storage?.setItem(key, JSON.stringify({ pairs, savedAt }));
    } catch (error) {
      storageError = `The browser refused to save the lookup set (${error instanceof Error ? error.name : 'unknown error'}): it is kept in this tab only. Export it as CSV to keep it.`;
    }
    state = { pairs, savedAt, storageError };
    emit();
    return state;
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key && event.key !== null) return;
    state = read(storage, key);
    emit();
  };
  return {
    subscribe(listener) {
      if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
      };
    },
    getSnapshot: () => state,
    replace: (pairs) => save(dedupePairs(pairs).pairs),
    add(pairs) {
      const merged = dedupePairs([...state.pairs, ...pairs]).pairs;
      const added = merged.length - state.pairs.length;
      if (added > 0) save(merged);
      return added;
    },
    clear: () => {
      save([]);
    },
  };
}

/** The console's one lookup set, shared by every view in this tab. */
export const lookupSetStore = createLookupSetStore(globalThis.localStorage);

export function useLookupSet(): LookupSetState {
  return useSyncExternalStore(lookupSetStore.subscribe, lookupSetStore.getSnapshot);
}
