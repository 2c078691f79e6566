/**
 * Takes a place in a lock's or an election's queue, as etcd's Mutex.Lock
 * and Election.Campaign do: the key `name/<lease in hex>` is created on the
 * lease if it is not there yet (its create revision is the place in the
 * queue), then the caller waits its turn. If the wait is given up, the key
 * is deleted so it blocks nobody.
 */
import type { EtcdBackend } from '../backend.js';
import { etcdserverpb } from '@mgmt/proto';
import type { KeyValue } from '../../types.js';
import { waitDeletes } from './waits.js';

/** The queue entry once it is first in line. */
export interface Turn {
  readonly key: Buffer;
  /** Its create revision. */
  readonly createRevision: number;
  /** The store revision when the turn came. */
  readonly revision: number;
}

const { CompareResult, CompareTarget } = etcdserverpb.Compare;

/** The queue key of `lease` under `name`. */
export function queueKey(name: Uint8Array, lease: number): Buffer {
  return Buffer.concat([Buffer.from(name), Buffer.from(`/${lease.toString(16)}`)]);
}

/** Creates (or finds) this lease's key under `name` with `value`, then waits until it is first. */
export async function takeTurn(backend: EtcdBackend, name: Uint8Array, lease: number, value: Uint8Array, signal: AbortSignal): Promise<Turn> {
  const key = queueKey(name, lease);
  const result = await backend.propose({
    txn: {
      compare: [{ key, target: CompareTarget.CREATE, result: CompareResult.EQUAL, createRevision: 0 }],
      success: [{ requestPut: { key, value, lease } }],
      failure: [{ requestRange: { key } }],
    },
  });
  if (!result.ok) throw result.error;
  const txn = result.response as etcdserverpb.ITxnResponse;
  let createRevision: number;
  if (txn.succeeded) createRevision = result.revision;
  else {
    const existing = txn.responses?.[0]?.responseRange?.kvs?.[0] as KeyValue | undefined;
    createRevision = existing?.createRevision ?? result.revision;
    if (existing && !Buffer.from(existing.value ?? []).equals(Buffer.from(value))) {
      const again = await backend.propose({ put: { key, value, lease } });
      if (!again.ok) throw again.error;
    }
  }
  try {
    await waitDeletes(backend.store, name, createRevision - 1, signal);
  } catch (error) {
    await backend.propose({ deleteRange: { key } }).catch(() => undefined);
    throw error;
  }
  return { key, createRevision, revision: backend.store.revision };
}
