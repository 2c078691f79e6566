/**
 * Transactions as etcd's applier runs them: every compare on the path
 * (nested transactions included) is evaluated against the state before the
 * transaction writes anything, then the puts on that path are checked, then
 * the operations run in order and see each other's writes.
 */
import { etcdserverpb } from '@mgmt/proto';
import { assert } from './assert.js';
import type { KeyRecord } from './key-history.js';
import { EMPTY_BYTES, toKeyRange } from './keys.js';
import { applyDeleteRange, applyPut, checkPutState, type WriteContext } from './ops.js';
import { readRange } from './range.js';
import type { Compare, RequestOp, ResponseOp, TxnRequest, TxnResponse } from './types.js';
import { Errors } from './errors.js';

const { CompareResult, CompareTarget } = etcdserverpb.Compare;

/** Applies a transaction whose request checks passed; the header is the caller's. */
export function applyTxn(ctx: WriteContext, req: TxnRequest): TxnResponse {
  const path: boolean[] = [];
  evaluatePath(ctx, req, path);
  checkPath(ctx, req, path, { at: 0 });
  return execute(ctx, req, path, { at: 0 });
}

/** Records, depth first, whether each transaction on the path succeeds. */
function evaluatePath(ctx: WriteContext, req: TxnRequest, path: boolean[]): void {
  const succeeded = (req.compare ?? []).every((c) => compare(ctx, c));
  path.push(succeeded);
  for (const op of (succeeded ? req.success : req.failure) ?? []) {
    if (op.requestTxn) evaluatePath(ctx, op.requestTxn, path);
  }
}

function checkPath(ctx: WriteContext, req: TxnRequest, path: boolean[], cursor: { at: number }): void {
  const succeeded = path[cursor.at++];
  assert(succeeded !== undefined, 'path covers every txn');
  for (const op of (succeeded ? req.success : req.failure) ?? []) {
    if (op.requestPut) checkPutState(ctx, op.requestPut);
    else if (op.requestRange) {
      const rev = op.requestRange.revision ?? 0;
      if (rev > ctx.mvcc.revision) throw Errors.futureRev();
      if (rev > 0 && rev < ctx.mvcc.compactRevision) throw Errors.compacted();
    } else if (op.requestTxn) checkPath(ctx, op.requestTxn, path, cursor);
  }
}

function execute(ctx: WriteContext, req: TxnRequest, path: boolean[], cursor: { at: number }): TxnResponse {
  const succeeded = path[cursor.at++]!;
  const responses: ResponseOp[] = [];
  for (const op of (succeeded ? req.success : req.failure) ?? []) responses.push(executeOp(ctx, op, path, cursor));
  return { succeeded, responses };
}

function executeOp(ctx: WriteContext, op: RequestOp, path: boolean[], cursor: { at: number }): ResponseOp {
  // Nested responses carry the revision as of the op, as etcd's do.
  const header = () => ({ revision: ctx.mvcc.changed ? ctx.mvcc.writeRevision : ctx.mvcc.revision });
  if (op.requestRange) {
    const range = readRange(ctx.mvcc, op.requestRange);
    return { responseRange: { header: header(), ...range } };
  }
  if (op.requestPut) {
    const put = applyPut(ctx, op.requestPut);
    return { responsePut: { header: header(), ...put } };
  }
  if (op.requestDeleteRange) {
    const del = applyDeleteRange(ctx, op.requestDeleteRange);
    return { responseDeleteRange: { header: header(), ...del } };
  }
  if (op.requestTxn) {
    const txn = execute(ctx, op.requestTxn, path, cursor);
    return { responseTxn: { header: header(), ...txn } };
  }
  return {};
}

/** etcd's applyCompare: every key in the range must satisfy it; a missing key compares as zeroes (never equal on value). */
function compare(ctx: WriteContext, c: Compare): boolean {
  const target = c.target ?? CompareTarget.VERSION;
  let found = 0;
  let ok = true;
  ctx.mvcc.forEachLive(toKeyRange(c.key, c.rangeEnd), 0, (record) => {
    found++;
    ok = compareRecord(c, target, record);
    return ok;
  });
  if (found > 0) return ok;
  if (target === CompareTarget.VALUE) return false;
  return compareRecord(c, target, undefined);
}

function compareRecord(c: Compare, target: number, r: KeyRecord | undefined): boolean {
  let order: number;
  switch (target) {
    case CompareTarget.VALUE:
      order = Buffer.compare(r?.value ?? EMPTY_BYTES, c.value ?? EMPTY_BYTES);
      break;
    case CompareTarget.CREATE:
      order = (r?.createRevision ?? 0) - (c.createRevision ?? 0);
      break;
    case CompareTarget.MOD:
      order = (r?.modRevision ?? 0) - (c.modRevision ?? 0);
      break;
    case CompareTarget.LEASE:
      order = (r?.lease ?? 0) - (c.lease ?? 0);
      break;
    default:
      order = (r?.version ?? 0) - (c.version ?? 0);
  }
  switch (c.result ?? CompareResult.EQUAL) {
    case CompareResult.GREATER:
      return order > 0;
    case CompareResult.LESS:
      return order < 0;
    case CompareResult.NOT_EQUAL:
      return order !== 0;
    default:
      return order === 0;
  }
}
