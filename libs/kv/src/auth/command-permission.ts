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

/** Throws etcd's error when `user` may not make `command`. */
export function checkCommandPermitted(auth: AuthState, leases: LeaseTable, user: string, command: Command): void {
  if (!auth.enabled) return;
  if (command.put) checkPut(auth, leases, user, command.put);
  else if (command.deleteRange) checkDeleteRange(auth, user, command.deleteRange);
  else if (command.txn) checkTxn(auth, leases, user, command.txn);
  else if (command.leaseRevoke) checkLeaseKeys(auth, leases, user, command.leaseRevoke.ID ?? 0);
}

function checkPut(auth: AuthState, leases: LeaseTable, user: string, req: PutRequest): void {
  auth.checkRange(user, req.key, undefined, 'write');
  if (req.lease) checkLeaseKeys(auth, leases, user, req.lease);
  if (req.prevKv) auth.checkRange(user, req.key, undefined, 'read');
}

function checkDeleteRange(auth: AuthState, user: string, req: DeleteRangeRequest): void {
  auth.checkRange(user, req.key, req.rangeEnd, 'write');
  if (req.prevKv) auth.checkRange(user, req.key, req.rangeEnd, 'read');
}

function checkTxn(auth: AuthState, leases: LeaseTable, user: string, req: TxnRequest): void {
  for (const c of req.compare ?? []) auth.checkRange(user, c.key, c.rangeEnd, 'read');
  const ops = (list: readonly RequestOp[] | null | undefined) => {
    for (const op of list ?? []) {
      if (op.requestRange) auth.checkRange(user, op.requestRange.key, op.requestRange.rangeEnd, 'read');
      else if (op.requestPut) checkPut(auth, leases, user, op.requestPut);
      else if (op.requestDeleteRange) checkDeleteRange(auth, user, op.requestDeleteRange);
      else if (op.requestTxn) checkTxn(auth, leases, user, op.requestTxn);
    }
  };
  ops(req.success);
  ops(req.failure);
}

/** Write on every key of lease `id` (etcd's checkLeasePuts); an unknown lease needs nothing. */
export function checkLeaseKeys(auth: AuthState, leases: LeaseTable, user: string, id: number): void {
  for (const key of leases.get(id)?.keys ?? []) auth.checkRange(user, keyToBytes(key), undefined, 'write');
}
