/**
 * The part every carrier shares: the member table, one bounded queue per
 * peer, the size limit, the inbox, unreachable reports and counters. A
 * carrier (tcp, nats, worker) subclasses it and only moves bytes: it writes
 * from `link.queue` in `flush`, and calls `deliver` for what it receives.
 */
import { assert, MessageTooLargeError } from './errors.js';
import { Inbox } from './inbox.js';
import { isMemberId, resolveCommonOptions } from './options.js';
import type { CommonTransportOptions, ResolvedCommonOptions, TransportLogger } from './options.js';
import { SendQueue } from './send-queue.js';
import type {
  InboundMessage,
  MessageHandler,
  PeerStats,
  SendResult,
  Transport,
  TransportStats,
  UnreachableHandler,
} from './transport.js';

/** One peer as the base class sees it; carriers extend it with their link state. */
export class PeerLink {
  readonly queue: SendQueue;
  connected = false;
  removed = false;
  flushScheduled = false;
  /** The queue refused a message and has not taken one since (one report per episode). */
  queueFullEpisode = false;
  sentMessages = 0;
  sentBytes = 0;
  droppedQueueFull = 0;
  droppedLinkDown = 0;
  reconnects = 0;
  unreachableReports = 0;

  constructor(
    readonly id: number,
    public address: string,
    maxMessages: number,
    maxBytes: number,
  ) {
    this.queue = new SendQueue(maxMessages, maxBytes);
  }

  /** Records one message handed to the carrier. */
  countSent(bytes: number): void {
    this.sentMessages += 1;
    this.sentBytes += bytes;
  }

  /** A snapshot of the counters. */
  stats(): PeerStats {
    return {
      peerId: this.id,
      address: this.address,
      connected: this.connected,
      queuedMessages: this.queue.length,
      queuedBytes: this.queue.byteLength,
      sentMessages: this.sentMessages,
      sentBytes: this.sentBytes,
      droppedQueueFull: this.droppedQueueFull,
      droppedLinkDown: this.droppedLinkDown,
      reconnects: this.reconnects,
      unreachableReports: this.unreachableReports,
    };
  }
}

/** Shared implementation of Transport; carriers fill in the abstract methods. */
export abstract class BaseTransport<L extends PeerLink> implements Transport {
  abstract readonly kind: string;
  readonly localId: number;
  readonly maxMessageBytes: number;
  protected readonly options: ResolvedCommonOptions;
  protected readonly logger: TransportLogger;
  protected readonly links = new Map<number, L>();
  protected isClosed = false;
  protected isStarted = false;
  private readonly inbox: Inbox;
  private readonly unreachableHandlers = new Set<UnreachableHandler>();
  private receivedMessages = 0;
  private receivedBytes = 0;
  private droppedUnknownPeer = 0;
  private refusedTooLarge = 0;
  private closing: Promise<void> | undefined;

  protected constructor(options: CommonTransportOptions) {
    this.options = resolveCommonOptions(options);
    this.localId = this.options.localId;
    this.maxMessageBytes = this.options.maxMessageBytes;
    this.logger = this.options.logger;
    this.inbox = new Inbox(this.options.maxInboxMessages);
  }

  /** Makes the carrier's link object for a new peer. */
  protected abstract createLink(id: number, address: string): L;
  /** Writes queued messages of `link` while the carrier can take them. */
  protected abstract flush(link: L): void;
  /** Tears down a removed peer's link (sockets, timers). */
  protected abstract destroyLink(link: L): void;
  /** Starts listening / subscribing. */
  protected abstract startCarrier(): Promise<void>;
  /** Stops the carrier; links are already destroyed. */
  protected abstract closeCarrier(): Promise<void>;
  /** The address of an existing peer changed; default: nothing to do. */
  protected onAddressChanged(_link: L): void {}
  /** Drops what the carrier itself still holds for `link` (a socket's buffer); default: nothing. */
  protected discardCarried(_link: L): void {}

  /** Drops every message to `id` not yet delivered (see Transport.discardUnsent). Unknown ids are ignored. */
  discardUnsent(id: number): void {
    const link = this.links.get(id);
    if (link === undefined) return;
    link.droppedLinkDown += link.queue.clear();
    this.discardCarried(link);
  }

  async start(): Promise<void> {
    assert(!this.isClosed, 'start after close');
    if (this.isStarted) return;
    await this.startCarrier();
    this.isStarted = true;
    for (const link of this.links.values()) if (link.queue.length > 0) this.flush(link);
  }

  send(to: number, bytes: Uint8Array): SendResult {
    if (bytes.byteLength > this.maxMessageBytes) {
      this.refusedTooLarge += 1;
      throw new MessageTooLargeError(bytes.byteLength, this.maxMessageBytes);
    }
    if (this.isClosed) return 'closed';
    const link = this.links.get(to);
    if (link === undefined) {
      this.droppedUnknownPeer += 1;
      return 'unknown-peer';
    }
    if (!link.queue.push(bytes)) {
      link.droppedQueueFull += 1;
      if (!link.queueFullEpisode) {
        // A full queue means the peer is not keeping up: let Raft fall back to probing it.
        link.queueFullEpisode = true;
        this.logger.debug({ peerId: to, queued: link.queue.length }, 'send queue full; dropping');
        this.reportUnreachable(link);
      }
      return 'queue-full';
    }
    link.queueFullEpisode = false;
    if (this.isStarted) this.scheduleFlush(link);
    return 'queued';
  }

  /**
   * Flushes `link` once the current synchronous burst of sends is over (a
   * microtask), so a Raft Ready's messages to one peer leave in one write.
   */
  protected scheduleFlush(link: L): void {
    if (link.flushScheduled) return;
    link.flushScheduled = true;
    queueMicrotask(() => {
      link.flushScheduled = false;
      if (!link.removed && !this.isClosed) this.flush(link);
    });
  }

  onMessage(handler: MessageHandler): () => void {
    return this.inbox.setHandler(handler);
  }

  onUnreachable(handler: UnreachableHandler): () => void {
    this.unreachableHandlers.add(handler);
    return () => this.unreachableHandlers.delete(handler);
  }

  [Symbol.asyncIterator](): AsyncIterator<InboundMessage> {
    return this.inbox.iterate();
  }

  addPeer(id: number, address: string): void {
    assert(isMemberId(id), `peer id must be a positive safe integer, got ${String(id)}`);
    assert(id !== this.localId, `cannot add self (${id}) as a peer`);
    if (this.isClosed) return;
    const existing = this.links.get(id);
    if (existing !== undefined) {
      if (existing.address !== address) {
        existing.address = address;
        this.onAddressChanged(existing);
      }
      return;
    }
    this.links.set(id, this.createLink(id, address));
  }

  removePeer(id: number): void {
    const link = this.links.get(id);
    if (link === undefined) return;
    this.links.delete(id);
    link.removed = true;
    link.queue.clear();
    this.destroyLink(link);
  }

  peers(): number[] {
    return [...this.links.keys()];
  }

  stats(): TransportStats {
    return {
      kind: this.kind,
      localId: this.localId,
      receivedMessages: this.receivedMessages,
      receivedBytes: this.receivedBytes,
      droppedInboxFull: this.inbox.dropped,
      droppedUnknownPeer: this.droppedUnknownPeer,
      refusedTooLarge: this.refusedTooLarge,
      peers: [...this.links.values()].map((link) => link.stats()),
    };
  }

  close(): Promise<void> {
    if (this.closing === undefined) {
      this.isClosed = true;
      this.closing = (async () => {
        for (const id of [...this.links.keys()]) this.removePeer(id);
        this.inbox.close();
        this.unreachableHandlers.clear();
        await this.closeCarrier();
      })();
    }
    return this.closing;
  }

  /** Hands one received message to the application. */
  protected deliver(from: number, bytes: Uint8Array): void {
    if (this.isClosed) return;
    this.receivedMessages += 1;
    this.receivedBytes += bytes.byteLength;
    this.inbox.push({ from, bytes });
  }

  /** Tells listeners that `link`'s peer is unreachable. */
  protected reportUnreachable(link: L): void {
    if (this.isClosed || link.removed) return;
    link.unreachableReports += 1;
    for (const handler of this.unreachableHandlers) {
      try {
        handler(link.id);
      } catch (cause) {
        this.logger.warn({ peerId: link.id, err: String(cause) }, 'unreachable handler threw');
      }
    }
  }
}
