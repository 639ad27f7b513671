/**
 * The subscribe/notify half of a localStorage-backed store read with `useSyncExternalStore`. While anyone
 * listens, a `storage` event for one of `keys` — another tab wrote it — or for `null` (another tab cleared
 * the whole storage) calls `reload` so the store re-reads its entries, then notifies: tabs stay in step.
 */
export function createTabSyncedListeners(keys: readonly string[], reload: () => void) {
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  const onStorage = (event: StorageEvent) => {
    if (event.key !== null && !keys.includes(event.key)) return;
    reload();
    emit();
  };
  const subscribe = (listener: () => void) => {
    if (listeners.size === 0) globalThis.addEventListener?.('storage', onStorage);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) globalThis.removeEventListener?.('storage', onStorage);
    };
  };
  return { subscribe, emit };
}
