/**
 * The write operations of the state machine, as etcd's applier does them.
 * Each checks what can fail before it changes anything, so an error leaves
 * the store untouched.
 */
import { Errors } from './errors.js';
import { EMPTY_BYTES, keyToString, toKeyRange } from './keys.js';
import type { LeaseTable } from './lease-table.js';
import type { Mvcc } from './mvcc.js';
import type { DeleteRangeRequest, DeleteRangeResponse, KeyValue, PutRequest, PutResponse } from './types.js';
import { checkDeleteRange, checkPut } from './validate.js';

/** What write operations need: the keyspace and the leases. */
export interface WriteContext {
  readonly mvcc: Mvcc;
  readonly leases: LeaseTable;
}

/** The checks of a put that depend on the state (etcd's checkRequestPut). */
export function checkPutState(ctx: WriteContext, req: PutRequest): void {
  checkPut(req);
  if (req.ignoreValue || req.ignoreLease) {
    const live = ctx.mvcc.history(keyToString(req.key!))?.live();
    if (live === undefined) throw Errors.keyNotFound();
  }
  if (req.lease && !ctx.leases.has(req.lease)) throw Errors.leaseNotFound();
}

/** Applies a put whose checks passed; the header is the caller's. */
export function applyPut(ctx: WriteContext, req: PutRequest): PutResponse {
  const keyBytes = req.key!;
  const key = keyToString(keyBytes);
  const h = ctx.mvcc.history(key);
  const live = h?.live();
  const value = req.ignoreValue ? live!.value : req.value && req.value.length > 0 ? req.value : EMPTY_BYTES;
  const lease = req.ignoreLease ? live!.lease : req.lease || 0;
  const prev = ctx.mvcc.put(key, h ? h.keyBytes : keyBytes, value, lease);
  return req.prevKv && prev !== undefined ? { prevKv: prev as KeyValue } : {};
}

/** Applies a delete range (it has no state checks); the header is the caller's. */
export function applyDeleteRange(ctx: WriteContext, req: DeleteRangeRequest): DeleteRangeResponse {
  checkDeleteRange(req);
  const keys: string[] = [];
  ctx.mvcc.forEachLive(toKeyRange(req.key, req.rangeEnd), 0, (_r, key) => {
    keys.push(key);
  });
  const prevKvs: KeyValue[] = [];
  for (const key of keys) {
    const prev = ctx.mvcc.delete(key);
    if (prev !== undefined && req.prevKv) prevKvs.push(prev);
  }
  return req.prevKv ? { deleted: keys.length, prevKvs } : { deleted: keys.length };
}
