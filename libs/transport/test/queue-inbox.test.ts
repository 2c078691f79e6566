// Proves the bounded pieces against naive references: SendQueue behaves like
// an array with the same bounds under any sequence of pushes and shifts
// (property test; the seed is printed on failure), and the Inbox holds at
// most its bound while nobody listens, feeds a late handler in order, and
// ends its iterators on close.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Inbox } from '../src/core/inbox.js';
import { SendQueue } from '../src/core/send-queue.js';

describe('SendQueue against an array', () => {
  it('matches a naive bounded FIFO for random operations', () => {
    const seed = Number(process.env.SEED ?? Date.now() % 2 ** 31);
    try {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 50 }),
          fc.integer({ min: 1, max: 2000 }),
          fc.array(fc.oneof(fc.integer({ min: 0, max: 120 }), fc.constant(-1)), { maxLength: 3000 }),
          (maxMessages, maxBytes, ops) => {
            const queue = new SendQueue(maxMessages, maxBytes);
            const model: Uint8Array[] = [];
            let serial = 0;
            for (const op of ops) {
              if (op === -1) {
                expect(queue.shift()).toBe(model.shift());
              } else {
                const message = new Uint8Array(op);
                if (op > 0) message[0] = serial++ & 0xff;
                const modelBytes = model.reduce((s, m) => s + m.byteLength, 0);
                const fits = model.length < maxMessages && modelBytes + op <= maxBytes;
                expect(queue.push(message)).toBe(fits);
                if (fits) model.push(message);
              }
              expect(queue.length).toBe(model.length);
              expect(queue.byteLength).toBe(model.reduce((s, m) => s + m.byteLength, 0));
              expect(queue.peek()).toBe(model[0]);
            }
          },
        ),
        { seed, numRuns: 200 },
      );
    } catch (err) {
      console.error(`SendQueue property failed; replay with SEED=${seed} npx vitest run test/queue-inbox.test.ts`);
      throw err;
    }
  });
});

describe('Inbox', () => {
  const msg = (n: number) => ({ from: 1, bytes: new Uint8Array([n]) });

  it('keeps at most its bound without a handler, then feeds the handler in order', () => {
    const inbox = new Inbox(3);
    for (let n = 0; n < 5; n += 1) inbox.push(msg(n));
    expect(inbox.dropped).toBe(2);
    const seen: number[] = [];
    const remove = inbox.setHandler((m) => seen.push(m.bytes[0]!));
    inbox.push(msg(9));
    expect(seen).toEqual([0, 1, 2, 9]);
    remove();
    inbox.push(msg(10));
    expect(seen).toEqual([0, 1, 2, 9]);
  });

  it('ends iterators on close', async () => {
    const inbox = new Inbox(10);
    const iterator = inbox.iterate();
    inbox.push(msg(1));
    expect((await iterator.next()).value?.bytes[0]).toBe(1);
    const pending = iterator.next();
    inbox.close();
    expect((await pending).done).toBe(true);
    inbox.push(msg(2));
    expect((await iterator.next()).done).toBe(true);
  });

  it('bounds what an iterator holds for a slow reader', async () => {
    const inbox = new Inbox(2);
    const iterator = inbox.iterate();
    for (let n = 0; n < 5; n += 1) inbox.push(msg(n));
    expect(inbox.dropped).toBe(3);
    expect((await iterator.next()).value?.bytes[0]).toBe(0);
    expect((await iterator.next()).value?.bytes[0]).toBe(1);
    await iterator.return?.();
  });
});
