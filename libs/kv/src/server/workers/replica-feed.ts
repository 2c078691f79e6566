/**
 * The owner's side of the replicas: every entry the member's store applies
 * and every snapshot it restores goes, in order, to each API worker, which
 * applies the same bytes to its own store (the store is deterministic, so
 * the replica holds the same keys, history, leases and auth state, at the
 * same revisions). What is applied within one turn of the event loop goes
 * as one message per worker, at the end of that turn's synchronous work:
 * the Ready loop applies a batch of entries at a time, and the batch
 * crosses threads once.
 *
 * `seq` counts the steps (entries and restores) since the feed began; a
 * worker that has applied up to `seq` S has everything the owner had at S.
 */
import type { MessagePort } from 'node:worker_threads';
import type { KvStore } from '../../store.js';
import type { HeaderInfo } from '../backend.js';
import type { FeedStep, OwnerMessage } from './relay-protocol.js';

export class ReplicaFeed {
  private seqNow = 0;
  private steps: FeedStep[] = [];
  private run: Uint8Array[] = [];
  private flushQueued = false;
  private readonly ports = new Set<MessagePort>();
  private readonly unfollow: () => void;

  constructor(
    private readonly store: KvStore,
    private readonly header: () => HeaderInfo,
  ) {
    this.unfollow = store.follow({
      applied: (data) => {
        this.seqNow++;
        this.run.push(data);
        this.queueFlush();
      },
      restored: (snapshot) => {
        this.seqNow++;
        this.closeRun();
        this.steps.push({ restore: snapshot });
        this.queueFlush();
      },
    });
  }

  /** The feed's position now (what a reply tells a worker to wait for). */
  get seq(): number {
    return this.seqNow;
  }

  /** Starts feeding `port`: a snapshot of the store as it is now, then every step after it. */
  attach(port: MessagePort): void {
    // Steps not yet sent are in the snapshot: the ports that already follow get them first.
    this.flush();
    const message: OwnerMessage = { t: 'init', snapshot: this.store.snapshot(), seq: this.seqNow, header: this.header() };
    port.postMessage(message);
    this.ports.add(port);
  }

  /** Stops feeding `port`. */
  detach(port: MessagePort): void {
    this.ports.delete(port);
  }

  /** Stops following the store. */
  close(): void {
    this.unfollow();
    this.ports.clear();
  }

  /** Sends what was applied since the last message to every port. */
  flush(): void {
    this.flushQueued = false;
    this.closeRun();
    if (this.steps.length === 0) return;
    const message: OwnerMessage = { t: 'feed', steps: this.steps, seq: this.seqNow, header: this.header() };
    this.steps = [];
    for (const port of this.ports) port.postMessage(message);
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Ends the current run of entries as one step: one buffer and the entries' ends in it. */
  private closeRun(): void {
    if (this.run.length === 0) return;
    let total = 0;
    for (const e of this.run) total += e.length;
    const data = new Uint8Array(total);
    const ends: number[] = [];
    let at = 0;
    for (const e of this.run) {
      data.set(e, at);
      at += e.length;
      ends.push(at);
    }
    this.run = [];
    this.steps.push({ entries: { data, ends } });
  }
}
