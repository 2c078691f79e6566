/**
 * A joiner started without a join token, whose seeds are `https://` and
 * which has no CA of its own to verify them with, cannot get into a token
 * cluster: its client would retry the seeds for ever. So before the agent
 * starts it asks each such seed to join with no token. A seed of a token
 * cluster refuses (and logs its one line, `join token refused: <host> ...`);
 * the agent then stops with one line that says a token is needed. A seed
 * that does not answer, or is not a token cluster, changes nothing.
 */
import { newKeyPair } from './cert-issuer.js';
import { JoinRefusedError, requestJoin } from './join-client.js';

/** Throws a JoinRefusedError naming the seed when one of `seeds` belongs to a cluster that needs a join token. */
export async function refuseJoinWithoutToken(o: { seeds: readonly string[]; hostname: string; timeoutMs?: number }): Promise<void> {
  for (const seed of o.seeds.filter((s) => s.startsWith('https://'))) {
    try {
      await requestJoin({ seed, token: '', hostname: o.hostname, names: [], keyPair: newKeyPair(), timeoutMs: o.timeoutMs ?? 3_000 });
    } catch (err) {
      if (err instanceof JoinRefusedError) {
        throw new JoinRefusedError(`this agent has no join token and the seed ${seed} belongs to a cluster that needs one: give --token (or --token-file) with the cluster's token`);
      }
      // Not reachable yet, or no join service there: nothing to say.
    }
  }
}
