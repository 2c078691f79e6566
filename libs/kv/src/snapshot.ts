/**
 * The whole replicated state of a store as bytes (mgmtkv.StoreSnapshot):
 * revisions, every key's history and the leases, for Raft snapshots and
 * for the durable log's recovery.
 */
import { mgmtkv } from '@mgmt/proto';
import { SnapshotDecodeError } from './errors.js';
import { KeyHistory, type KeyRecord } from './key-history.js';
import { EMPTY_BYTES, keyToString } from './keys.js';
import type { Lease } from './lease-table.js';
import type { Mvcc } from './mvcc.js';

/** The snapshot encoding this code writes and reads. */
export const SNAPSHOT_VERSION = 1;

/** A decoded snapshot, ready to load. */
export interface SnapshotState {
  readonly revision: number;
  readonly compactRevision: number;
  readonly histories: KeyHistory[];
  readonly leases: { id: number; ttlSeconds: number }[];
}

/** Encodes the keyspace and the leases. */
export function encodeSnapshot(mvcc: Mvcc, leases: readonly Lease[]): Uint8Array {
  const keys: mgmtkv.KeyHistory.$Properties[] = [];
  mvcc.forEachHistory({ start: '', end: null, single: false }, (h) => {
    keys.push({
      key: h.keyBytes,
      records: h.records.map((r) => ({
        modRevision: r.modRevision,
        subRevision: r.sub,
        createRevision: r.createRevision,
        version: r.version,
        value: r.value,
        lease: r.lease,
        tombstone: r.tombstone,
      })),
    });
  });
  return mgmtkv.StoreSnapshot.encode({
    version: SNAPSHOT_VERSION,
    revision: mvcc.revision,
    compactRevision: mvcc.compactRevision,
    keys,
    leases: leases.map((l) => ({ ID: l.id, TTL: l.ttlSeconds })),
  }).finish();
}

/** Decodes snapshot bytes (copied once; the result shares nothing with the caller's buffer). */
export function decodeSnapshot(bytes: Uint8Array): SnapshotState {
  let s: mgmtkv.StoreSnapshot;
  try {
    s = mgmtkv.StoreSnapshot.decode(Buffer.from(bytes));
  } catch (cause) {
    throw new SnapshotDecodeError('not a protobuf StoreSnapshot', { cause });
  }
  if (s.version !== SNAPSHOT_VERSION) throw new SnapshotDecodeError(`unknown version ${s.version}`);
  let previous: string | undefined;
  const histories = s.keys.map((k) => {
    const keyBytes = k.key ?? EMPTY_BYTES;
    const key = keyToString(keyBytes);
    if (previous !== undefined && previous >= key) throw new SnapshotDecodeError('keys out of order');
    previous = key;
    const h = new KeyHistory(key, keyBytes);
    for (const r of k.records ?? []) {
      const record: KeyRecord = {
        key: keyBytes,
        createRevision: r.createRevision ?? 0,
        modRevision: r.modRevision ?? 0,
        version: r.version ?? 0,
        value: r.value && r.value.length > 0 ? r.value : EMPTY_BYTES,
        lease: r.lease ?? 0,
        sub: r.subRevision ?? 0,
        tombstone: Boolean(r.tombstone),
      };
      h.records.push(record);
    }
    return h;
  });
  return {
    revision: s.revision,
    compactRevision: s.compactRevision,
    histories,
    leases: s.leases.map((l) => ({ id: l.ID ?? 0, ttlSeconds: l.TTL ?? 0 })),
  };
}
