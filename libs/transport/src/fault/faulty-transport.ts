/**
 * Wraps any Transport with a NetworkFaults plan: outbound messages may be
 * blocked (partition), dropped, duplicated or delayed; inbound messages from a cut link
 * are discarded too, so a plan works even when only one side is wrapped.
 * A delayed message never overtakes an earlier one to the same peer unless
 * `reorder` is on. Faults look like a lossy network: `send` still says
 * `queued`.
 */
import { assert, MessageTooLargeError } from '../core/errors.js';
import { Inbox } from '../core/inbox.js';
import type { InboundMessage, MessageHandler, SendResult, Transport, TransportStats, UnreachableHandler } from '../core/transport.js';
import type { NetworkFaults } from './network-faults.js';

/** Options of the fault wrapper. */
export interface FaultyTransportOptions {
  /** Let delayed messages overtake each other. Default false. */
  reorder?: boolean;
  /** Bound on messages waiting out a delay; beyond it they are dropped. Default 10000. */
  maxDelayedMessages?: number;
  /** Bound on inbound messages held while no handler is set. Default 4096. */
  maxInboxMessages?: number;
}

/** A Transport whose network misbehaves on purpose. */
export class FaultyTransport implements Transport {
  readonly kind: string;
  readonly localId: number;
  readonly maxMessageBytes: number;
  private readonly inbox: Inbox;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly delayed = new Map<number, { dueMs: number; bytes: Uint8Array }[]>();
  private delayedCount = 0;
  private readonly reorder: boolean;
  private readonly maxDelayed: number;
  private droppedDelayFull = 0;
  private closed = false;

  constructor(
    readonly inner: Transport,
    readonly faults: NetworkFaults,
    options: FaultyTransportOptions = {},
  ) {
    this.kind = `faulty-${inner.kind}`;
    this.localId = inner.localId;
    this.maxMessageBytes = inner.maxMessageBytes;
    this.reorder = options.reorder ?? false;
    this.maxDelayed = options.maxDelayedMessages ?? 10_000;
    assert(this.maxDelayed > 0, 'maxDelayedMessages must be positive');
    this.inbox = new Inbox(options.maxInboxMessages ?? 4096);
    inner.onMessage((message) => {
      if (this.faults.allows(message.from, this.localId)) this.inbox.push(message);
    });
  }

  start(): Promise<void> {
    return this.inner.start();
  }

  send(to: number, bytes: Uint8Array): SendResult {
    if (bytes.byteLength > this.maxMessageBytes) {
      // Let the inner transport count and throw, so the error and counters are the real ones.
      this.inner.send(to, bytes);
      throw new MessageTooLargeError(bytes.byteLength, this.maxMessageBytes);
    }
    if (this.closed) return 'closed';
    if (!this.inner.peers().includes(to)) return this.inner.send(to, bytes);
    const fate = this.faults.decide(this.localId, to);
    if (fate === 'blocked' || fate === 'dropped') return 'queued';
    if (this.faults.duplicates(this.localId, to)) this.deliverOrDelay(to, bytes.slice(), fate);
    return this.deliverOrDelay(to, bytes, fate);
  }

  private deliverOrDelay(to: number, bytes: Uint8Array, fate: number): SendResult {
    // An undelayed message still waits behind delayed ones to the same peer, to keep order.
    if (fate === 0 && (this.reorder || !this.delayed.has(to))) return this.inner.send(to, bytes);
    return this.sendLater(to, bytes, fate);
  }

  private sendLater(to: number, bytes: Uint8Array, delayMs: number): SendResult {
    if (this.delayedCount >= this.maxDelayed) {
      this.droppedDelayFull += 1;
      return 'queue-full';
    }
    this.delayedCount += 1;
    const due = Date.now() + delayMs;
    if (this.reorder) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.delayedCount -= 1;
        if (!this.closed) this.inner.send(to, bytes);
      }, delayMs);
      timer.unref();
      this.timers.add(timer);
      return 'queued';
    }
    // In order: one FIFO per peer, released by one timer for its head (Node does
    // not promise that timers of different durations fire in due order).
    let fifo = this.delayed.get(to);
    if (fifo === undefined) {
      fifo = [];
      this.delayed.set(to, fifo);
    }
    const last = fifo[fifo.length - 1];
    fifo.push({ dueMs: Math.max(due, last?.dueMs ?? 0), bytes });
    if (fifo.length === 1) this.armPeerTimer(to);
    return 'queued';
  }

  private armPeerTimer(to: number): void {
    const head = this.delayed.get(to)?.[0];
    if (head === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const fifo = this.delayed.get(to) ?? [];
      const now = Date.now();
      while (fifo.length > 0 && (fifo[0]?.dueMs ?? Infinity) <= now) {
        const next = fifo.shift();
        this.delayedCount -= 1;
        if (next !== undefined && !this.closed) this.inner.send(to, next.bytes);
      }
      if (fifo.length === 0) this.delayed.delete(to);
      else this.armPeerTimer(to);
    }, Math.max(0, head.dueMs - Date.now()));
    timer.unref();
    this.timers.add(timer);
  }

  onMessage(handler: MessageHandler): () => void {
    return this.inbox.setHandler(handler);
  }

  onUnreachable(handler: UnreachableHandler): () => void {
    return this.inner.onUnreachable(handler);
  }

  [Symbol.asyncIterator](): AsyncIterator<InboundMessage> {
    return this.inbox.iterate();
  }

  addPeer(id: number, address: string): void {
    this.inner.addPeer(id, address);
  }

  removePeer(id: number): void {
    this.inner.removePeer(id);
  }

  /** Passes on to the real carrier; messages this wrapper delays stay delayed (a network does not give them back). */
  discardUnsent(id: number): void {
    this.inner.discardUnsent?.(id);
  }

  peers(): number[] {
    return this.inner.peers();
  }

  stats(): TransportStats & { faults: NetworkFaults['stats']; droppedDelayFull: number } {
    return { ...this.inner.stats(), kind: this.kind, droppedInboxFull: this.inbox.dropped, faults: { ...this.faults.stats }, droppedDelayFull: this.droppedDelayFull };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.delayed.clear();
    this.delayedCount = 0;
    this.inbox.close();
    await this.inner.close();
  }
}

/** Wraps `inner` so `faults` decides what its network does. */
export function withFaults(inner: Transport, faults: NetworkFaults, options?: FaultyTransportOptions): FaultyTransport {
  return new FaultyTransport(inner, faults, options);
}
