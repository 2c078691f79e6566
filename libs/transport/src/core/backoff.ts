/**
 * Exponential reconnect backoff with full jitter, bounded by a maximum delay.
 * Pure: the random source is passed in.
 */
import { assert } from './errors.js';

/** Computes successive reconnect delays. */
export class Backoff {
  private attempt = 0;

  constructor(
    private readonly delayMsMin: number,
    private readonly delayMsMax: number,
    private readonly random: () => number,
  ) {
    assert(delayMsMin > 0 && delayMsMax >= delayMsMin, 'backoff bounds must be positive and ordered');
  }

  /** The delay before the next attempt, in ms; each call grows the ceiling. */
  nextDelayMs(): number {
    const ceiling = Math.min(this.delayMsMax, this.delayMsMin * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    // Half fixed, half jitter: never zero, and peers that failed together spread out.
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** Forgets past failures (call after a successful connect). */
  reset(): void {
    this.attempt = 0;
  }

  /** Attempts since the last reset. */
  get attempts(): number {
    return this.attempt;
  }
}
