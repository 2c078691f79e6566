/**
 * An API worker's backend: its store is a replica the owner feeds
 * (replica-feed.ts), so serializable reads and watches are served here, in
 * the worker, without crossing threads; writes, read barriers, leases and
 * membership go to the owner (backend-host.ts). Every answer from the owner
 * says how far the feed must have come for it; the call resolves only once
 * this replica has applied that far, so what a client reads next on any
 * worker is never older than what it wrote or the barrier it passed.
 *
 * Read barriers are shared: the calls made while one is on its way wait for
 * the next, and the next is sent when the current one comes back (one
 * crossing for all of them, as the member's ReadIndex batches its reads).
 */
import type { MessagePort } from 'node:worker_threads';
import type { ApplyResult } from '../../store.js';
import { KvStore } from '../../store.js';
import type { Command } from '../../types.js';
import type { BackendStatus, EtcdBackend, HeaderInfo, MemberInfo } from '../backend.js';
import { entriesOf, fromWire, resultFromWire, type OwnerMessage, type RelayedMethod, type WorkerMessage } from './relay-protocol.js';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Waiter {
  readonly seq: number;
  readonly done: () => void;
}

/** Which optional backend methods the owner's backend has. */
export interface OwnerAbilities {
  readonly defragment: boolean;
  readonly moveLeader: boolean;
}

export class ReplicaBackend implements EtcdBackend {
  readonly store = new KvStore();
  private applied = -1;
  private current: HeaderInfo = { clusterId: 0, memberId: 0, raftTerm: 0 };
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private waiters: Waiter[] = [];
  private readonly ready: Promise<void>;
  private markReady!: () => void;
  private barrier: Promise<void> | undefined;
  private nextBarrier: Promise<void> | undefined;
  readonly defragment?: () => Promise<void>;
  readonly moveLeader?: (targetId: number) => Promise<void>;

  constructor(
    private readonly port: MessagePort,
    abilities: OwnerAbilities,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    port.on('message', (message: OwnerMessage) => this.onMessage(message));
    if (abilities.defragment) this.defragment = () => this.call('defragment', []).then(() => undefined);
    if (abilities.moveLeader) this.moveLeader = (targetId) => this.call('moveLeader', [targetId]).then(() => undefined);
  }

  /** Resolves once the replica holds the owner's snapshot (serve nothing before). */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** How far the feed has come (for tests). */
  get appliedSeq(): number {
    return this.applied;
  }

  async propose(command: Command): Promise<ApplyResult> {
    return resultFromWire(await this.call('propose', [command]));
  }

  readIndex(): Promise<void> {
    if (this.barrier === undefined) return this.sendBarrier();
    // One is on its way and may have been read before this call: wait for the next.
    this.nextBarrier ??= this.barrier
      .catch(() => undefined)
      .then(() => {
        this.nextBarrier = undefined;
        return this.sendBarrier();
      });
    return this.nextBarrier;
  }

  leaseKeepAlive(id: number): Promise<number> {
    return this.call('leaseKeepAlive', [id]) as Promise<number>;
  }

  leaseTimeToLive(id: number): Promise<{ ttlSeconds: number; grantedTtlSeconds: number }> {
    return this.call('leaseTimeToLive', [id]) as Promise<{ ttlSeconds: number; grantedTtlSeconds: number }>;
  }

  members(): Promise<readonly MemberInfo[]> {
    return this.call('members', []) as Promise<readonly MemberInfo[]>;
  }

  memberAdd(peerUrls: readonly string[], isLearner: boolean): Promise<{ member: MemberInfo; members: readonly MemberInfo[] }> {
    return this.call('memberAdd', [peerUrls, isLearner]) as Promise<{ member: MemberInfo; members: readonly MemberInfo[] }>;
  }

  memberRemove(id: number): Promise<readonly MemberInfo[]> {
    return this.call('memberRemove', [id]) as Promise<readonly MemberInfo[]>;
  }

  memberUpdate(id: number, peerUrls: readonly string[]): Promise<readonly MemberInfo[]> {
    return this.call('memberUpdate', [id, peerUrls]) as Promise<readonly MemberInfo[]>;
  }

  memberPromote(id: number): Promise<readonly MemberInfo[]> {
    return this.call('memberPromote', [id]) as Promise<readonly MemberInfo[]>;
  }

  /** The owner's /metrics text. */
  metrics(): Promise<{ contentType: string; body: string }> {
    return this.call('metrics', []) as Promise<{ contentType: string; body: string }>;
  }

  status(): Promise<BackendStatus> {
    return this.call('status', []) as Promise<BackendStatus>;
  }

  header(): HeaderInfo {
    return this.current;
  }

  /** Sends a log line to the owner. */
  log(message: string, error: unknown): void {
    const line: WorkerMessage = { t: 'log', message, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    this.port.postMessage(line);
  }

  /** Fails every call still waiting (the worker is closing). */
  close(): void {
    for (const p of this.pending.values()) p.reject(new Error('API worker closing'));
    this.pending.clear();
  }

  private sendBarrier(): Promise<void> {
    const sent = this.call('readIndex', []).then(() => undefined);
    this.barrier = sent;
    const clear = () => {
      if (this.barrier === sent) this.barrier = undefined;
    };
    sent.then(clear, clear);
    return sent;
  }

  private call(method: RelayedMethod, args: readonly unknown[]): Promise<unknown> {
    const id = this.nextId++;
    const message: WorkerMessage = { t: 'call', id, method, args };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.port.postMessage(message);
    });
  }

  private onMessage(message: OwnerMessage): void {
    if (message.t === 'unaryReply') return; // the server hooks' (worker-hooks.ts)
    this.current = message.header;
    switch (message.t) {
      case 'init':
        this.store.restore(message.snapshot);
        this.applied = message.seq;
        this.markReady();
        break;
      case 'feed':
        for (const step of message.steps) {
          if ('restore' in step) this.store.restore(step.restore);
          else for (const entry of entriesOf(step.entries)) this.store.applyEntry(entry);
        }
        this.applied = message.seq;
        break;
      case 'reply': {
        const p = this.pending.get(message.id);
        if (!p) return;
        this.pending.delete(message.id);
        const settle = message.error ? () => p.reject(fromWire(message.error!)) : () => p.resolve(message.value);
        this.afterSeq(message.seq, settle);
        return;
      }
    }
    this.releaseWaiters();
  }

  /** Runs `done` once the replica has applied up to `seq`. */
  private afterSeq(seq: number, done: () => void): void {
    if (this.applied >= seq) return done();
    this.waiters.push({ seq, done });
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const due = this.waiters.filter((w) => w.seq <= this.applied);
    if (due.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.seq > this.applied);
    for (const w of due) w.done();
  }
}
