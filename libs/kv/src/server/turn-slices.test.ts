// Work deferred to the end of the turn runs in order, a slice of time at a
// time: what does not fit waits for the next turn (after timers and I/O),
// a task queued meanwhile goes to the back, and one that throws is
// reported without stopping the others.
import { describe, expect, it } from 'vitest';
import { TurnSlices } from './turn-slices.js';

function harness(sliceMs: number) {
  let now = 0;
  const turns: Array<() => void> = [];
  const errors: unknown[] = [];
  const slices = new TurnSlices((e) => errors.push(e), sliceMs, () => now, (run) => turns.push(run));
  const nextTurn = () => turns.shift()?.();
  return { slices, errors, turns, nextTurn, spend: (ms: number) => (now += ms) };
}

describe('TurnSlices', () => {
  it('runs tasks in order and leaves what exceeds the slice for the next turn', () => {
    const h = harness(10);
    const ran: number[] = [];
    for (let i = 0; i < 5; i++)
      h.slices.enqueue(() => {
        ran.push(i);
        h.spend(4);
      });
    expect(h.turns).toHaveLength(1);
    h.nextTurn();
    expect(ran).toEqual([0, 1, 2]);
    expect(h.slices.pending).toBe(2);
    expect(h.turns).toHaveLength(1);
    h.nextTurn();
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    expect(h.turns).toHaveLength(0);
    expect(h.slices.pending).toBe(0);
  });

  it('puts a task queued by a running one at the back, and reports one that throws', () => {
    const h = harness(10);
    const ran: string[] = [];
    h.slices.enqueue(() => {
      ran.push('a');
      h.slices.enqueue(() => ran.push('a again'));
    });
    h.slices.enqueue(() => {
      throw new Error('boom');
    });
    h.slices.enqueue(() => ran.push('b'));
    h.nextTurn();
    expect(ran).toEqual(['a', 'b', 'a again']);
    expect(h.errors).toHaveLength(1);
    expect(h.turns).toHaveLength(0);
  });

  it('in a real event loop, lets a timer run between slices', async () => {
    const slices = new TurnSlices(() => undefined, 5);
    const order: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    for (let i = 0; i < 4; i++)
      slices.enqueue(() => {
        // The timer is set inside the first slice: set before it, a loaded
        // machine could let it fall due (and run) before the first slice.
        if (i === 0) setTimeout(() => order.push('timer'), 0);
        busy(3);
        order.push(`task ${i}`);
      });
    await new Promise((r) => setTimeout(r, 50));
    // A slice holds at most two tasks (6 ms of 5), so there are at least two
    // slices; the timer, due by the end of the first, runs before the last.
    expect(order.filter((s) => s !== 'timer')).toEqual(['task 0', 'task 1', 'task 2', 'task 3']);
    expect(order.indexOf('timer')).toBeGreaterThan(order.indexOf('task 0'));
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('task 3'));
  });
});
