// Proves the fair admission: requests run at once while slots are free;
// past maxInFlight they wait per connection and freed slots go to the
// connections in turn (one request each), so a connection with many
// waiting delays another's single request by one request, not by all of
// them; order within a connection is kept; past maxQueued a request is
// refused and nothing is queued; a withdrawn request never runs. Also
// against a naive reference over random schedules (seeded; the seed is
// printed on failure).
import { describe, expect, it } from 'vitest';
import { FairQueue } from './fair-queue.js';

function harness(maxInFlight: number, maxQueued: number) {
  const q = new FairQueue<string>({ maxInFlight, maxQueued });
  const started: string[] = [];
  const admit = (conn: string, name: string) => q.admit(conn, () => started.push(name));
  return { q, started, admit };
}

describe('FairQueue', () => {
  it('runs at once while slots are free and nobody waits', () => {
    const { q, started, admit } = harness(2, 10);
    expect(admit('a', 'a1')).toBe(true);
    expect(admit('b', 'b1')).toBe(true);
    expect(started).toEqual(['a1', 'b1']);
    expect([q.inFlight, q.queued]).toEqual([2, 0]);
  });

  it('gives freed slots to the connections in turn, keeping each connection\'s order', () => {
    const { q, started, admit } = harness(1, 100);
    admit('greedy', 'g0');
    for (let i = 1; i <= 5; i++) admit('greedy', `g${i}`);
    admit('polite', 'p1');
    admit('other', 'o1');
    expect(started).toEqual(['g0']);
    for (let i = 0; i < 7; i++) q.finish();
    // The polite and other connections' single requests wait behind one greedy request, not five.
    expect(started).toEqual(['g0', 'g1', 'p1', 'o1', 'g2', 'g3', 'g4', 'g5']);
    expect([q.inFlight, q.queued, q.waitingConnections]).toEqual([1, 0, 0]);
  });

  it('refuses past maxQueued and queues nothing then', () => {
    const { q, started, admit } = harness(1, 2);
    admit('a', 'a1');
    expect(admit('a', 'a2')).toBe(true);
    expect(admit('b', 'b1')).toBe(true);
    expect(admit('c', 'c1')).toBe(false);
    expect(q.queued).toBe(2);
    q.finish();
    q.finish();
    q.finish();
    expect(started).toEqual(['a1', 'a2', 'b1']);
  });

  it('never runs a withdrawn request, and a started one cannot be withdrawn', () => {
    const q = new FairQueue<string>({ maxInFlight: 1, maxQueued: 10 });
    const ran: string[] = [];
    const first = () => ran.push('first');
    const second = () => ran.push('second');
    q.admit('a', first);
    q.admit('a', second);
    expect(q.withdraw('a', first)).toBe(false);
    expect(q.withdraw('a', second)).toBe(true);
    q.finish();
    expect(ran).toEqual(['first']);
    expect([q.inFlight, q.queued]).toEqual([0, 0]);
    expect(() => q.finish()).toThrow(/finish\(\) without a running request/);
  });

  it('matches a naive round-robin reference on random schedules', () => {
    const seed = Number(process.env.FAIR_SEED ?? Date.now() % 100_000);
    let state = seed;
    const rand = (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % n;
    };
    try {
      for (let round = 0; round < 50; round++) {
        const maxInFlight = 1 + rand(4);
        const q = new FairQueue<number>({ maxInFlight, maxQueued: 1000 });
        const started: string[] = [];
        // The reference: a list of connections in turn order, each with its FIFO.
        const ref: Array<{ conn: number; items: string[] }> = [];
        const refStarted: string[] = [];
        let refRunning = 0;
        const refStart = () => {
          while (refRunning < maxInFlight && ref.length > 0) {
            const head = ref.shift()!;
            refStarted.push(head.items.shift()!);
            refRunning++;
            if (head.items.length > 0) ref.push(head);
          }
        };
        for (let step = 0; step < 200; step++) {
          if (rand(3) > 0 || q.inFlight === 0) {
            const conn = rand(5);
            const name = `${conn}:${step}`;
            q.admit(conn, () => started.push(name));
            const slot = ref.find((r) => r.conn === conn);
            if (slot) slot.items.push(name);
            else ref.push({ conn, items: [name] });
            refStart();
          } else {
            q.finish();
            refRunning--;
            refStart();
          }
          expect(started).toEqual(refStarted);
        }
      }
    } catch (err) {
      throw new Error(`FAIR_SEED=${seed} npx vitest run src/server/limits/fair-queue.test.ts: ${(err as Error).message}`);
    }
  });

  it('starts 50,000 requests that end as soon as they start without nesting a frame each', () => {
    // A flood of calls past their deadline: each is answered, and finishes, inside its own start().
    const q = new FairQueue<number>({ maxInFlight: 1, maxQueued: 1_000_000 });
    let started = 0;
    q.admit(0, () => {}); // holds the one slot
    for (let i = 0; i < 50_000; i++) {
      q.admit(i % 3, () => {
        started++;
        q.finish();
      });
    }
    q.finish();
    expect(started).toBe(50_000);
    expect(q.inFlight).toBe(0);
    expect(q.queued).toBe(0);
  });
});
