/**
 * A timeout for "no answer came": it counts only the time this process was
 * listening. In a turn of Node's event loop the timers run before the
 * sockets are read, so a timer that fires after the process stalled (a busy
 * turn, a long GC, a host starved of CPU) judges an answer missing that is
 * already waiting, unread, in the socket. Agents then gave up healthy
 * keep-alive and watch streams after every stall of their own and opened
 * new ones elsewhere: in a fleet process of 250 agents, one stall of a few
 * seconds turned into hundreds of failovers, each a new stream and a watch
 * catch-up started over.
 *
 * Here the verdict waits for the reads of the turn (an immediate runs after
 * them), and a timer that came more than STALL_MS late starts a fresh
 * window instead: the process was not listening for the one that passed.
 * After MAX_FRESH_WINDOWS fresh windows in a row it times out anyway, so a
 * process stalled all the time still gives up a silent peer.
 */

/** How late a timer must come for the process to count as stalled (Node's timers are a few ms late when busy). */
export const STALL_MS = 500;
/** Fresh windows in a row after stalls before the timeout is called anyway. */
export const MAX_FRESH_WINDOWS = 3;

/** What the timeout runs on: real timers, or a test's. */
export interface TimeoutClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `fn` after this turn's I/O. */
  setImmediate(fn: () => void): unknown;
  clearImmediate(handle: unknown): void;
}

const REAL_CLOCK: TimeoutClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  setImmediate: (fn) => setImmediate(fn),
  clearImmediate: (h) => clearImmediate(h as NodeJS.Immediate),
};

/** A pending timeout. */
export interface ListeningTimeout {
  cancel(): void;
}

/** Calls `onTimeout` once `ms` have passed with this process listening; see the file comment. */
export function listeningTimeout(ms: number, onTimeout: () => void, clock: TimeoutClock = REAL_CLOCK): ListeningTimeout {
  let timer: unknown;
  let immediate: unknown;
  let canceled = false;
  let freshWindows = 0;
  const arm = (): void => {
    const due = clock.now() + ms;
    timer = clock.setTimeout(() => {
      timer = undefined;
      // What arrived meanwhile is read first: the immediate runs after this turn's I/O.
      immediate = clock.setImmediate(() => {
        immediate = undefined;
        if (canceled) return;
        if (clock.now() - due > STALL_MS && freshWindows < MAX_FRESH_WINDOWS) {
          freshWindows++;
          arm();
          return;
        }
        onTimeout();
      });
    }, ms);
  };
  arm();
  return {
    cancel(): void {
      canceled = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      if (immediate !== undefined) clock.clearImmediate(immediate);
    },
  };
}
