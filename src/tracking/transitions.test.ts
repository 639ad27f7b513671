import { describe, expect, it } from 'vitest';
import { storageProblems } from '../lib/local-store.ts';
import {
  createTransitionStore,
  detectTransitions,
  maxFeedLength,
  maxSeenItems,
  mergeFeed,
  type StatusObservation,
  type StatusTransition,
} from './transitions.ts';

function focus(uid: string, status: string): StatusObservation {
  return { kind: 'focus-view', itemId: `${uid}|DEV1`, status, device: 'WS-01', subject: `Process ${uid}` };
}

function file(path: string, status: string): StatusObservation {
  return { kind: 'file-retrieval', itemId: `DEV2|${path}`, status, device: 'WS-02', subject: path };
}

/** A Storage whose writes can be made to fail the way a full localStorage does. */
function memoryStorage(): Storage & { full: boolean } {
  const items = new Map<string, string>();
  return {
    full: false,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => {
      items.delete(key);
    },
    setItem(key, value) {
      if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
  };
}

describe('detectTransitions', () => {
  it('reports a status change once, not on the first sighting nor on later polls of the same status', () => {
    const first = detectTransitions({}, [focus('A', 'PENDING')], 1000);
    expect(first.transitions).toEqual([]);

    const second = detectTransitions(first.seen, [focus('A', 'PENDING')], 2000);
    expect(second.transitions).toEqual([]);

    const third = detectTransitions(second.seen, [focus('A', 'AVAILABLE')], 3000);
    expect(third.transitions).toMatchObject([
      { kind: 'focus-view', itemId: 'A|DEV1', from: 'PENDING', to: 'AVAILABLE', at: 3000, device: 'WS-01' },
    ]);

    const fourth = detectTransitions(third.seen, [focus('A', 'AVAILABLE')], 4000);
    expect(fourth.transitions).toEqual([]);
  });

  it('keys a transition by item, from, to and when the from status was first seen', () => {
    const pending = detectTransitions({}, [file('C:\\x.exe', 'PENDING')], 1000).seen;
    const stillPending = detectTransitions(pending, [file('C:\\x.exe', 'PENDING')], 5000).seen;
    const [resolved] = detectTransitions(stillPending, [file('C:\\x.exe', 'UNAVAILABLE')], 9000).transitions;
    expect(resolved?.key).toBe('file-retrieval|DEV2|C:\\x.exe|PENDING>UNAVAILABLE|1000');
  });

  it('gives a second request of the same item its own transition', () => {
    let seen = detectTransitions({}, [focus('A', 'PENDING')], 1000).seen;
    const once = detectTransitions(seen, [focus('A', 'AVAILABLE')], 2000);
    seen = detectTransitions(once.seen, [focus('A', 'PENDING')], 3000).seen;
    const twice = detectTransitions(seen, [focus('A', 'AVAILABLE')], 4000);
    expect(once.transitions[0]?.key).not.toBe(twice.transitions[0]?.key);
  });

  it("ignores moves out of statuses the analyst controls (the analyst's own requests)", () => {
    const seen = detectTransitions({}, [focus('A', 'REQUEST'), file('/etc/x', 'RETRY_REQUEST')], 1000).seen;
    const result = detectTransitions(seen, [focus('A', 'PENDING'), file('/etc/x', 'PENDING')], 2000);
    expect(result.transitions).toEqual([]);
    expect(Object.keys(result.seen)).toHaveLength(2);
  });

  it('follows a file from UNAVAILABLE to RETRY_REQUEST (api-contracts.md §1)', () => {
    const seen = detectTransitions({}, [file('/tmp/a', 'UNAVAILABLE')], 0).seen;
    const result = detectTransitions(seen, [file('/tmp/a', 'RETRY_REQUEST')], 3_600_000);
    expect(result.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['UNAVAILABLE>RETRY_REQUEST']);
    expect(result.seen).toEqual({});
  });

  it('remembers at most maxSeenItems items, forgetting the longest unchanged', () => {
    const pairs = Array.from({ length: maxSeenItems + 5 }, (_, index) => focus(`U${index}`, 'PENDING'));
    const older = detectTransitions({}, pairs.slice(0, 5), 1).seen;
    const { seen } = detectTransitions(older, pairs.slice(5), 2);
    expect(Object.keys(seen)).toHaveLength(maxSeenItems);
    expect(seen['focus-view|U0|DEV1']).toBeUndefined();
    expect(seen[`focus-view|U${maxSeenItems + 4}|DEV1`]).toEqual({ status: 'PENDING', since: 2 });
  });

  it('reads the same item twice in one poll as one observation', () => {
    const seen = detectTransitions({}, [focus('A', 'PENDING')], 0).seen;
    const result = detectTransitions(seen, [focus('A', 'AVAILABLE'), focus('A', 'AVAILABLE')], 1);
    expect(result.transitions).toHaveLength(1);
  });
});

describe('mergeFeed', () => {
  const transition = (key: string, at: number): StatusTransition => ({
    key,
    kind: 'focus-view',
    itemId: key,
    from: 'PENDING',
    to: 'AVAILABLE',
    at,
    device: 'd',
    subject: 's',
  });

  it('orders newest first, keeps each key once and stays bounded', () => {
    const old = Array.from({ length: maxFeedLength }, (_, index) => transition(`old${index}`, index));
    const merged = mergeFeed(old, [transition('new', 10_000), transition('old5', 99_999)]);
    expect(merged).toHaveLength(maxFeedLength);
    expect(merged[0]?.key).toBe('new');
    expect(merged.filter((entry) => entry.key === 'old5')).toHaveLength(1);
    expect(merged.at(-1)?.key).toBe('old1');
    expect(merged.map((entry) => entry.at)).toEqual(
      [...merged.map((entry) => entry.at)].sort((a, b) => b - a),
    );
  });
});

describe('the transition store', () => {
  it('survives a reload without adding the same transition again', () => {
    const storage = memoryStorage();
    const tab = createTransitionStore(storage);
    tab.observe([focus('A', 'PENDING'), file('/x', 'PENDING')], 1000);
    expect(tab.observe([focus('A', 'AVAILABLE'), file('/x', 'PENDING')], 2000)).toHaveLength(1);

    const reloaded = createTransitionStore(storage);
    expect(reloaded.getSnapshot().feed.map((t) => t.to)).toEqual(['AVAILABLE']);
    // The poll after the reload re-reads the same statuses: nothing new.
    expect(reloaded.observe([focus('A', 'AVAILABLE'), file('/x', 'PENDING')], 3000)).toEqual([]);
    // The file was PENDING before the reload, so its resolution after it is still seen.
    expect(reloaded.observe([focus('A', 'AVAILABLE'), file('/x', 'DOES_NOT_EXIST')], 4000)).toHaveLength(1);
    expect(reloaded.getSnapshot().feed.map((t) => t.to)).toEqual(['DOES_NOT_EXIST', 'AVAILABLE']);
  });

  it('records a transition seen by two tabs once', () => {
    const storage = memoryStorage();
    const first = createTransitionStore(storage);
    first.observe([focus('A', 'PENDING')], 1000);
    const second = createTransitionStore(storage);
    expect(first.observe([focus('A', 'AVAILABLE')], 2000)).toHaveLength(1);
    // The second tab has not heard of it yet and sees the same change: same key, one entry.
    second.observe([focus('A', 'AVAILABLE')], 2500);
    expect(createTransitionStore(storage).getSnapshot().feed).toHaveLength(1);
  });

  it('records transitions handed to it once each, and says which were new', () => {
    const store = createTransitionStore(memoryStorage());
    const [transition] = detectTransitions(
      detectTransitions({}, [focus('A', 'PENDING')], 1).seen,
      [focus('A', 'AVAILABLE')],
      2,
    ).transitions;
    expect(store.record([transition!])).toEqual([transition]);
    expect(store.record([transition!])).toEqual([]);
    expect(store.getSnapshot().feed).toEqual([transition]);
  });

  it('clears the feed without letting cleared transitions come back', () => {
    const storage = memoryStorage();
    const store = createTransitionStore(storage);
    store.observe([focus('A', 'PENDING')], 1);
    store.observe([focus('A', 'AVAILABLE')], 2);
    store.clear();
    expect(store.getSnapshot().feed).toEqual([]);
    store.observe([focus('A', 'AVAILABLE')], 3);
    expect(createTransitionStore(storage).getSnapshot().feed).toEqual([]);
  });

  it('reports full storage instead of dropping the feed silently', () => {
    const storage = memoryStorage();
    const store = createTransitionStore(storage);
    store.observe([focus('A', 'PENDING')], 1);
    storage.full = true;
    store.observe([focus('A', 'AVAILABLE')], 2);
    const state = store.getSnapshot();
    expect(state.feed).toHaveLength(1);
    expect(state.storageError).toMatch(/could not be saved/);
    // The shell's storage banner hears of it too (lib/local-store.ts).
    expect(storageProblems.getSnapshot()).toContainEqual(
      expect.objectContaining({ key: 'triage.transitions.v1', kind: 'full' }),
    );
    storage.full = false;
    store.observe([focus('B', 'PENDING')], 3);
    expect(store.getSnapshot().storageError).toBeNull();
    expect(storageProblems.getSnapshot()).toEqual([]);
  });

  it('starts empty from a corrupt entry', () => {
    const storage = memoryStorage();
    storage.setItem('triage.transitions.v1', '{not json');
    expect(createTransitionStore(storage).getSnapshot().feed).toEqual([]);
  });
});
