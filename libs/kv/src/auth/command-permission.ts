/**
 * What a KV command needs from the user it is made for, checked where etcd
 * 3.4's authApplierV3 checks it: at apply, against the auth state of that
 * log position, so every member decides the same and a role revoked just
 * before applies at once.
 *
 * - put: write on the key; with a lease, write on every key already on that
 *   lease (the user could not revoke it otherwise); with prev_kv, read.
 * - delete range: write on the range; with prev_kv, read on it.
 * - txn: read on every compare's range, then each op of both branches as
 *   above (a range op: read), nested txns included.
 * - lease revoke: write on every key attached to the lease.
 */
import type { LeaseTable } from '../lease-table.js';
import { keyToBytes } from '../keys.js';
import type { Command, DeleteRangeRequest, PutRequest, RequestOp, TxnRequest } from '../types.js';
import type { AuthState } from './auth-state.js';
import type { PermissionKind } from './permissions.js';

type RangeCheck = (key: Uint8Array | null | undefined, rangeEnd: Uint8Array | null | undefined, kind: PermissionKind) => void;

/** Throws etcd's error when `user` may not make `command` (`implicit`: see AuthState.checkRange). */
export function checkCommandPermitted(auth: AuthState, leases: LeaseTable, user: string, command: Command, implicit = false): void {
  if (!auth.enabled) return;
  const range: RangeCheck = (key, rangeEnd, kind) => auth.checkRange(user, key, rangeEnd, kind, implicit);
  const leaseKeys = (id: number) => checkLeaseKeys(auth, leases, user, id, implicit);
  if (command.put) checkPut(range, leaseKeys, command.put);
  else if (command.deleteRange) checkDeleteRange(range, command.deleteRange);
  else if (command.txn) checkTxn(range, leaseKeys, command.txn);
  else if (command.leaseRevoke) leaseKeys(command.leaseRevoke.ID ?? 0);
}

function checkPut(range: RangeCheck, leaseKeys: (id: number) => void, req: PutRequest): void {
  range(req.key, undefined, 'write');
  if (req.lease) leaseKeys(req.lease);
  if (req.prevKv) range(req.key, undefined, 'read');
}

function checkDeleteRange(range: RangeCheck, req: DeleteRangeRequest): void {
  range(req.key, req.rangeEnd, 'write');
  if (req.prevKv) range(req.key, req.rangeEnd, 'read');
}

function checkTxn(range: RangeCheck, leaseKeys: (id: number) => void, req: TxnRequest): void {
  for (const c of req.compare ?? []) range(c.key, c.rangeEnd, 'read');
  const ops = (list: readonly RequestOp[] | null | undefined) => {
    for (const op of list ?? []) {
      if (op.requestRange) range(op.requestRange.key, op.requestRange.rangeEnd, 'read');
      else if (op.requestPut) checkPut(range, leaseKeys, op.requestPut);
      else if (op.requestDeleteRange) checkDeleteRange(range, op.requestDeleteRange);
      else if (op.requestTxn) checkTxn(range, leaseKeys, op.requestTxn);
    }
  };
  ops(req.success);
  ops(req.failure);
}

/** Write on every key of lease `id` (etcd's checkLeasePuts); an unknown lease needs nothing. */
export function checkLeaseKeys(auth: AuthState, leases: LeaseTable, user: string, id: number, implicit = false): void {
  for (const key of leases.get(id)?.keys ?? []) auth.checkRange(user, keyToBytes(key), undefined, 'write', implicit);
}
