/** The driver's clock in production: Date.now, setInterval, setTimeout and setImmediate. */
import type { DriverClock } from '@mgmt/raft';

/** Real time and timers (the Raft driver's clock seam in the agent). */
export const systemClock: DriverClock = {
  nowMs: () => Date.now(),
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
