import { useSyncExternalStore } from 'react';

/**
 * The current time, re-read every `stepMs`, for "waited 3 min" labels. A clock, not a poll: it makes no
 * request, it only re-renders the ages. One timer per step, shared by every label, running while watched.
 */
interface Clock {
  now: number;
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => number;
}

const clocks = new Map<number, Clock>();

function createClock(stepMs: number): Clock {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const clock: Clock = {
    now: Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      if (timer === undefined) {
        // Back from idle: the first render after this one must not show an old time.
        clock.now = Date.now();
        timer = setInterval(() => {
          clock.now = Date.now();
          for (const notify of listeners) notify();
        }, stepMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    getSnapshot: () => clock.now,
  };
  return clock;
}

export function useNow(stepMs = 1000): number {
  let clock = clocks.get(stepMs);
  if (!clock) {
    clock = createClock(stepMs);
    clocks.set(stepMs, clock);
  }
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot);
}
