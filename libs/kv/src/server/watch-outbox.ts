/**
 * What one Watch stream will write at the end of this turn of the event
 * loop. The store applies a batch of Raft entries in one go, one revision
 * after another, and hands every watcher each revision; written one by one,
 * a thousand agents registering together made a thousand revisions in a few
 * ticks, each a message to every watcher. grpc-js's writable buffer then
 * filled after 16 messages, the watchers paused, and each caught up from
 * history with events encoded for it alone: the members spent most of their
 * time there and lost their leader. The outbox holds what a watcher is
 * given during one turn and writes it as one response (etcd's own catch-up
 * sends many revisions in one response too): no revision is split, the
 * order per watcher is kept, and the events of each revision stay shared
 * between watchers (watch-encoding.ts).
 *
 * Bounded: once a stream holds MAX_HELD_EVENTS events, each watcher that
 * adds more is told to pause (it catches up from history later), so a
 * stream holds at most that plus one delivery per watcher; and a response carries at most MAX_RESPONSE_EVENTS events or
 * MAX_RESPONSE_BYTES of them unless one revision alone is larger.
 */
import type { etcdserverpb } from '@mgmt/proto';
import type { WatchEvent } from '../types.js';
import type { SharedEventEncoder, WatchResponseOut } from './watch-encoding.js';

type ResponseHeader = etcdserverpb.ResponseHeader.$Properties;

/** Events a stream holds before it refuses more (the watcher pauses and catches up from history). */
export const MAX_HELD_EVENTS = 1000;
/** Events one response carries, unless one revision alone has more. */
export const MAX_RESPONSE_EVENTS = 1000;
/** Encoded event bytes one response carries, unless one revision alone has more (a client's default limit is 4 MiB). */
export const MAX_RESPONSE_BYTES = 1 << 20;

/** One response to be: the events of whole revisions for one watcher, oldest first. */
interface HeldResponse {
  readonly watchId: number;
  readonly batches: WatchEvent[][];
  revision: number;
  events: number;
  bytes: number;
}

/** Where the outbox writes: false when the stream's buffer is full. */
export interface OutboxStream {
  headerAt(revision: number): ResponseHeader;
  write(res: WatchResponseOut): boolean;
  /** After the end-of-turn flush (whether or not something was still held): paused watchers may go on if the buffer is not full. */
  onFlushed(): void;
}

/** The responses a Watch stream holds until the end of this turn; see the file comment. */
export class WatchOutbox {
  private held: HeldResponse[] = [];
  /** Each watcher's last held response, still open for more revisions. */
  private readonly open = new Map<number, HeldResponse>();
  private heldEvents = 0;
  /** A flush is queued (cleared when the stream closes: the queued task then does nothing). */
  private scheduled = false;

  /**
   * `schedule` runs the end-of-turn flush: the Watch service's shared
   * slices (turn-slices.ts), so a thousand streams' flushes do not hold the
   * event loop in one go; by default an immediate of its own.
   */
  constructor(
    private readonly encoder: SharedEventEncoder,
    private readonly stream: OutboxStream,
    private readonly schedule: (task: () => void) => void = (task) => setImmediate(task),
  ) {}

  /** Whether nothing is held. */
  get empty(): boolean {
    return this.held.length === 0;
  }

  /**
   * Holds the events of one revision (or of several, from history) for
   * watcher `watchId`, up to `revision`. Always takes them; false when the
   * stream now holds MAX_HELD_EVENTS or more (the watcher should pause).
   */
  add(watchId: number, events: WatchEvent[], revision: number): boolean {
    const bytes = this.encoder.eventBytes(events);
    let res = this.open.get(watchId);
    if (res === undefined || res.events + events.length > MAX_RESPONSE_EVENTS || res.bytes + bytes > MAX_RESPONSE_BYTES) {
      res = { watchId, batches: [], revision, events: 0, bytes: 0 };
      this.held.push(res);
      this.open.set(watchId, res);
    }
    res.batches.push(events);
    res.revision = revision;
    res.events += events.length;
    res.bytes += bytes;
    this.heldEvents += events.length;
    if (!this.scheduled) {
      this.scheduled = true;
      this.schedule(() => {
        if (!this.scheduled) return;
        this.scheduled = false;
        this.flush();
        this.stream.onFlushed();
      });
    }
    return this.heldEvents < MAX_HELD_EVENTS;
  }

  /** Forgets what watcher `watchId` holds (it was canceled: nothing more goes out for it). */
  drop(watchId: number): void {
    if (!this.open.delete(watchId)) return;
    this.held = this.held.filter((res) => {
      if (res.watchId !== watchId) return true;
      this.heldEvents -= res.events;
      return false;
    });
  }

  /** Writes everything held, in order (before any other response of the stream, and at the end of the turn). */
  flush(): void {
    const held = this.held;
    this.held = [];
    this.open.clear();
    this.heldEvents = 0;
    for (const res of held) this.stream.write(this.encoder.encodeMany(res.watchId, this.stream.headerAt(res.revision), res.batches));
  }

  /** Drops everything held (the stream closed). */
  clear(): void {
    this.scheduled = false;
    this.held = [];
    this.open.clear();
    this.heldEvents = 0;
  }
}
