import { z } from 'zod';
import { readStored, writeStored } from '../lib/local-store.ts';
import { createTabSyncedListeners } from '../lib/tab-synced-listeners.ts';

/**
 * The durable list of file retrievals the analyst tracks (localStorage, synced across tabs). It holds what
 * identifies a retrieval and the last status seen — never the password or the download link, which live
 * only in the query cache in memory (issue #4 "Safety").
 */
export interface FileRetrievalTargetRef {
  deviceId: string;
  filePath: string;
  hostname?: string;
}

const trackedSchema = z.object({
  key: z.string(),
  deviceId: z.string().regex(/^[0-9A-F]{32}$/),
  filePath: z.string().min(1),
  hostname: z.string().optional(),
  addedAt: z.number(),
  lastStatus: z.string().optional(),
  /** Epoch ms (this browser's clock) when lastStatus was first seen. */
  statusSince: z.number().optional(),
  /** Why the last request failed, with the vendor's request id: readable after a reload. */
  requestError: z.object({ message: z.string(), requestId: z.string().optional() }).optional(),
});
export type TrackedFileRetrieval = z.infer<typeof trackedSchema>;

const maxTrackedFileRetrievals = 500;
const storageKey = 'triage.file-retrievals.tracked.v1';

/** `DEVICEID|path`: the device id is 32 hex digits, so the first `|` separates it even if the path has one. */
export function fileRetrievalKey(target: { deviceId: string; filePath: string }): string {
  return `${target.deviceId}|${target.filePath}`;
}

export function parseFileRetrievalKey(key: string): { deviceId: string; filePath: string } | null {
  const match = /^([0-9A-F]{32})\|(.+)$/s.exec(key);
  return match ? { deviceId: match[1]!, filePath: match[2]! } : null;
}

function parseList(value: unknown): TrackedFileRetrieval[] | undefined {
  const parsed = z.array(z.unknown()).safeParse(value);
  if (!parsed.success) return undefined;
  // Entries written by hand or an older version are dropped one by one, not the whole list.
  return parsed.data.flatMap((item) => {
    const entry = trackedSchema.safeParse(item);
    return entry.success ? [entry.data] : [];
  });
}

// Through lib/local-store.ts: a full or refused storage shows in the shell's storage banner instead of being
// dropped silently, and a corrupt entry is kept aside (`<key>.corrupt`).
const storeOptions = (storage: Storage | undefined) => ({
  storage: storage ?? null,
  label: 'list of tracked file retrievals',
});

function read(storage: Storage | undefined): TrackedFileRetrieval[] {
  return readStored(storageKey, parseList, storeOptions(storage)) ?? [];
}

export function createTrackedFileRetrievalStore(storage: Storage | undefined) {
  let entries = read(storage);
  const { subscribe, emit } = createTabSyncedListeners([storageKey], () => {
    entries = read(storage);
  });
  const save = (next: TrackedFileRetrieval[]) => {
    entries = next.slice(0, maxTrackedFileRetrievals);
    // Storage full or blocked: the list still works in this tab, and the shell says so.
    writeStored(storageKey, entries, storeOptions(storage));
    emit();
  };
  return {
    subscribe,
    getSnapshot: () => entries,
    /** Adds targets not tracked yet, on top; a tracked one keeps its place and status. */
    track(targets: readonly FileRetrievalTargetRef[], now = Date.now()) {
      const known = new Set(entries.map((entry) => entry.key));
      const added: TrackedFileRetrieval[] = [];
      for (const target of targets) {
        const key = fileRetrievalKey(target);
        // Only Optics ids and non-empty paths (a share link is user input): anything else is not trackable.
        if (known.has(key) || !parseFileRetrievalKey(key)) continue;
        known.add(key);
        added.push({
          key,
          deviceId: target.deviceId,
          filePath: target.filePath,
          hostname: target.hostname,
          addedAt: now,
        });
      }
      if (added.length > 0) save([...added, ...entries]);
    },
    update(key: string, patch: Partial<Omit<TrackedFileRetrieval, 'key' | 'deviceId' | 'filePath'>>) {
      if (!entries.some((entry) => entry.key === key)) return;
      save(entries.map((entry) => (entry.key === key ? { ...entry, ...patch } : entry)));
    },
    untrack(key: string) {
      save(entries.filter((entry) => entry.key !== key));
    },
    clear() {
      save([]);
    },
  };
}

export const trackedFileRetrievalStore = createTrackedFileRetrievalStore(globalThis.localStorage);
