/**
 * Messages between the benchmark driver and the load-generator child
 * process (over Node's IPC channel). A job names its workload and target
 * endpoints; the child answers with one result per job.
 */
import type { LatencySummary } from './stats.js';

/** Client certificate files for TLS endpoints (the TLS rows); plaintext without. */
export interface TlsFiles {
  ca: string;
  cert: string;
  key: string;
}

/** Puts of `valueBytes`-byte values from `clients` concurrent clients. */
export interface PutJob {
  kind: 'put';
  endpoints: string[];
  tls?: TlsFiles;
  /** An auth token (etcd's `token` metadata) sent with every put: the auth rows. */
  token?: string;
  clients: number;
  valueBytes: number;
  keySpace: number;
  warmupMs: number;
  durationMs: number;
}

/** Ranges of one key from `clients` concurrent clients. */
export interface ReadJob {
  kind: 'read';
  endpoints: string[];
  tls?: TlsFiles;
  clients: number;
  serializable: boolean;
  warmupMs: number;
  durationMs: number;
}

/** `watchers` watch streams on one prefix while `writers` clients put under it. */
export interface WatchJob {
  kind: 'watch';
  endpoints: string[];
  watchers: number;
  writers: number;
  valueBytes: number;
  warmupMs: number;
  durationMs: number;
}

/**
 * Sequential puts until the driver reports the kill of the leader; the
 * result is the time from the kill to the first write started after it
 * that succeeds.
 */
export interface FailoverJob {
  kind: 'failover';
  endpoints: string[];
  attemptTimeoutMs: number;
  giveUpMs: number;
}

/** Puts (each attempt bounded) until one succeeds; resolves with its completion time. */
export interface FirstWriteJob {
  kind: 'first-write';
  endpoints: string[];
  attemptTimeoutMs: number;
  giveUpMs: number;
}

/** Authenticate calls (a user's name and password) from `clients` concurrent clients: the auth rows. */
export interface AuthenticateJob {
  kind: 'authenticate';
  endpoints: string[];
  clients: number;
  name: string;
  password: string;
  warmupMs: number;
  durationMs: number;
}

export type Job = PutJob | ReadJob | WatchJob | FailoverJob | FirstWriteJob | AuthenticateJob;

/** Result of a watch job. */
export interface WatchResult {
  eventsPerSec: number;
  writesPerSec: number;
  /** Events received divided by writes times watchers (1 when every watcher saw every write). */
  deliveredFraction: number;
}

/** Result of a failover or first-write job: epoch milliseconds (performance.timeOrigin based). */
export interface InstantResult {
  atMs: number;
  attempts: number;
}

export type JobResult = LatencySummary | WatchResult | InstantResult;

/** Driver -> child. */
export type ToChild = { type: 'job'; job: Job } | { type: 'killed'; atMs: number };

/** Child -> driver. */
export type FromChild = { type: 'result'; result: JobResult } | { type: 'error'; message: string } | { type: 'ready' };

/** Milliseconds since the epoch with sub-millisecond resolution, comparable across processes. */
export function epochMs(): number {
  return performance.timeOrigin + performance.now();
}
