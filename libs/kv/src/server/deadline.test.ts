// Proves when a call counts as given up by its client: a deadline at or
// before now (as a Date or as ms), never for no deadline (Infinity); and
// that such a call is answered DEADLINE_EXCEEDED, as gRPC clients see it.
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { deadlineExceeded, deadlinePassed } from './deadline.js';

describe('deadlinePassed', () => {
  it('is true at or after the deadline, false before it and for none', () => {
    expect(deadlinePassed(1_000, 999)).toBe(false);
    expect(deadlinePassed(1_000, 1_000)).toBe(true);
    expect(deadlinePassed(new Date(1_000), 5_000)).toBe(true);
    expect(deadlinePassed(Number.POSITIVE_INFINITY, 5_000)).toBe(false);
  });

  it('answers with DEADLINE_EXCEEDED', () => {
    expect(deadlineExceeded()).toMatchObject({ code: status.DEADLINE_EXCEEDED, details: 'context deadline exceeded' });
  });
});
