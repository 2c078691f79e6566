// Proves that the driver's lazy ticker (src/driver/lazy-ticker.ts) changes
// nothing Raft does, only how often its timer wakes: the same 3-member
// cluster (same seeds, same network delays, on a ManualClock) runs once with
// a timer on every tick (the old periodic ticker: tick() every tickMs) and
// once started with the lazy ticker; the messages every member sends, with
// the time each is sent, are the same through an election, heartbeats,
// proposals, a leader partitioned away (check-quorum, a new election) and
// its return. Then: the lazy cluster's timers fire several times less often
// than there are ticks, and a timer that fires late (a stalled event loop)
// drops the missed ticks instead of firing an election before the input
// that waited.
import { describe, expect, it } from 'vitest';
import { bootstrapNewCluster, ManualClock, MemoryStorage, mulberry32, RaftDriver, type Message } from '../src/index.js';
import { LazyTicker } from '../src/driver/lazy-ticker.js';

const TICK_MS = 20;
const DELAY_MS = 3.5; // never a multiple of the tick: no tie between a delivery and a tick

interface Run {
  trace: string[];
  timerFirings: number;
  leaders: number[];
}

/** Runs the script on a 3-member cluster; `lazy` starts the drivers, else a periodic timer ticks them. */
function runCluster(lazy: boolean, seed: number): Run {
  const clock = new ManualClock();
  let timerFirings = 0;
  const countingClock = {
    nowMs: () => clock.nowMs(),
    every: (ms: number, fn: () => void) =>
      clock.every(ms, () => {
        timerFirings++;
        fn();
      }),
    after: (ms: number, fn: () => void) =>
      clock.after(ms, () => {
        timerFirings++;
        fn();
      }),
    defer: (fn: () => void) => clock.defer(fn),
  };
  const ids = [1, 2, 3];
  const drivers = new Map<number, RaftDriver>();
  const cut = new Set<number>();
  const trace: string[] = [];
  for (const id of ids) {
    const storage = new MemoryStorage();
    void bootstrapNewCluster(storage, ids);
    const send = (m: Message): boolean => {
      trace.push(`${clock.nowMs()} ${m.from}->${m.to} ${m.type} t${m.term} c${m.commit} n${m.entries.length}`);
      if (cut.has(m.from) || cut.has(m.to)) return true;
      // Deliveries are plain ManualClock timers (not counted as the driver's wake-ups).
      clock.after(DELAY_MS, () => drivers.get(m.to)?.receive(m));
      return true;
    };
    const driver = new RaftDriver({
      id,
      storage,
      send,
      clock: countingClock,
      random: mulberry32(seed * 10 + id),
      tickMs: TICK_MS,
      stateMachine: { applyEntry: () => {}, applyConfChange: () => {}, snapshotData: () => new Uint8Array(0), restore: () => {} },
    });
    drivers.set(id, driver);
  }
  for (const d of drivers.values()) {
    if (lazy) d.start();
    else countingClock.every(TICK_MS, () => d.tick());
  }
  const leaders: number[] = [];
  const runUntil = (ms: number): void => {
    while (clock.nowMs() < ms) {
      clock.advance(0.5);
      clock.runDeferred();
    }
  };
  const leader = (): RaftDriver | undefined => [...drivers.values()].find((d) => d.isLeader && !cut.has(d.id));
  runUntil(1500);
  const first = leader();
  expect(first).toBeDefined();
  leaders.push(first!.id);
  for (let k = 0; k < 5; k++) {
    first!.propose(new Uint8Array([k]));
    runUntil(1500 + 50 * (k + 1));
  }
  runUntil(3000);
  cut.add(first!.id); // the leader is cut off: check-quorum steps it down, the others elect
  runUntil(5000);
  const second = leader();
  expect(second).toBeDefined();
  leaders.push(second!.id);
  cut.clear(); // it comes back and follows
  runUntil(7000);
  for (const d of drivers.values()) d.halt();
  return { trace, timerFirings, leaders };
}

describe('the lazy ticker', () => {
  for (const seed of [1, 2, 3, 4]) {
    it(`sends exactly what a periodic ticker sends, at the same times (seed ${seed}; replay: npx vitest run test/lazy-ticker.test.ts)`, () => {
      const periodic = runCluster(false, seed);
      const lazy = runCluster(true, seed);
      expect(lazy.leaders).toEqual(periodic.leaders);
      expect(lazy.leaders[1]).not.toBe(lazy.leaders[0]);
      // Within one instant the order of sends may differ (a lazy wake runs the loop at once); compare per instant.
      expect([...lazy.trace].sort()).toEqual([...periodic.trace].sort());
      // 3 members x 7 s of 20 ms ticks is 1,050 periodic firings; the lazy cluster wakes a few times a second per member.
      expect(periodic.timerFirings).toBeGreaterThanOrEqual(1050);
      expect(lazy.timerFirings * 3).toBeLessThan(periodic.timerFirings);
    });
  }

  it('after a stall, drops the missed ticks and fires the due tick one tick later, after the input that waited', () => {
    // A hand-driven clock: time jumps, and the armed timer fires only when told (late, as after a stall).
    let now = 0;
    let timer: (() => void) | undefined;
    const clock = {
      nowMs: () => now,
      every: () => () => {},
      after: (_ms: number, fn: () => void) => {
        timer = fn;
        return () => {
          if (timer === fn) timer = undefined;
        };
      },
      defer: (fn: () => void) => fn(),
    };
    let elapsed = 0;
    const fired: number[] = [];
    const ticker = new LazyTicker(
      clock,
      TICK_MS,
      () => {
        elapsed++;
        if (elapsed === 15) fired.push(now);
      },
      () => ticker.plan(15 - elapsed),
      (lateMs) => stalls.push(lateMs),
    );
    const stalls: number[] = [];
    ticker.start();
    ticker.plan(15); // due at 300 ms
    now = 1000; // the event loop was blocked for a second
    const late = timer!;
    late(); // the overdue timer runs first (timers before I/O)
    expect(elapsed).toBe(14); // the ticks short of the due one; the 35 missed ones are dropped
    expect(stalls).toEqual([700]); // the tick due at 300 ms came at 1,000
    expect(fired).toEqual([]);
    elapsed = 0; // the heartbeat that waited in the socket resets the election clock
    ticker.catchUp();
    ticker.plan(15);
    expect(elapsed).toBe(0);
    now = 1000 + TICK_MS;
    timer!(); // the timer armed one tick after the stall wakes: nothing is due any more
    expect(elapsed).toBe(1);
    expect(fired).toEqual([]);
    now = 1000 + 15 * TICK_MS;
    timer!();
    expect(fired).toEqual([1300]);
  });

  it('counts the ticks an input sees, short of the due one, which the timer counts', () => {
    const clock = new ManualClock();
    let ticks = 0;
    const ticker = new LazyTicker(
      clock,
      TICK_MS,
      () => ticks++,
      () => {},
    );
    ticker.start();
    ticker.plan(5);
    clock.advance(65); // three ticks have passed; nothing woke
    expect(ticks).toBe(0);
    ticker.catchUp();
    expect(ticks).toBe(3);
    clock.advance(30); // 95 ms: an input now counts one more, never the due fifth
    ticker.catchUp();
    expect(ticks).toBe(4);
    clock.advance(10); // 105 ms: the timer at 100 counted the due tick
    expect(ticks).toBe(5);
  });
});
