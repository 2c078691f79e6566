// A timeout that counts only the time the process was listening: it waits
// for the turn's reads before its verdict, starts a fresh window when its
// timer came more than STALL_MS late (the process stalled), gives up after
// MAX_FRESH_WINDOWS such windows, and does nothing once canceled.
import { describe, expect, it } from 'vitest';
import { listeningTimeout, MAX_FRESH_WINDOWS, STALL_MS, type TimeoutClock } from './listening-timeout.js';

function fakeClock() {
  let now = 0;
  let timers: Array<{ at: number; fn: () => void }> = [];
  let immediates: Array<() => void> = [];
  const clock: TimeoutClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => (timers = timers.filter((t) => t !== h)),
    setImmediate: (fn) => {
      immediates.push(fn);
      return fn;
    },
    clearImmediate: (h) => (immediates = immediates.filter((f) => f !== h)),
  };
  /** Moves time to `to`; due timers run, then (after "I/O": `io`) the immediates. */
  const turn = (to: number, io: () => void = () => undefined) => {
    now = to;
    const due = timers.filter((t) => t.at <= now);
    timers = timers.filter((t) => t.at > now);
    for (const t of due) t.fn();
    io();
    const run = immediates;
    immediates = [];
    for (const fn of run) fn();
  };
  return { clock, turn };
}

describe('listeningTimeout', () => {
  it('times out after the window when the process was listening', () => {
    const { clock, turn } = fakeClock();
    let fired = 0;
    listeningTimeout(1_000, () => fired++, clock);
    turn(999);
    expect(fired).toBe(0);
    turn(1_000);
    expect(fired).toBe(1);
  });

  it('lets the answer read in the same turn cancel it', () => {
    const { clock, turn } = fakeClock();
    let fired = 0;
    const t = listeningTimeout(1_000, () => fired++, clock);
    turn(1_010, () => t.cancel());
    expect(fired).toBe(0);
  });

  it('starts a fresh window after a stall, and gives up after the last one', () => {
    const { clock, turn } = fakeClock();
    let fired = 0;
    listeningTimeout(1_000, () => fired++, clock);
    let at = 0;
    for (let i = 0; i < MAX_FRESH_WINDOWS; i++) {
      at += 1_000 + STALL_MS + 1;
      turn(at);
      expect(fired).toBe(0);
    }
    turn(at + 1_000 + STALL_MS + 1);
    expect(fired).toBe(1);
  });
});
