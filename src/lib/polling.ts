/**
 * Poll intervals for pending work (house-style.md "Query options and polling"): start fast, back off while
 * nothing changes, reset when something does. Pure, so the schedule is unit-tested without timers.
 */
export interface BackoffSchedule {
  minMs: number;
  maxMs: number;
  factor: number;
}

export const defaultPollSchedule: BackoffSchedule = { minMs: 2_000, maxMs: 30_000, factor: 1.5 };

/** `unchangedTicks`: how many polls in a row returned the same statuses. */
export function nextPollInterval(
  unchangedTicks: number,
  schedule: BackoffSchedule = defaultPollSchedule,
): number {
  return Math.min(
    schedule.maxMs,
    Math.round(schedule.minMs * schedule.factor ** Math.max(0, unchangedTicks)),
  );
}
