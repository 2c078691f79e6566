/** The driver's clock in production: performance.now, setInterval, setTimeout and setImmediate. */
import type { DriverClock } from '@mgmt/raft';
import { performance } from 'node:perf_hooks';

/** Real time and timers (the Raft driver's clock seam in the agent). */
export const systemClock: DriverClock = {
  // Monotonic: the driver counts Raft ticks from it (lazy-ticker.ts); a wall-clock step must not add or remove ticks.
  nowMs: () => performance.now(),
  every: (ms, fn) => {
    const t = setInterval(fn, ms);
    return () => clearInterval(t);
  },
  after: (ms, fn) => {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
  defer: (fn) => {
    setImmediate(fn);
  },
};
