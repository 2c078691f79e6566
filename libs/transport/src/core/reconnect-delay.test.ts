/**
 * A peer never reached (a member just added, still starting) is redialed
 * at most 100 ms apart; a peer reached before gets the backoff in full.
 */
import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff.js';
import { NEVER_OPENED_MAX_DELAY_MS, reconnectDelayMs } from './reconnect-delay.js';

describe('reconnectDelayMs', () => {
  it('caps the backoff for a peer never reached', () => {
    const b = new Backoff(50, 2000, () => 1);
    const delays = Array.from({ length: 8 }, () => reconnectDelayMs(b.nextDelayMs(), false));
    expect(delays).toEqual([50, 100, 100, 100, 100, 100, 100, 100]);
    expect(Math.max(...delays)).toBe(NEVER_OPENED_MAX_DELAY_MS);
  });

  it('leaves the backoff alone once the peer was reached', () => {
    const b = new Backoff(50, 2000, () => 1);
    expect(Array.from({ length: 7 }, () => reconnectDelayMs(b.nextDelayMs(), true))).toEqual([50, 100, 200, 400, 800, 1600, 2000]);
  });
});
