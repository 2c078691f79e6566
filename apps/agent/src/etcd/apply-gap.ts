/**
 * etcd's back-pressure on proposals (etcdserver/v3_server.go,
 * processInternalRaftRequestOnce): when this member has committed more
 * than 5,000 entries it has not applied yet, applying cannot keep up, and
 * a new proposal would only lengthen the log and every waiter's latency;
 * it is refused with "etcdserver: too many requests" instead.
 */
import { Errors, type EtcdError } from '@mgmt/kv';

/** etcd's maxGapBetweenApplyAndCommitIndex. */
export const MAX_GAP_BETWEEN_APPLY_AND_COMMIT_INDEX = 5000;

/** The refusal for a member `committed` entries in and `applied` entries applied, or undefined to go ahead. */
export function applyGapRefusal(committed: number, applied: number): EtcdError | undefined {
  return committed > applied + MAX_GAP_BETWEEN_APPLY_AND_COMMIT_INDEX ? Errors.tooManyRequests() : undefined;
}
