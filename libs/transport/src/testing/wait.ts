/** Small polling helpers for tests (they bound waits; they never assert timings), on @mgmt/testkit's waitFor. */
import { sleep, waitFor as waitForValue } from '@mgmt/testkit/node';

export { sleep };

/** Polls `predicate` until it is true; rejects with `what` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000, intervalMs = 5): Promise<void> {
  await waitForValue(what, predicate, timeoutMs, intervalMs);
}

/** Like waitFor, for a predicate that must await something (a comlink call). */
export async function waitForAsync(predicate: () => Promise<boolean>, what: string, timeoutMs = 10_000, intervalMs = 10): Promise<void> {
  await waitForValue(what, predicate, timeoutMs, intervalMs);
}
