/**
 * An agent whose data directory holds a member (it was a member when it
 * stopped, and was not removed: removal wipes the directory) restarts that
 * member straight from disk (the lifecycle's `restarting` state, with or
 * without seeds), as etcd does, instead of asking the cluster
 * for a nomination first. Asking would deadlock a whole-fleet reboot: with
 * every member down, no quorum answers the volunteer write that the
 * nomination path needs, and the quorum only comes back once the members
 * run. A member that was removed while it was down finds out from the others
 * (Agent.checkStillMember) and volunteers again, as a restarted bootstrapper
 * always did.
 *
 * A member restarted on a new address (same host name and data directory,
 * new IP) is still registered under its old peer URL, which nobody can dial;
 * it asks the others to record its advertised one (etcd's `member update`),
 * until its own copy of the member list shows it.
 */
import type { Logger } from '../log.js';
import type { ClusterClient } from './cluster-client.js';

/** What keepPeerUrlsCurrent needs. */
export interface PeerUrlsDeps {
  memberId: number;
  /** The peer URLs other hosts should dial (advertised). */
  advertised: readonly string[];
  /** The peer URLs the member list records for this member now (its local copy); undefined when not listed. */
  registered: () => readonly string[] | undefined;
  /** Client URLs of the other members, to send the update through. */
  others: () => readonly string[];
  /** False once the member stopped: give up. */
  running: () => boolean;
  client: ClusterClient;
  log: Logger;
  intervalMs?: number;
  maxAttempts?: number;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((u, i) => u === b[i]);
}

/**
 * Proposes this member's advertised peer URLs through each other member in
 * turn until its local member list shows them; resolves whether it did
 * (bounded: `maxAttempts` rounds).
 */
export async function keepPeerUrlsCurrent(d: PeerUrlsDeps): Promise<boolean> {
  const intervalMs = d.intervalMs ?? 1_000;
  const maxAttempts = d.maxAttempts ?? 120;
  let announced = false;
  for (let attempt = 0; attempt < maxAttempts && d.running(); attempt++) {
    const registered = d.registered();
    if (registered !== undefined && same(registered, d.advertised)) return true;
    if (registered !== undefined && !announced) {
      d.log.info({ member: d.memberId, registered, advertised: d.advertised }, 'this member is registered under other peer URLs; updating the member list');
      announced = true;
    }
    if (registered !== undefined) {
      for (const url of d.others()) {
        try {
          await d.client.memberUpdate(d.memberId, d.advertised, url);
          break;
        } catch (err) {
          d.log.debug({ via: url, err: (err as Error).message }, 'member update failed');
        }
      }
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return false;
}

/**
 * Retries `fn` every `intervalMs` while `keepTrying()` holds; resolves
 * whether it succeeded. A member restarted from disk writes its volunteer
 * key and endpoint before its cluster has a quorum again (a whole-fleet
 * reboot): one failed attempt must not leave the keys missing, or the leader
 * removes the member as a quitter once its old lease expires. Run detached
 * (through a KeyKeeper), never awaited inside the agent's ordered effects (a
 * stop must not wait on it).
 */
export async function retryWhile(
  fn: () => Promise<void>,
  keepTrying: () => boolean,
  log: Logger,
  what: string,
  intervalMs = 500,
  /** How to wait between attempts (the agent simulator passes its clock's). */
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<boolean> {
  for (let attempt = 0; keepTrying(); attempt++) {
    try {
      await fn();
      return true;
    } catch (err) {
      if (attempt === 0) log.info({ err: (err as Error).message }, `${what} failed; retrying while the member runs`);
    }
    await sleep(intervalMs);
  }
  return false;
}

/**
 * One key an agent writes and later withdraws (its endpoint, its volunteer
 * key). A write that fails while `keepTrying()` holds goes on retrying in
 * the background; a withdraw supersedes every earlier write, so a retry that
 * lands after the withdraw's delete is deleted again (the leader must not
 * see the endpoint of a member that stopped: it would wait for it forever).
 */
export class KeyKeeper {
  private generation = 0;

  constructor(
    private readonly log: Logger,
    private readonly what: string,
    /** How to wait between retries (default node's timers; the agent simulator passes its clock's). */
    private readonly sleep?: (ms: number) => Promise<void>,
  ) {}

  /** Writes now; on failure, while `keepTrying()` holds, retries detached until written or withdrawn. Rejects with the first error when it will not retry. */
  async write(put: () => Promise<void>, remove: () => Promise<unknown>, keepTrying: () => boolean): Promise<void> {
    const generation = ++this.generation;
    try {
      await put();
      return;
    } catch (err) {
      if (!keepTrying()) throw err;
      this.log.info({ err: (err as Error).message }, `${this.what} failed; retrying while the member runs`);
    }
    void (async () => {
      const current = () => keepTrying() && this.generation === generation;
      const ok = await retryWhile(put, current, this.log, this.what, undefined, this.sleep);
      if (ok && this.generation !== generation) await remove().catch(() => undefined);
    })();
  }

  /** Deletes the key; no write started before lands after this. */
  async withdraw(remove: () => Promise<unknown>): Promise<void> {
    this.generation++;
    await remove();
  }
}
