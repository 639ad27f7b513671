/**
 * Safe JSON in localStorage (issue #10 "a full local storage is reported, not silently dropped"). Reads
 * survive a missing storage, corrupt JSON and values of the wrong shape; writes report a full or refused
 * storage through one subscribable "storage problem" signal, which the shell shows as a banner. The caller
 * keeps its data in memory either way, so nothing is lost while the tab is open.
 */
export type StorageProblemKind = 'full' | 'refused' | 'corrupt';

export interface StorageProblem {
  key: string;
  kind: StorageProblemKind;
  message: string;
  at: number;
}

type Listener = () => void;

export interface StorageProblemSignal {
  subscribe(listener: Listener): () => void;
  /** The current problems, one per key; the same array until something changes. */
  getSnapshot(): readonly StorageProblem[];
  report(problem: Omit<StorageProblem, 'at'>): void;
  /** A later successful write of the key clears its problem. */
  resolve(key: string): void;
}

export function createStorageProblemSignal(now: () => number = Date.now): StorageProblemSignal {
  let problems: readonly StorageProblem[] = [];
  const listeners = new Set<Listener>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => problems,
    report(problem) {
      problems = [...problems.filter((item) => item.key !== problem.key), { ...problem, at: now() }];
      emit();
    },
    resolve(key) {
      if (!problems.some((item) => item.key === key)) return;
      problems = problems.filter((item) => item.key !== key);
      emit();
    },
  };
}

/** The console's one signal (the shell's storage banner subscribes to it). */
export const storageProblems = createStorageProblemSignal();

/** Quota errors differ by browser: `QuotaExceededError` (code 22) and Firefox's `NS_ERROR_DOM_QUOTA_REACHED`. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

export interface LocalStoreOptions {
  /** Defaults to `localStorage`; null = no storage at all (private modes, tests). */
  storage?: Storage | null;
  signal?: StorageProblemSignal;
  /** What the analyst would lose, for the banner: "the focus-view lookup set". */
  label: string;
}

function defaultStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return undefined;
  }
}

/**
 * Reads `key` as JSON and checks its shape with `parse` (which returns undefined for a value it cannot use).
 * Missing → undefined; corrupt or wrong shape → undefined and a `corrupt` problem (the raw text is kept under
 * `<key>.corrupt` so it can still be recovered by hand).
 */
export function readStored<T>(
  key: string,
  parse: (value: unknown) => T | undefined,
  options: LocalStoreOptions,
): T | undefined {
  const storage = options.storage === undefined ? defaultStorage() : (options.storage ?? undefined);
  const signal = options.signal ?? storageProblems;
  let raw: string | null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return undefined;
  }
  if (raw === null) return undefined;
  let value: T | undefined;
  try {
    value = parse(JSON.parse(raw));
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    try {
      storage?.setItem(`${key}.corrupt`, raw);
    } catch {
      // Keeping the backup is best effort; the problem below is reported either way.
    }
    signal.report({
      key,
      kind: 'corrupt',
      message: `The saved ${options.label} could not be read and was started afresh (the old text is kept as "${key}.corrupt").`,
    });
  }
  return value;
}

/** Writes `value` as JSON (undefined removes the key). Returns false, and reports why, when the browser refused. */
export function writeStored(key: string, value: unknown, options: LocalStoreOptions): boolean {
  const storage = options.storage === undefined ? defaultStorage() : (options.storage ?? undefined);
  const signal = options.signal ?? storageProblems;
  try {
    if (!storage) throw new Error('localStorage is not available');
    if (value === undefined) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(value));
    signal.resolve(key);
    return true;
  } catch (error) {
    const full = isQuotaError(error);
    signal.report({
      key,
      kind: full ? 'full' : 'refused',
      message: full
        ? `The browser's storage is full: the ${options.label} is kept in this tab only. Free space (clear old lookup sets or retrievals) or export it as CSV.`
        : `The browser refused to save the ${options.label} (${error instanceof Error ? error.message : String(error)}): it is kept in this tab only.`,
    });
    return false;
  }
}
