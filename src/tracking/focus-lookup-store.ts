import { useSyncExternalStore } from 'react';
import { dedupePairs, type PairInput } from '../lib/focus-pairs.ts';
import { readStored, writeStored } from '../lib/local-store.ts';
import { createTabSyncedListeners } from '../lib/tab-synced-listeners.ts';

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

function parseSet(value: unknown): Omit<LookupSetState, 'storageError'> | undefined {
  const parsed = value as { pairs?: unknown; savedAt?: unknown } | null;
  if (!parsed || !Array.isArray(parsed.pairs)) return undefined;
  return {
    pairs: parsed.pairs.filter(isPair),
    savedAt: typeof parsed.savedAt === 'number' ? parsed.savedAt : 0,
  };
}

// Through lib/local-store.ts: a full or refused storage also shows in the shell's storage banner, and a
// corrupt entry is kept aside (`<key>.corrupt`) while the page starts empty.
const storeLabel = 'focus-view lookup set';

function read(storage: Storage | undefined, key: string): LookupSetState {
  const stored = readStored(key, parseSet, { storage: storage ?? null, label: storeLabel });
  return stored ? { ...stored, storageError: null } : empty;
}

export function createLookupSetStore(
  storage: Storage | undefined,
  key = 'triage.focus-lookup.v1',
): LookupSetStore {
  let state = read(storage, key);
  const { subscribe, emit } = createTabSyncedListeners([key], () => {
    state = read(storage, key);
  });
  const save = (pairs: readonly TrackedPair[]) => {
    // Strictly increasing, so two saves in one millisecond still count as two sets.
    const savedAt = Math.max(Date.now(), state.savedAt + 1);
    const saved = writeStored(key, pairs.length === 0 ? undefined : { pairs, savedAt }, {
      storage: storage ?? null,
      label: storeLabel,
    });
    const storageError = saved
      ? null
      : 'The browser refused to save the lookup set: it is kept in this tab only. Export it as CSV to keep it.';
    state = { pairs, savedAt, storageError };
    emit();
    return state;
  };
  return {
    subscribe,
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
