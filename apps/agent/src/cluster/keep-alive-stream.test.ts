/**
 * Proves when the keep-alive stream gives up a silent endpoint: not for one
 * late answer while the lease has time left, but at once when the last
 * answer is more than half the TTL old (a 5 s lease must move off a cut-off
 * member before it expires), and always after two silent renewals.
 */
import { describe, expect, it } from 'vitest';
import { givesUp } from './keep-alive-stream.js';

describe('givesUp', () => {
  it('tolerates one late answer while the lease has more than half its TTL left', () => {
    expect(givesUp(1, 2_000, 5_000)).toBe(false);
  });

  it('moves on after one silent renewal once the last answer is more than half the TTL old', () => {
    expect(givesUp(1, 3_400, 5_000)).toBe(true);
  });

  it('moves on after two silent renewals in a row whatever the TTL', () => {
    expect(givesUp(2, 100, Number.POSITIVE_INFINITY)).toBe(true);
  });
});
