/**
 * The one Transport interface every Raft message carrier implements
 * (worker threads, NATS, direct TCP, and the fault-injection wrapper).
 *
 * A transport moves opaque bytes (an encoded `raftpb.Message`) from this
 * member to another member id. It promises per-pair FIFO order for what it
 * delivers, and nothing about delivery itself: Raft tolerates loss, so a full
 * queue or a dead peer drops the message and counts it instead of blocking
 * or growing without bound (Raft paper section 5.1: "messages may be lost").
 */

/** A message received from another member. */
export interface InboundMessage {
  /** Member id of the sender (a positive integer). */
  readonly from: number;
  /** The bytes exactly as the sender passed them to `send`. */
  readonly bytes: Uint8Array;
}

/** Receives inbound messages; called synchronously in arrival order. */
export type MessageHandler = (message: InboundMessage) => void;

/** Called with a peer id when that peer could not be reached (Raft's `reportUnreachable`). */
export type UnreachableHandler = (peerId: number) => void;

/**
 * What happened to one `send`:
 * - `queued`: accepted; it will be written when the link is up (not a delivery promise)
 * - `queue-full`: dropped, the peer's bounded queue is full (counted; the first
 *   drop of a run of them also reports the peer unreachable)
 * - `unknown-peer`: dropped, no such member was added (counted)
 * - `closed`: dropped, the transport is closed
 */
export type SendResult = 'queued' | 'queue-full' | 'unknown-peer' | 'closed';

/** Counters for one peer link. */
export interface PeerStats {
  readonly peerId: number;
  readonly address: string;
  /** True while a link to the peer is established. */
  readonly connected: boolean;
  readonly queuedMessages: number;
  readonly queuedBytes: number;
  readonly sentMessages: number;
  readonly sentBytes: number;
  readonly droppedQueueFull: number;
  /** Messages lost because the link broke while they were being written. */
  readonly droppedLinkDown: number;
  readonly reconnects: number;
  readonly unreachableReports: number;
}

/** Counters for the whole transport. */
export interface TransportStats {
  readonly kind: string;
  readonly localId: number;
  readonly receivedMessages: number;
  readonly receivedBytes: number;
  /** Inbound messages dropped because no handler took them and the inbox was full. */
  readonly droppedInboxFull: number;
  readonly droppedUnknownPeer: number;
  readonly refusedTooLarge: number;
  readonly peers: readonly PeerStats[];
}

/**
 * Carries encoded Raft messages between members.
 *
 * Ownership: `send` takes ownership of `bytes`; the caller must not modify or
 * reuse the array afterwards (the worker transport transfers its buffer).
 */
export interface Transport extends AsyncIterable<InboundMessage> {
  /** Which carrier this is: `worker`, `nats`, `tcp`, or a wrapper's name. */
  readonly kind: string;
  /** This member's id. */
  readonly localId: number;
  /** The largest message `send` accepts, in bytes. */
  readonly maxMessageBytes: number;

  /** Starts listening / subscribing. Sends before `start` are queued. */
  start(): Promise<void>;
  /**
   * Queues `bytes` for member `to`. Never blocks. Throws MessageTooLargeError
   * when `bytes.byteLength > maxMessageBytes`; every other failure is a result.
   */
  send(to: number, bytes: Uint8Array): SendResult;
  /**
   * Sets the handler for inbound messages (one at a time; a new one replaces
   * the old). Messages that arrived before any handler are delivered first,
   * from a bounded inbox. Returns a function that removes the handler.
   */
  onMessage(handler: MessageHandler): () => void;
  /** Adds a listener for unreachable peers. Returns a function that removes it. */
  onUnreachable(handler: UnreachableHandler): () => void;
  /** Adds or updates a member: `address` is its peer URL (ignored by carriers that route by id). */
  addPeer(id: number, address: string): void;
  /** Forgets a member, drops its queue and closes its link. Unknown ids are ignored. */
  removePeer(id: number): void;
  /**
   * Drops every message to `id` not yet delivered: the queue, and on a
   * connection the bytes its socket still holds (the connection is reset,
   * so none of them can arrive later). The next send dials again. Raft
   * calls it for a leader it no longer follows: a proposal it forwarded
   * during a partition must not reach that leader once the network heals.
   */
  discardUnsent?(id: number): void;
  /** Member ids currently known. */
  peers(): number[];
  /** Counters, for metrics and tests. */
  stats(): TransportStats;
  /** Stops everything (links, listeners, timers). Idempotent. */
  close(): Promise<void>;
}
