/**
 * The cluster record: what a data directory remembers about the cluster it
 * belongs to, beyond any one membership. Un-nomination wipes a member's Raft
 * data (its member id is never reused) but never this record, so a host that
 * once belonged to cluster X and is started again (the first host restarted
 * with its original command, or after a reboot) reconnects to X instead of
 * bootstrapping a second cluster beside it: the split brain of issue 23.
 *
 * The file is small JSON, written atomically (temporary file, fsync, rename,
 * fsync of the directory). The pure part (validate, merge) is separate from
 * the file I/O at the bottom.
 */
import fs from 'node:fs';
import path from 'node:path';

/** What a data directory knows about its cluster. */
export interface ClusterRecord {
  /** The cluster id (hex), as in `/_mgmt/clusterId` and `endpoint status`. */
  clusterId: string;
  /** The host name this data directory was used by. */
  hostname: string;
  /** Every member id this host has run in the cluster, oldest first. */
  memberIds: number[];
  /** Client URLs of the members, as last seen (where to reconnect). */
  endpoints: string[];
}

/** The file name of the record inside a data directory. */
export const CLUSTER_RECORD_FILE = 'cluster.json';
/** Bounds, so a hostile or corrupt file cannot make the agent hold megabytes. */
const MAX_MEMBER_IDS = 64;
const MAX_ENDPOINTS = 64;
const MAX_RECORD_BYTES = 64 * 1024;

/** A record file that cannot be used: the agent refuses to start rather than guess. */
export class ClusterRecordError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClusterRecordError';
  }
}

/** Checks a parsed record; throws ClusterRecordError naming the field. */
export function validateClusterRecord(v: unknown): ClusterRecord {
  if (typeof v !== 'object' || v === null) throw new ClusterRecordError('not a JSON object');
  const r = v as Record<string, unknown>;
  if (typeof r.clusterId !== 'string' || !/^[0-9a-f]{1,16}$/.test(r.clusterId)) throw new ClusterRecordError('clusterId is not a hex cluster id');
  if (typeof r.hostname !== 'string' || r.hostname.length === 0) throw new ClusterRecordError('hostname is missing');
  const ids = r.memberIds;
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) {
    throw new ClusterRecordError('memberIds is not a list of member ids');
  }
  const endpoints = r.endpoints;
  if (!Array.isArray(endpoints) || !endpoints.every((u) => typeof u === 'string' && /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(u))) {
    throw new ClusterRecordError('endpoints is not a list of URLs');
  }
  return {
    clusterId: r.clusterId,
    hostname: r.hostname,
    memberIds: (ids as number[]).slice(-MAX_MEMBER_IDS),
    endpoints: (endpoints as string[]).slice(0, MAX_ENDPOINTS),
  };
}

/**
 * The record after learning more about the same cluster: a new member id is
 * appended, endpoints are replaced by the latest non-empty view (the
 * previous ones are kept when nothing new is known). Never changes the
 * cluster id: a different cluster is an error for the caller to report.
 */
export function mergeClusterRecord(
  prev: ClusterRecord | undefined,
  update: { clusterId: string; hostname: string; memberId?: number; endpoints?: readonly string[] },
): ClusterRecord {
  if (prev && prev.clusterId !== update.clusterId) {
    throw new ClusterRecordError(`this data directory belongs to cluster ${prev.clusterId}, not ${update.clusterId}`);
  }
  const memberIds = [...(prev?.memberIds ?? [])];
  if (update.memberId !== undefined && !memberIds.includes(update.memberId)) memberIds.push(update.memberId);
  // Sorted: the same members listed in another order (a mirror read whole lists them by key, one
  // built from events in the order they came) are the same record, not a write with two fsyncs.
  const endpoints = update.endpoints && update.endpoints.length > 0 ? [...new Set(update.endpoints)].sort() : (prev?.endpoints ?? []);
  return {
    clusterId: update.clusterId,
    hostname: update.hostname,
    memberIds: memberIds.slice(-MAX_MEMBER_IDS),
    endpoints: endpoints.slice(0, MAX_ENDPOINTS),
  };
}

/** Whether two records say the same (to skip needless writes). */
export function sameClusterRecord(a: ClusterRecord | undefined, b: ClusterRecord): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

// ---- file I/O ----

/** Reads the record of `dataDir`; undefined when there is none. Throws ClusterRecordError when it is unreadable. */
export function readClusterRecord(dataDir: string): ClusterRecord | undefined {
  const file = path.join(dataDir, CLUSTER_RECORD_FILE);
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (stat.size > MAX_RECORD_BYTES) throw new ClusterRecordError(`${file}: ${stat.size} bytes, larger than a cluster record can be`);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if (err instanceof ClusterRecordError) throw err;
    throw new ClusterRecordError(`${file}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return validateClusterRecord(JSON.parse(text));
  } catch (err) {
    const why = err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message;
    throw new ClusterRecordError(`${file}: ${why} (fix or remove the file; removing it lets this host start a new cluster)`, { cause: err });
  }
}

/** Writes the record atomically and durably. */
export function writeClusterRecord(dataDir: string, record: ClusterRecord): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, CLUSTER_RECORD_FILE);
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dfd = fs.openSync(dataDir, 'r');
  try {
    fs.fsyncSync(dfd);
  } finally {
    fs.closeSync(dfd);
  }
}

/** Removes the record (only `--force-new-cluster` does this). */
export function removeClusterRecord(dataDir: string): void {
  fs.rmSync(path.join(dataDir, CLUSTER_RECORD_FILE), { force: true });
}
