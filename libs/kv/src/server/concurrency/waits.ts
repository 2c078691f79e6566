/**
 * The waiting part of etcd's clientv3/concurrency, on the member's own
 * store: a lock or election key is held by whoever created the lowest
 * create revision under the prefix, so a contender waits until every key
 * created before its own is deleted (waitDeletes), one at a time, watching
 * only the newest older key (no thundering herd).
 */
import type { KvStore } from '../../store.js';
import type { KeyValue } from '../../types.js';
import { prefixEnd } from '../../keys.js';
import { etcdserverpb } from '@mgmt/proto';

/** The prefix of a lock or election name (`name/`) as a key range. */
export function prefixRange(name: Uint8Array): { key: Buffer; rangeEnd: Buffer } {
  const prefix = Buffer.concat([Buffer.from(name), Buffer.from('/')]);
  return { key: prefix, rangeEnd: Buffer.from(prefixEnd(prefix.toString('latin1')), 'latin1') };
}

/** The key under the prefix created first (the holder), if any. */
export function firstCreated(store: KvStore, name: Uint8Array): KeyValue | undefined {
  const answer = store.range({
    ...prefixRange(name),
    sortOrder: etcdserverpb.RangeRequest.SortOrder.ASCEND,
    sortTarget: etcdserverpb.RangeRequest.SortTarget.CREATE,
    limit: 1,
    serializable: true,
  });
  return answer.kvs[0];
}

/** Resolves once `key` is deleted (watching from `afterRevision + 1`); rejects when `signal` aborts. */
function deleted(store: KvStore, key: Uint8Array, afterRevision: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = store.watch({ key, startRevision: afterRevision + 1, noPut: true }, (delivery) => {
      if (delivery.kind === 'compacted' || delivery.events.length > 0) {
        watcher.cancel();
        signal.removeEventListener('abort', onAbort);
        resolve();
      }
      return true;
    });
    const onAbort = () => {
      watcher.cancel();
      reject(signal.reason instanceof Error ? signal.reason : new Error('cancelled'));
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits until no key under `name/` has a create revision up to `maxCreateRevision`. */
export async function waitDeletes(store: KvStore, name: Uint8Array, maxCreateRevision: number, signal: AbortSignal): Promise<void> {
  for (;;) {
    const answer = store.range({
      ...prefixRange(name),
      maxCreateRevision,
      sortOrder: etcdserverpb.RangeRequest.SortOrder.DESCEND,
      sortTarget: etcdserverpb.RangeRequest.SortTarget.CREATE,
      limit: 1,
      serializable: true,
    });
    const newestOlder = answer.kvs[0];
    if (!newestOlder) return;
    await deleted(store, newestOlder.key!, answer.revision, signal);
  }
}
