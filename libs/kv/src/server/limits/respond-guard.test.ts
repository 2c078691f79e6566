// A stream's respond() that can no longer answer (closed, already answered,
// or failing part-way) does nothing or destroys the stream: it never throws
// out of grpc-js's deadline timer.
import { describe, expect, it } from 'vitest';
import { guardRespond } from './respond-guard.js';

function stream(fails: boolean) {
  const s = {
    headersSent: false,
    destroyed: false,
    closed: false,
    responses: 0,
    respond(): void {
      s.headersSent = true; // Node marks the headers sent before the part that can fail
      if (fails) throw new TypeError("Cannot read properties of undefined (reading 'respond')");
      s.responses++;
    },
    destroy(): void {
      s.destroyed = true;
    },
  };
  return s;
}

describe('guardRespond', () => {
  it('lets the first response through and drops a second one instead of throwing', () => {
    const s = stream(false);
    guardRespond(s);
    guardRespond(s); // once per stream
    s.respond();
    expect(() => s.respond()).not.toThrow();
    expect(s.responses).toBe(1);
    expect(s.destroyed).toBe(false);
  });

  it('destroys a stream whose response failed part-way, and a later response (the deadline timer) does nothing', () => {
    const s = stream(true);
    guardRespond(s);
    expect(() => s.respond()).not.toThrow();
    expect(s.destroyed).toBe(true);
    expect(() => s.respond()).not.toThrow();
  });
});
