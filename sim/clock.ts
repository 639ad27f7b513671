/**
 * Simulated time. In demo mode it follows the wall clock (optionally sped up with SIM_SPEED);
 * tests use a manual clock and move it with advance(), so "PENDING for 30 s" takes no real time.
 */
export interface SimClock {
  now(): number;
  advance(ms: number): void;
  /** Simulated milliseconds per real millisecond (manual clocks ignore it). */
  setSpeed(speed: number): void;
  readonly speed: number;
  readonly manual: boolean;
}

export function createManualClock(start = Date.UTC(2026, 10, 20, 9, 0, 0)): SimClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
    setSpeed: () => {},
    speed: 0,
    manual: true,
  };
}

export function createWallClock(speed = 1): SimClock {
  let baseSim = Date.now();
  let baseReal = Date.now();
  let currentSpeed = speed;
  const now = () => baseSim + (Date.now() - baseReal) * currentSpeed;
  return {
    now,
    advance: (ms) => {
      baseSim += ms;
    },
    setSpeed: (next) => {
      baseSim = now();
      baseReal = Date.now();
      currentSpeed = next;
    },
    get speed() {
      return currentSpeed;
    },
    manual: false,
  };
}
