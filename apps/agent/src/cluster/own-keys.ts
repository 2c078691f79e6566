/**
 * The keys an agent owns (its volunteer key, its advertised endpoint, its
 * published status) and what to re-write when a client deleted or changed
 * them. Pure: the keys the agent wants and the `/_mgmt/` keys read from the
 * store in, repairs out; the agent performs them and logs one line each.
 */
import type { KeyValue } from './cluster-client.js';

/** A key the agent wants in the store, on its lease. */
export interface OwnedKey {
  key: string;
  value: string;
  /**
   * Re-write it only when it is missing, unleased, or on this agent's lease:
   * a volunteer key held by another live lease is another agent's (or this
   * host's previous run's), which the lifecycle's duplicate-hostname rule
   * handles, not this repair.
   */
  onlyIfOurs?: boolean;
  /**
   * Whether a stored value that differs from `value` is still good (the
   * status changes with every commit: one written a moment ago is not
   * damage). By default only `value` itself is.
   */
  accepts?: (stored: string) => boolean;
}

/** One key to put back, and why (for the log line). */
export interface OwnKeyRepair {
  key: string;
  value: string;
  why: string;
}

/** What to put back so the store holds every key in `want` with its value on lease `leaseId`. */
export function planOwnKeyRepairs(want: readonly OwnedKey[], stored: readonly KeyValue[], leaseId: number): OwnKeyRepair[] {
  const have = new Map(stored.map((kv) => [kv.key, kv]));
  const out: OwnKeyRepair[] = [];
  for (const w of want) {
    const kv = have.get(w.key);
    if (kv === undefined) {
      out.push({ key: w.key, value: w.value, why: 'it was deleted' });
      continue;
    }
    const ours = kv.lease === leaseId;
    if (w.onlyIfOurs && !ours && kv.lease !== 0) continue;
    if (kv.value !== w.value && !(w.accepts?.(kv.value) ?? false)) out.push({ key: w.key, value: w.value, why: 'its value was changed' });
    else if (!ours) out.push({ key: w.key, value: w.value, why: kv.lease === 0 ? 'it was re-written without a lease' : `it is on lease ${kv.lease}, not ${leaseId}` });
  }
  return out;
}
