/**
 * The wait before redialing a peer after a refused or broken connection.
 * A peer never reached yet is usually a member just added whose process is
 * still starting its listener (a learner nominated a moment ago): the
 * leader's first dials are refused, and waiting out a growing backoff (25-50,
 * 50-100, 100-200, 200-400 ms...) delayed the learner's catch-up by up to
 * the last step (issue 21: forming 5 members, 50-300 ms per learner). Such
 * a peer is redialed at most `NEVER_OPENED_MAX_DELAY_MS` apart (a refused
 * connect costs little); once a peer has been reached, the backoff applies
 * in full, so a peer that went away is not dialed at this rate.
 */

/** The longest wait between dials to a peer never reached since this transport started. */
export const NEVER_OPENED_MAX_DELAY_MS = 100;

/** The wait before the next dial: the backoff's delay, capped for a peer never reached. */
export function reconnectDelayMs(backoffDelayMs: number, everOpened: boolean): number {
  return everOpened ? backoffDelayMs : Math.min(backoffDelayMs, NEVER_OPENED_MAX_DELAY_MS);
}
