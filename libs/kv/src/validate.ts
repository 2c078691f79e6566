/**
 * The request checks etcd makes before proposing (etcd's
 * v3rpc/key.go checkPutRequest, checkTxnRequest, checkIntervals). The
 * server runs them so a bad request never reaches the log; apply runs them
 * again because an entry's bytes are not trusted.
 */
import { Errors } from './errors.js';
import { inRange, keyToString, toKeyRange, type KeyRange } from './keys.js';
import type { DeleteRangeRequest, PutRequest, RangeRequest, RequestOp, TxnRequest } from './types.js';

/** etcd's default --max-txn-ops. */
export const MAX_TXN_OPS = 128;

/** Checks a RangeRequest's key. */
export function checkRange(req: RangeRequest): void {
  if (!req.key || req.key.length === 0) throw Errors.emptyKey();
}

/** Checks a PutRequest: a key, and no value or lease given with their ignore flags. */
export function checkPut(req: PutRequest): void {
  if (!req.key || req.key.length === 0) throw Errors.emptyKey();
  if (req.ignoreValue && req.value && req.value.length > 0) throw Errors.valueProvided();
  if (req.ignoreLease && req.lease) throw Errors.leaseProvided();
}

/** Checks a DeleteRangeRequest's key. */
export function checkDeleteRange(req: DeleteRangeRequest): void {
  if (!req.key || req.key.length === 0) throw Errors.emptyKey();
}

/** Checks a transaction: op counts, each op, and no key written twice on one path. */
export function checkTxn(req: TxnRequest, maxTxnOps = MAX_TXN_OPS): void {
  checkTxnOps(req, maxTxnOps);
  checkIntervals(req.success ?? []);
  checkIntervals(req.failure ?? []);
}

function checkTxnOps(req: TxnRequest, maxTxnOps: number): void {
  const compare = req.compare ?? [];
  const success = req.success ?? [];
  const failure = req.failure ?? [];
  if (compare.length > maxTxnOps || success.length > maxTxnOps || failure.length > maxTxnOps) throw Errors.tooManyOps();
  for (const c of compare) if (!c.key || c.key.length === 0) throw Errors.emptyKey();
  for (const op of success) checkOp(op, maxTxnOps);
  for (const op of failure) checkOp(op, maxTxnOps);
}

function checkOp(op: RequestOp, maxTxnOps: number): void {
  if (op.requestRange) checkRange(op.requestRange);
  else if (op.requestPut) checkPut(op.requestPut);
  else if (op.requestDeleteRange) checkDeleteRange(op.requestDeleteRange);
  else if (op.requestTxn) checkTxnOps(op.requestTxn, maxTxnOps);
}

/** A set of deleted ranges that answers "does it hold this key?". */
class Deletes {
  readonly ranges: KeyRange[] = [];
  has(key: string): boolean {
    return this.ranges.some((r) => inRange(r, key));
  }
}

/**
 * etcd's checkIntervals: on one path through a transaction (its nested
 * transactions included) no key may be put twice nor put and deleted.
 * A key put in both branches of a nested txn is fine: only one runs.
 */
function checkIntervals(ops: readonly RequestOp[]): { puts: Set<string>; dels: Deletes } {
  const dels = new Deletes();
  for (const op of ops) {
    const d = op.requestDeleteRange;
    if (d) dels.ranges.push(toKeyRange(d.key, d.rangeEnd));
  }
  const puts = new Set<string>();
  for (const op of ops) {
    const t = op.requestTxn;
    if (!t) continue;
    const then = checkIntervals(t.success ?? []);
    const otherwise = checkIntervals(t.failure ?? []);
    for (const k of then.puts) {
      if (puts.has(k) || dels.has(k)) throw Errors.duplicateKey();
      puts.add(k);
    }
    for (const k of otherwise.puts) {
      if (puts.has(k) && !then.puts.has(k)) throw Errors.duplicateKey();
      if (dels.has(k)) throw Errors.duplicateKey();
      puts.add(k);
    }
    dels.ranges.push(...then.dels.ranges, ...otherwise.dels.ranges);
  }
  for (const op of ops) {
    const p = op.requestPut;
    if (!p) continue;
    const k = keyToString(p.key ?? new Uint8Array());
    if (puts.has(k) || dels.has(k)) throw Errors.duplicateKey();
    puts.add(k);
  }
  return { puts, dels };
}
