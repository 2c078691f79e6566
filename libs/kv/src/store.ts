import { mgmtkv } from '@mgmt/proto';
import { assert } from './assert.js';
import { AuthState } from './auth/auth-state.js';
import { checkCommandPermitted } from './auth/command-permission.js';
import { decodeCommand } from './command.js';
import { EtcdError, Errors } from './errors.js';
import { LeaseTable, type Lease } from './lease-table.js';
import { Mvcc } from './mvcc.js';
import { applyDeleteRange, applyPut, checkPutState, type WriteContext } from './ops.js';
import { readRange, type RangeResult } from './range.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot.js';
import { applyTxn } from './txn.js';
import type {
  Command,
  CompactionResponse,
  DeleteRangeResponse,
  LeaseGrantResponse,
  LeaseRevokeResponse,
  PutResponse,
  RangeRequest,
  TxnResponse,
} from './types.js';
import { checkRange, checkTxn } from './validate.js';
import { WatchHub, type WatchOptions, type WatchSink, type Watcher } from './watch-hub.js';

/** etcd's largest lease TTL (MaxLeaseTTL), in seconds. */
export const MAX_LEASE_TTL_SECONDS = 9_000_000_000;

/** The response of an applied command; its header carries only the revision (an auth change answers an empty one). */
export type ApplyResponse = PutResponse | DeleteRangeResponse | TxnResponse | CompactionResponse | LeaseGrantResponse | LeaseRevokeResponse;

/**
 * What applying a command gave: a response, or an etcd error (then nothing
 * changed). Either way it is the same on every member, and `revision` is
 * the store's revision after the command.
 */
export type ApplyResult =
  | { readonly ok: true; readonly revision: number; readonly response: ApplyResponse }
  | { readonly ok: false; readonly revision: number; readonly error: EtcdError };

/**
 * Told of every entry the store applies and every snapshot it restores, in
 * order: a replica that is given the same bytes in the same order holds the
 * same state (the API workers' stores follow the member's this way:
 * server/workers/replica-feed.ts).
 */
export interface StoreFollower {
  applied(data: Uint8Array): void;
  restored(snapshot: Uint8Array): void;
}

/** A range read's answer with the revision it was read at (the header's). */
export interface RangeAnswer extends RangeResult {
  readonly revision: number;
}

/**
 * The MVCC key-value state machine with etcd's semantics: commands from the
 * Raft log go in through apply() (deterministic: no clock, no randomness,
 * the same commands give the same state and the same snapshot bytes on
 * every member); reads and watches are served from the local state.
 */
export class KvStore {
  /** The replicated leases (ids, TTLs, attached keys). */
  readonly leases = new LeaseTable();
  /** The replicated auth state (users, roles, whether auth is on); changed only through `auth` commands. */
  readonly auth = new AuthState();
  private readonly mvcc: Mvcc;
  private readonly hub: WatchHub;
  private readonly ctx: WriteContext;
  private followers: readonly StoreFollower[] = [];

  /** `slabBytes`: the size of the slabs keys and values are packed into (value-arena.ts; tests make them small). */
  constructor(options: { slabBytes?: number } = {}) {
    this.mvcc = new Mvcc(this.leases, (revision, changes) => this.hub.onChanges(revision, changes), options.slabBytes);
    this.hub = new WatchHub(this.mvcc);
    this.ctx = { mvcc: this.mvcc, leases: this.leases };
  }

  /** The current revision (of the last change). */
  get revision(): number {
    return this.mvcc.revision;
  }

  /** The revision the store was compacted at (0: never). */
  get compactRevision(): number {
    return this.mvcc.compactRevision;
  }

  /** An estimate of the memory the keyspace holds, in bytes (reported as dbSize). */
  get sizeBytes(): number {
    return this.mvcc.sizeBytes;
  }

  /** The number of keys with a history (live or not yet compacted away). */
  get keyCount(): number {
    return this.mvcc.index.size;
  }

  /** The number of registered watchers. */
  get watcherCount(): number {
    return this.hub.size;
  }

  /** The number of watchers paused because their consumer is slow (walks every watcher). */
  pausedWatcherCount(): number {
    return this.hub.pausedCount();
  }

  /**
   * Applies an entry's bytes; returns the proposal id from its header and the
   * result. Empty data (the entry a new Raft leader appends) changes nothing
   * and gives id 0. Bytes that are not a command throw CommandDecodeError.
   */
  applyEntry(data: Uint8Array): { id: number; result: ApplyResult } {
    if (data.length === 0) return { id: 0, result: { ok: true, revision: this.mvcc.revision, response: { header: { revision: this.mvcc.revision } } } };
    const { id, command } = decodeCommand(data);
    const result = this.apply(command);
    for (const f of this.followers) f.applied(data);
    return { id, result };
  }

  /** Tells `follower` of every entry applied and snapshot restored from now on; returns the unsubscribe. */
  follow(follower: StoreFollower): () => void {
    this.followers = [...this.followers, follower];
    return () => {
      this.followers = this.followers.filter((f) => f !== follower);
    };
  }

  /** Applies one command. Expected failures are results; a thrown error is a bug. */
  apply(command: Command | mgmtkv.Command): ApplyResult {
    this.mvcc.beginWrite();
    let response: ApplyResponse;
    try {
      response = this.run(command);
    } catch (error) {
      if (!(error instanceof EtcdError)) throw error;
      assert(!this.mvcc.changed, `a failed command (${error.message}) changed nothing`);
      this.mvcc.endWrite();
      return { ok: false, revision: this.mvcc.revision, error };
    }
    this.mvcc.endWrite();
    const revision = this.mvcc.revision;
    response.header = { revision };
    return { ok: true, revision, response };
  }

  private run(c: Command): ApplyResponse {
    // A client's write carries its user when auth is on; its permission is
    // decided here, at this log position, the same on every member.
    if (c.authUser) checkCommandPermitted(this.auth, this.leases, c.authUser, c);
    if (c.auth) {
      // Auth changes bump the auth revision, never the KV revision.
      this.auth.apply(c.auth);
      return {};
    }
    if (c.put) {
      checkPutState(this.ctx, c.put);
      return applyPut(this.ctx, c.put);
    }
    if (c.deleteRange) return applyDeleteRange(this.ctx, c.deleteRange);
    if (c.txn) {
      // The op limit is the proposing server's policy (--max-txn-ops); apply
      // checks only what makes a txn ill-formed, the same on every member.
      checkTxn(c.txn, Infinity);
      return applyTxn(this.ctx, c.txn);
    }
    if (c.compaction) {
      const rev = c.compaction.revision ?? 0;
      if (rev <= this.mvcc.compactRevision) throw Errors.compacted();
      if (rev > this.mvcc.revision) throw Errors.futureRev();
      this.mvcc.compact(rev);
      return {};
    }
    if (c.leaseGrant) {
      const id = c.leaseGrant.ID ?? 0;
      const ttl = c.leaseGrant.TTL ?? 0;
      if (id <= 0) throw Errors.badCommand();
      if (ttl > MAX_LEASE_TTL_SECONDS) throw Errors.leaseTtlTooLarge();
      if (this.leases.has(id)) throw Errors.leaseExists();
      this.leases.grant(id, ttl);
      return { ID: id, TTL: ttl };
    }
    if (c.leaseRevoke) {
      const id = c.leaseRevoke.ID ?? 0;
      if (!this.leases.has(id)) throw Errors.leaseNotFound();
      this.revokeLease(id);
      return {};
    }
    if (c.leaseExpire) {
      for (const id of c.leaseExpire.IDs ?? []) if (this.leases.has(id)) this.revokeLease(id);
      return {};
    }
    throw Errors.badCommand();
  }

  private revokeLease(id: number): void {
    for (const key of this.leases.remove(id)) this.mvcc.delete(key);
  }

  /** A range read of the local state (no consensus: the caller decides how fresh it must be). Throws EtcdError. */
  range(req: RangeRequest): RangeAnswer {
    checkRange(req);
    return { ...readRange(this.mvcc, req), revision: this.mvcc.revision };
  }

  /** The lease with `id`, if it exists. */
  lease(id: number): Lease | undefined {
    return this.leases.get(id);
  }

  /**
   * Watches a key range from a revision: history first, then live changes,
   * each revision once and in order. See WatchSink for back pressure.
   */
  watch(options: WatchOptions, sink: WatchSink): Watcher {
    return this.hub.watch(options, sink);
  }

  /** The whole replicated state as bytes. */
  snapshot(): Uint8Array {
    const auth = this.auth.revision > 0 ? mgmtkv.AuthSnapshot.encode(this.auth.snapshot()).finish() : undefined;
    return encodeSnapshot(this.mvcc, this.leases.all(), auth);
  }

  /**
   * Replaces the state with a snapshot's. Watchers stay registered and catch
   * up from where they were (or learn that their revision was compacted).
   */
  restore(bytes: Uint8Array): void {
    const state = decodeSnapshot(bytes);
    this.hub.beforeRestore();
    this.leases.clear();
    this.auth.restore(state.auth === undefined ? undefined : mgmtkv.AuthSnapshot.decode(state.auth));
    for (const l of state.leases) this.leases.grant(l.id, l.ttlSeconds);
    this.mvcc.load(state.revision, state.compactRevision, state.histories);
    this.hub.afterRestore();
    for (const f of this.followers) f.restored(bytes);
  }

  /** Checks the store's invariants (tests and debug builds). */
  invariants(): void {
    this.mvcc.invariants();
    for (const lease of this.leases.all()) {
      for (const key of lease.keys) {
        const live = this.mvcc.history(key)?.live();
        assert(live !== undefined && live.lease === lease.id, `key ${JSON.stringify(key)} attached to lease ${lease.id} is live with it`);
      }
    }
  }
}
