import { useSyncExternalStore } from 'react';
import { readStored, writeStored } from '../lib/local-store.ts';
import { createTabSyncedListeners } from '../lib/tab-synced-listeners.ts';

/**
 * The "Just resolved" feed (issue #7): status transitions the console saw on tracked work, kept in
 * localStorage so they survive a reload, bounded, and never recorded twice.
 *
 * How duplicates are avoided: the store keeps, next to the feed, the last status seen for every tracked item
 * that can still change by itself (`PENDING`, `UNAVAILABLE`). A poll is compared with that, not with the
 * previous poll in memory, so a reload that re-reads the same status finds nothing new. Each transition is
 * keyed by item identity + from + to + when the `from` status was first observed, and the feed keeps a key
 * once, so two tabs that see the same change add one entry.
 */

export type TrackedKind = 'focus-view' | 'file-retrieval';

/** One tracked item as a poll saw it. */
export interface StatusObservation {
  kind: TrackedKind;
  /** Identity of the item within its kind: `uid|device` for a focus-view pair, `device|path` for a file. */
  itemId: string;
  status: string;
  /** What a person reads in the feed: hostname or device id. */
  device: string;
  /** The artifact (focus view) or the path (file retrieval). */
  subject: string;
}

export interface StatusTransition {
  key: string;
  kind: TrackedKind;
  itemId: string;
  from: string;
  to: string;
  /** Epoch ms when the console saw the new status. */
  at: number;
  device: string;
  subject: string;
}

export interface SeenStatus {
  status: string;
  /** Epoch ms when this status was first observed for the item. */
  since: number;
}
export type SeenStatuses = Readonly<Record<string, SeenStatus>>;

/**
 * Statuses the vendor moves on by itself (api-contracts.md §1: PENDING resolves; a file's UNAVAILABLE becomes
 * RETRY_REQUEST after an hour). Only items in these are remembered: a move out of any other status is the
 * analyst's own request, shown under "Pending work" rather than in the feed.
 */
const selfChangingStatuses = new Set(['PENDING', 'UNAVAILABLE']);

export const maxFeedLength = 200;
/** Enough for a 10 000-pair investigation with headroom; past it the longest-unchanged items are forgotten. */
export const maxSeenItems = 20_000;

/** The key of an item in `SeenStatuses`: its `since` is when the console first saw it in that status. */
export function itemKey(kind: TrackedKind, itemId: string): string {
  return `${kind}|${itemId}`;
}

/**
 * Pure: the transitions between what was seen before and what a poll reads now, and the new "seen" record.
 * An item seen for the first time is no transition (its earlier status is unknown).
 */
export function detectTransitions(
  previous: SeenStatuses,
  next: readonly StatusObservation[],
  at: number,
): { transitions: StatusTransition[]; seen: SeenStatuses } {
  const seen: Record<string, SeenStatus> = { ...previous };
  const transitions: StatusTransition[] = [];
  for (const observation of next) {
    const key = itemKey(observation.kind, observation.itemId);
    const before = seen[key];
    if (before && before.status !== observation.status) {
      transitions.push({
        key: `${key}|${before.status}>${observation.status}|${before.since}`,
        kind: observation.kind,
        itemId: observation.itemId,
        from: before.status,
        to: observation.status,
        at,
        device: observation.device,
        subject: observation.subject,
      });
    }
    if (!selfChangingStatuses.has(observation.status)) delete seen[key];
    else if (before?.status !== observation.status) seen[key] = { status: observation.status, since: at };
  }
  return { transitions, seen: boundSeen(seen) };
}

function boundSeen(seen: Record<string, SeenStatus>): SeenStatuses {
  const entries = Object.entries(seen);
  if (entries.length <= maxSeenItems) return seen;
  entries.sort(([, a], [, b]) => b.since - a.since);
  return Object.fromEntries(entries.slice(0, maxSeenItems));
}

/** Pure: the feed with `added` merged in, newest first, each key once, at most `maxFeedLength` long. */
export function mergeFeed(
  feed: readonly StatusTransition[],
  added: readonly StatusTransition[],
): StatusTransition[] {
  const keys = new Set(feed.map((transition) => transition.key));
  const fresh: StatusTransition[] = [];
  for (const transition of added) {
    if (keys.has(transition.key)) continue;
    keys.add(transition.key);
    fresh.push(transition);
  }
  // A stable sort keeps the order of one poll's batch for transitions seen at the same moment.
  return [...fresh, ...feed].sort((a, b) => b.at - a.at).slice(0, maxFeedLength);
}

export interface TransitionState {
  feed: readonly StatusTransition[];
  seen: SeenStatuses;
  /** Set when the browser refused to save (storage full or blocked): the feed lives only in this tab then. */
  storageError: string | null;
}

export interface TransitionStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): TransitionState;
  /** Adds transitions not already in the feed; returns the ones added. */
  record(list: readonly StatusTransition[]): StatusTransition[];
  /** Compares a poll's statuses with what was seen, records the transitions and returns the new ones. */
  observe(observations: readonly StatusObservation[], at?: number): StatusTransition[];
  /** Empties the feed; what was seen stays, so cleared transitions do not come back. */
  clear(): void;
}

const label = 'feed of resolved work';

function parseFeed(value: unknown): StatusTransition[] | undefined {
  return Array.isArray(value) ? value.filter(isTransition) : undefined;
}

function parseSeen(value: unknown): SeenStatuses | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as SeenStatuses)
    : undefined;
}

function isTransition(value: unknown): value is StatusTransition {
  const record = value as Partial<StatusTransition> | null;
  return typeof record?.key === 'string' && typeof record.at === 'number' && typeof record.to === 'string';
}

/**
 * `storage` undefined: the browser's localStorage; null: none (kept in memory). The feed and the seen
 * statuses are two entries, the feed written first: if the second write fails, the next poll finds the same
 * transition again under the same key, which the feed already holds — still no duplicate.
 * Reads and writes go through lib/local-store.ts, so a full or refused storage also shows in the shell's
 * storage banner, and a corrupt entry is kept aside instead of breaking the overview.
 */
export function createTransitionStore(
  storage?: Storage | null,
  key = 'triage.transitions.v1',
): TransitionStore {
  const seenKey = `${key}.seen`;
  const options = { storage, label };
  const readFeed = () => readStored(key, parseFeed, options) ?? [];
  let state: TransitionState = {
    feed: readFeed(),
    seen: readStored(seenKey, parseSeen, options) ?? {},
    storageError: null,
  };
  const { subscribe, emit } = createTabSyncedListeners([key, seenKey], () => {
    state = { ...state, feed: readFeed(), seen: readStored(seenKey, parseSeen, options) ?? {} };
  });
  const save = (next: Omit<TransitionState, 'storageError'>) => {
    // Another tab may have written since we last read: keep its feed entries too.
    const feed = mergeFeed(readFeed(), next.feed);
    const saved = writeStored(key, feed, options) && writeStored(seenKey, next.seen, options);
    state = {
      feed,
      seen: next.seen,
      storageError: saved
        ? null
        : 'The feed could not be saved in this browser: it is kept in this tab only.',
    };
    emit();
  };
  return {
    subscribe,
    getSnapshot: () => state,
    record(list) {
      const added = notInFeed(state.feed, list);
      if (added.length > 0) save({ feed: mergeFeed(state.feed, added), seen: state.seen });
      return added;
    },
    observe(observations, at = Date.now()) {
      const { transitions, seen } = detectTransitions(state.seen, observations, at);
      const added = notInFeed(state.feed, transitions);
      if (added.length > 0 || !sameSeen(state.seen, seen)) save({ feed: mergeFeed(state.feed, added), seen });
      return added;
    },
    clear() {
      // Written directly, not merged: clearing must not bring back what another tab still had.
      const saved = writeStored(key, [], options);
      state = { ...state, feed: [], storageError: saved ? null : state.storageError };
      emit();
    },
  };
}

function notInFeed(feed: readonly StatusTransition[], list: readonly StatusTransition[]) {
  const keys = new Set(feed.map((transition) => transition.key));
  return list.filter((transition) => !keys.has(transition.key));
}

function sameSeen(a: SeenStatuses, b: SeenStatuses): boolean {
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => a[key]?.status === b[key]?.status && a[key]?.since === b[key]?.since);
}

/** The console's one feed, shared by every view in this tab and synced with other tabs. */
export const transitionStore = createTransitionStore();

export const observeStatuses = (observations: readonly StatusObservation[], at?: number) =>
  transitionStore.observe(observations, at);
export const clearTransitions = () => transitionStore.clear();

export function useTransitions(): TransitionState {
  return useSyncExternalStore(transitionStore.subscribe, transitionStore.getSnapshot);
}
