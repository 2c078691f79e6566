/**
 * `mgmt snapshot restore FILE --data-dir DIR --hostname h1`: a new cluster
 * of one from a snapshot file (`etcdctl snapshot save` against any
 * member), as `etcdctl snapshot restore` does for etcd: a new cluster id
 * and member id, the snapshot's members dropped, and with them the
 * membership records of the old cluster under /_mgmt/ (volunteers,
 * nominated, endpoints, status), which their owners write again as agents
 * join the new cluster with --seeds. User keys, leases and revisions are
 * kept as they were at the snapshot's revision.
 *
 * Checked before anything is written: the file's envelope (size, block
 * checksums, SHA-256: a fault is reported with its byte offset) and the
 * store inside it. The data directory must not exist or be empty; it is
 * built beside it and renamed into place, so a failure leaves nothing.
 */
import { MGMT_PREFIX } from '@mgmt/cluster-fsm';
import { KvStore, decodeSnapshotFile, encodeCommand, prefixEnd } from '@mgmt/kv';
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeClusterOfOne } from './cluster-of-one.js';

/** A snapshot that cannot be restored, or a place it cannot be restored to (one line for the user). */
export class RestoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RestoreError';
  }
}

/** The old cluster's membership records, dropped on restore. */
const DROPPED_PREFIXES = ['volunteers/', 'nominated/', 'endpoints/', 'status/'].map((p) => `${MGMT_PREFIX}${p}`);

/** What a restore made. */
export interface RestoreOutcome {
  readonly clusterId: string;
  readonly memberId: number;
  /** The store's revision as restored (the snapshot's, plus the cluster's own records). */
  readonly revision: number;
  readonly keys: number;
}

function isEmptyOrMissing(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Reads and checks `file`, then writes `dataDir` for a cluster of one (see the file comment). */
export async function restoreSnapshot(o: { file: string; dataDir: string; hostname: string; peerUrls: string[] }): Promise<RestoreOutcome> {
  if (!isEmptyOrMissing(o.dataDir)) throw new RestoreError(`data directory ${o.dataDir} is not empty; restore into a new one`);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(o.file);
  } catch (err) {
    throw new RestoreError(`cannot read ${o.file}: ${(err as Error).message}`, { cause: err });
  }
  const kv = new KvStore();
  try {
    kv.restore(decodeSnapshotFile(bytes));
  } catch (err) {
    throw new RestoreError(`${o.file}: ${(err as Error).message}; nothing was written`, { cause: err });
  }
  const encoder = new TextEncoder();
  for (const prefix of DROPPED_PREFIXES) {
    kv.applyEntry(encodeCommand({ deleteRange: { key: encoder.encode(prefix), rangeEnd: encoder.encode(prefixEnd(prefix)) } }, 0));
  }
  const clusterId = randomInt(1, 2 ** 47).toString(16);
  const memberId = randomInt(1, 2 ** 47);
  kv.applyEntry(encodeCommand({ put: { key: encoder.encode(`${MGMT_PREFIX}clusterId`), value: encoder.encode(clusterId) } }, 0));

  const parent = path.dirname(path.resolve(o.dataDir));
  fs.mkdirSync(parent, { recursive: true });
  const building = fs.mkdtempSync(path.join(parent, `.${path.basename(o.dataDir)}.restoring-`));
  try {
    await writeClusterOfOne({ dataDir: building, clusterId, memberId, hostname: o.hostname, peerUrls: o.peerUrls, kvSnapshot: kv.snapshot(), index: 1 });
    if (fs.existsSync(o.dataDir)) fs.rmdirSync(o.dataDir);
    fs.renameSync(building, o.dataDir);
  } catch (err) {
    fs.rmSync(building, { recursive: true, force: true });
    throw err;
  }
  return { clusterId, memberId, revision: kv.revision, keys: kv.keyCount };
}
