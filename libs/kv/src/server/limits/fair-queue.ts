/**
 * Fair admission of requests between client connections, with a bound
 * instead of an unbounded queue (issue 21, "the tail at high concurrency").
 *
 * At most `maxInFlight` requests run at once (handed to the backend:
 * proposals through Raft, ReadIndex barriers, local reads). Past that,
 * each connection's requests wait in the connection's own FIFO, and a
 * freed slot goes to the connections in turn (round robin, one request
 * each), so a connection with a thousand requests waiting delays another
 * connection's one request by at most one request per busy connection,
 * not by the thousand. Past `maxQueued` waiting requests in all, a new one
 * is refused at once (the caller answers etcd's "too many requests"),
 * rather than the queue, the Raft log and the latency growing without
 * bound. Order within one connection is kept.
 *
 * Pure bookkeeping: no clock, no I/O; the server's interceptor
 * (admission-interceptor.ts) starts and finishes the calls.
 */
import { assert } from '../../assert.js';

/** The bounds of a FairQueue. */
export interface FairQueueLimits {
  /** Requests running at once, over all connections. */
  readonly maxInFlight: number;
  /** Requests waiting at once, over all connections; past it new ones are refused. */
  readonly maxQueued: number;
}

/**
 * Defaults: the queue is off (1,000,000 running at once: nothing ever
 * waits) until it has been proven under floods. With 1,024 running, a
 * single member flooded by 2,000 calls on one connection served 16 other
 * clients at p50 370 ms instead of 544 ms, but the flooding connection's
 * own calls failed (the client port's doing, since fixed: it dropped part
 * of an opening burst past 64 KiB), and an earlier version that
 * held calls before reading them wedged the member (see
 * connection-registry.ts). Opt in with `maxInFlight` (mgmt run
 * --max-requests-in-flight). 16,384 may wait.
 */
export const DEFAULT_FAIR_QUEUE_LIMITS: FairQueueLimits = { maxInFlight: 1_000_000, maxQueued: 16_384 };

/** A `maxInFlight` this high means the queue is off: the server's interceptor then skips it altogether (no per-call work). */
export const FAIR_QUEUE_OFF = DEFAULT_FAIR_QUEUE_LIMITS.maxInFlight;

/** A request waiting for its turn: `start` runs it (it must call `finish()` once when it ends). */
type Start = () => void;

/** Fair admission over connections of type K; see the file comment. */
export class FairQueue<K> {
  private running = 0;
  private waiting = 0;
  /** Connections with waiting requests, in turn order (a Map keeps insertion order: delete + set moves one to the back). */
  private readonly turns = new Map<K, Start[]>();
  /** startWaiting() is running (see there). */
  private starting = false;

  constructor(readonly limits: FairQueueLimits) {
    assert(Number.isSafeInteger(limits.maxInFlight) && limits.maxInFlight >= 1, 'maxInFlight is a positive integer');
    assert(Number.isSafeInteger(limits.maxQueued) && limits.maxQueued >= 0, 'maxQueued is a non-negative integer');
  }

  /**
   * A request of connection `conn`: runs `start` now when a slot is free and
   * nobody waits, else queues it behind the connection's earlier ones.
   * Returns false (nothing queued) when `maxQueued` requests already wait.
   */
  admit(conn: K, start: Start): boolean {
    if (this.running < this.limits.maxInFlight && this.waiting === 0) {
      this.running++;
      start();
      return true;
    }
    if (this.waiting >= this.limits.maxQueued) return false;
    const queue = this.turns.get(conn);
    if (queue) queue.push(start);
    else this.turns.set(conn, [start]);
    this.waiting++;
    return true;
  }

  /** A running request ended: its slot goes to the next connection in turn. */
  finish(): void {
    assert(this.running > 0, 'finish() without a running request');
    this.running--;
    this.startWaiting();
  }

  /**
   * Takes back a waiting request of `conn` that will never run (its call was
   * cancelled): false when it is not waiting (it already started).
   */
  withdraw(conn: K, start: Start): boolean {
    const queue = this.turns.get(conn);
    const at = queue ? queue.indexOf(start) : -1;
    if (!queue || at < 0) return false;
    queue.splice(at, 1);
    this.waiting--;
    if (queue.length === 0) this.turns.delete(conn);
    return true;
  }

  /** Requests running now. */
  get inFlight(): number {
    return this.running;
  }

  /** Requests waiting now. */
  get queued(): number {
    return this.waiting;
  }

  /** Connections with requests waiting now. */
  get waitingConnections(): number {
    return this.turns.size;
  }

  /**
   * Starts waiting requests while slots are free. Not re-entrant: a request
   * that ends as soon as it starts (a call already past its deadline is
   * answered at once) calls finish() from inside start(), and that
   * finish() only frees its slot for this loop to fill. Starting the next
   * one from there nested a frame per request: a flood of 2,000 calls past
   * their deadline overflowed the stack part-way through, and the slots and
   * budgets of the calls it cut short were never given back.
   */
  private startWaiting(): void {
    if (this.starting) return;
    this.starting = true;
    try {
      while (this.running < this.limits.maxInFlight && this.waiting > 0) {
        const [conn, queue] = this.turns.entries().next().value as [K, Start[]];
        const start = queue.shift()!;
        this.turns.delete(conn);
        if (queue.length > 0) this.turns.set(conn, queue);
        this.waiting--;
        this.running++;
        start();
      }
    } finally {
      this.starting = false;
    }
  }
}
