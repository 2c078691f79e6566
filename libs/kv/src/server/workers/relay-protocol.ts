/**
 * The messages between the member's thread (Raft, the WAL, apply: the owner
 * of the state) and an API worker, on one MessagePort per worker:
 *
 * - owner -> worker: `init` (a snapshot of the store and the feed position
 *   it stands for), then `feed` batches (the entries the owner applied, and
 *   snapshots it restored, in order; `seq` counts them), and `reply` to
 *   each call, carrying the feed position the answer depends on;
 * - worker -> owner: `call` of a backend method (a proposal, a read
 *   barrier, a lease renewal, the members...) and `log` lines;
 * - the server's own hooks (hooks-host.ts, worker-hooks.ts): calls of the
 *   services the owner serves itself (`unary`, answered by `unaryReply`),
 *   and reports: `stats`
 *   (gRPC call counts and client bytes, once a second when they changed),
 *   `limit` (a connection limit refused a call), `refused` (a caller from
 *   another cluster).
 *
 * A worker answers a call only once its replica has applied up to the
 * reply's `seq`: a client that wrote at revision R, or passed a read
 * barrier, never reads older than that on any worker.
 */
import { EtcdError, type GrpcCode } from '../../errors.js';
import type { ApplyResult } from '../../store.js';
import type { HeaderInfo } from '../backend.js';
import type { ObservedCall } from '../call-observer.js';
import type { ClientTrafficTotals } from '../client-port/client-traffic.js';
import type { LimitRefusal } from '../limits/connection-registry.js';

/** The methods a worker calls on the owner: every EtcdBackend method but `store` and `header`, and the /metrics text. */
export const RELAYED_METHODS = [
  'metrics',
  'propose',
  'readIndex',
  'leaseKeepAlive',
  'leaseTimeToLive',
  'members',
  'memberAdd',
  'memberRemove',
  'memberUpdate',
  'memberPromote',
  'status',
  'defragment',
  'moveLeader',
] as const;
export type RelayedMethod = (typeof RELAYED_METHODS)[number];

/** Consecutive applied entries, concatenated: entry i is `data[ends[i-1] ?? 0, ends[i])`. */
export interface EntryRun {
  readonly data: Uint8Array;
  readonly ends: readonly number[];
}

/** One step of the feed: a run of applied entries, or a restored snapshot. */
export type FeedStep = { readonly entries: EntryRun } | { readonly restore: Uint8Array };

/** An error as it crosses threads: an etcd error keeps its code and message. */
export interface WireError {
  readonly message: string;
  readonly code?: GrpcCode;
}

/** Counts of one gRPC method's calls since the last report (call-observer.ts's hooks). */
export interface CallCounts {
  readonly type: ObservedCall['type'];
  readonly service: string;
  readonly method: string;
  started: number;
  received: number;
  sent: number;
  /** Handled calls by status name. */
  readonly handled: Record<string, number>;
}

/** A call of a service the owner serves (its request as sent, undecoded). */
export interface UnaryCallMessage {
  readonly t: 'unary';
  readonly id: number;
  readonly path: string;
  readonly request: Uint8Array;
  readonly metadata: Record<string, string | Uint8Array>;
  readonly peer: string;
  /** The client certificate the TLS handshake verified, if any (as getPeerCertificate gives it). */
  readonly peerCertificate?: unknown;
}

export type OwnerMessage =
  | { readonly t: 'init'; readonly snapshot: Uint8Array; readonly seq: number; readonly header: HeaderInfo }
  | { readonly t: 'feed'; readonly steps: readonly FeedStep[]; readonly seq: number; readonly header: HeaderInfo }
  | { readonly t: 'reply'; readonly id: number; readonly seq: number; readonly header: HeaderInfo; readonly value?: unknown; readonly error?: WireError }
  | { readonly t: 'unaryReply'; readonly id: number; readonly response?: Uint8Array; readonly error?: { code: number; details: string } };

export type WorkerMessage =
  | { readonly t: 'call'; readonly id: number; readonly method: RelayedMethod; readonly args: readonly unknown[] }
  | { readonly t: 'log'; readonly message: string; readonly error: string }
  | UnaryCallMessage
  | { readonly t: 'stats'; readonly calls: readonly CallCounts[]; readonly traffic: ClientTrafficTotals }
  | { readonly t: 'limit'; readonly refusal: LimitRefusal }
  | { readonly t: 'refused'; readonly theirs: string; readonly ours: string };

/** An error for the wire. */
export function toWire(error: unknown): WireError {
  if (error instanceof EtcdError) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The error a wire error stands for (an EtcdError when it was one). */
export function fromWire(error: WireError): Error {
  return error.code === undefined ? new Error(error.message) : new EtcdError(error.code, error.message);
}

/** An apply result for the wire (its error, if any, as a WireError). */
export function resultToWire(result: ApplyResult): unknown {
  return result.ok ? result : { ok: false, revision: result.revision, error: toWire(result.error) };
}

/** The apply result from the wire. */
export function resultFromWire(value: unknown): ApplyResult {
  const r = value as { ok: boolean; revision: number; response?: unknown; error?: WireError };
  if (r.ok) return value as ApplyResult;
  return { ok: false, revision: r.revision, error: fromWire(r.error!) as EtcdError };
}

/** Splits a run back into its entries (views of `run.data`). */
export function entriesOf(run: EntryRun): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (const end of run.ends) {
    out.push(run.data.subarray(start, end));
    start = end;
  }
  return out;
}
