/**
 * One ConnectionBudget per client connection (HTTP/2 session), enforced by
 * a grpc-js server interceptor: every unary call holds one `requests` and
 * every streaming call one `streams` of its connection's budget from its
 * metadata until its status (or its cancellation); past the limit the call
 * gets etcd's "too many requests" (RESOURCE_EXHAUSTED) and its handler
 * never runs. Handlers find the budget of their call (watchers, lease
 * grants) with `budgetOf(call)`. When the connection closes, its budget is
 * closed and forgotten, whatever its calls did.
 *
 * When the fair queue is on (fair-queue.ts; off by default), unary KV and
 * Lease calls also pass it between the connections: past `maxInFlight` running, a call's request message is
 * held back (so its handler does not start) until its connection's turn;
 * past `maxQueued` waiting it gets "too many requests" at once. The message
 * is held, not the metadata: grpc-js reads a call's bytes only once its
 * handler asks, and calls held unread kept HTTP/2's connection window full,
 * so the admitted calls' own bytes never came (a member wedged under a
 * flood of 2,000 calls on one connection). The half-close behind a held
 * message is held with it, and a queued call gives its turn and budget
 * back when its HTTP/2 stream closes at the latest: under a flood of calls
 * past their deadline, grpc-js's own notices missed some (turns were left
 * taken, and a handler saw a half-close without its message).
 *
 * The interceptor also guards each call's stream against a response that
 * can no longer be sent (respond-guard.ts), which grpc-js's deadline timer
 * would otherwise throw out of the process.
 *
 * grpc-js shows handlers no connection object, so the interceptor walks to
 * the innermost call of the chain and takes its HTTP/2 stream's session
 * (internal, but stable across grpc-js 1.x); a call whose session cannot
 * be found gets a budget of its own (limited per call, never shared).
 */
import { ServerInterceptingCall, type Metadata, type ServerInterceptor, type ServerListener, type status } from '@grpc/grpc-js';
import { Errors } from '../../errors.js';
import { ConnectionBudget, type ConnectionLimits, type LimitKind } from './connection-budget.js';
import { FAIR_QUEUE_OFF, FairQueue, type FairQueueLimits } from './fair-queue.js';
import { guardRespond, type RespondingStream } from './respond-guard.js';

/** A refusal, as the server reports it (to log once per connection and to count). */
export interface LimitRefusal {
  readonly kind: LimitKind;
  /** The client's address (host:port), as grpc-js gives it. */
  readonly peer: string;
  /** True for the connection's first refusal only. */
  readonly first: boolean;
}

/** Totals over the open connections (tests, metrics). */
export interface ConnectionTotals {
  readonly connections: number;
  readonly watches: number;
  readonly leases: number;
  readonly streams: number;
  readonly requests: number;
  /** Unary KV and Lease calls running past the fair queue, and waiting in it. */
  readonly admitted: number;
  readonly queued: number;
}

/** The unary calls that go through the fair queue: the request path (long waits such as Lock or Campaign never do). */
const KV_SERVICE = '/etcdserverpb.KV/';
const LEASE_SERVICE = '/etcdserverpb.Lease/';
/** The services whose handlers ask for their call's budget (budgetOf): only their metadata is remembered. */
const WATCH_SERVICE = '/etcdserverpb.Watch/';

interface SessionLike {
  once(event: 'close', fn: () => void): unknown;
  readonly closed?: boolean;
  readonly destroyed?: boolean;
}

interface StreamLike extends RespondingStream {
  once(event: 'close', fn: () => void): unknown;
  readonly session?: unknown;
}

/** The HTTP/2 stream under an intercepted call, if it can be found. */
function streamOf(call: unknown): StreamLike | undefined {
  let inner = call as { nextCall?: unknown; stream?: unknown };
  for (let depth = 0; inner.nextCall && depth < 32; depth++) inner = inner.nextCall as typeof inner;
  const stream = inner.stream as StreamLike | undefined;
  return stream && typeof stream.once === 'function' && typeof stream.respond === 'function' ? stream : undefined;
}

/** The HTTP/2 session of a call's stream, if it can be found. */
function sessionOf(stream: StreamLike | undefined): SessionLike | undefined {
  const session = stream?.session as SessionLike | undefined;
  return session && typeof session.once === 'function' ? session : undefined;
}

/** The connections of one server and their budgets; see the file comment. */
export class ConnectionRegistry {
  private readonly bySession = new WeakMap<object, ConnectionBudget>();
  private readonly byMetadata = new WeakMap<Metadata, ConnectionBudget>();
  private readonly open = new Set<ConnectionBudget>();
  private readonly fair: FairQueue<ConnectionBudget>;
  /** Whether calls pass the fair queue at all (off by default: FAIR_QUEUE_OFF). */
  private readonly fairOn: boolean;

  constructor(
    readonly limits: ConnectionLimits,
    private readonly onRefused: (refusal: LimitRefusal) => void,
    fairQueue: FairQueueLimits,
  ) {
    this.fair = new FairQueue(fairQueue);
    this.fairOn = fairQueue.maxInFlight < FAIR_QUEUE_OFF;
  }

  /** The budget of a handler's call (found through its metadata); undefined for a call the interceptor did not see. */
  budgetOf(call: { metadata: Metadata }): ConnectionBudget | undefined {
    return this.byMetadata.get(call.metadata);
  }

  /** Sums over the open connections. */
  totals(): ConnectionTotals {
    const t = { connections: this.open.size, watches: 0, leases: 0, streams: 0, requests: 0, admitted: this.fair.inFlight, queued: this.fair.queued };
    for (const b of this.open) {
      t.watches += b.count('watches');
      t.leases += b.count('leases');
      t.streams += b.count('streams');
      t.requests += b.count('requests');
    }
    return t;
  }

  /**
   * The interceptor that enforces the budgets (put it after the call
   * observer, so refusals are counted as handled). It runs on every call,
   * so it allocates little: plain listener and responder objects, no
   * message hook unless the fair queue is on, and a call's metadata is
   * remembered only for the Watch and Lease services that ask for it.
   */
  interceptor(): ServerInterceptor {
    return (method, call) => {
      const path = method.path;
      const kind = method.requestStream || method.responseStream ? 'streams' : 'requests';
      const lease = path.startsWith(LEASE_SERVICE);
      const queued = this.fairOn && kind === 'requests' && (lease || path.startsWith(KV_SERVICE));
      const remembered = lease || path.startsWith(WATCH_SERVICE);
      const stream = streamOf(call);
      if (stream) guardRespond(stream);
      const budget = this.budgetFor(call, stream);
      let held = false;
      // 'waiting' in the fair queue, 'running' past it, or neither.
      let turn: 'none' | 'waiting' | 'running' = 'none';
      let start: () => void = () => {};
      // The call has its status or was cancelled: a message read after that must not take a turn.
      let ended = false;
      const refuse = () => {
        const refused = Errors.tooManyRequests();
        call.sendStatus({ code: refused.code as status, details: refused.message });
      };
      const release = () => {
        // The turn is given up before the queue hears of it: finish() starts the
        // next waiting calls at once, and whatever they do must find this one done.
        const was = turn;
        turn = 'none';
        ended = true;
        if (was === 'running') this.fair.finish();
        else if (was === 'waiting') this.fair.withdraw(budget, start);
        if (!held) return;
        held = false;
        budget.release(kind);
      };
      const listener: ServerListener = {
        onReceiveMetadata: (metadata, mdNext) => {
          // Its stream closed already (see below): nothing to hold for a call that is over.
          if (ended) return;
          if (!budget.tryAcquire(kind)) return refuse();
          held = true;
          if (remembered) this.byMetadata.set(metadata, budget);
          mdNext(metadata);
        },
        onCancel: release,
      };
      if (queued) {
        // The half-close that follows a held message waits for it: the handler must never see one without the other.
        let halfClose: (() => void) | undefined;
        listener.onReceiveMessage = (message, messageNext) => {
          if (ended) return;
          if (turn !== 'none') return messageNext(message);
          start = () => {
            if (turn !== 'waiting') return;
            turn = 'running';
            messageNext(message);
            const next = halfClose;
            halfClose = undefined;
            next?.();
          };
          turn = 'waiting';
          if (this.fair.admit(budget, start)) return;
          turn = 'none';
          release();
          refuse();
        };
        listener.onReceiveHalfClose = (next) => {
          if (ended) return;
          if (turn === 'waiting') halfClose = next;
          else next();
        };
        // However the call ends (its status, a cancel, a deadline grpc-js answers itself, the
        // connection's end), its stream closes: the turn and the budget are given back then at
        // the latest. grpc-js's own notices miss some ends under a flood of expiring calls.
        if (stream) {
          if (stream.closed || stream.destroyed) release();
          else stream.once('close', release);
        }
      }
      return new ServerInterceptingCall(call, {
        start: (next) => next(listener),
        sendStatus: (s, next) => {
          release();
          next(s);
        },
      });
    };
  }

  private budgetFor(call: { getPeer(): string }, stream: StreamLike | undefined): ConnectionBudget {
    const session = sessionOf(stream);
    const existing = session && this.bySession.get(session);
    if (existing) return existing;
    let peer = 'unknown';
    try {
      peer = call.getPeer();
    } catch {
      // no address; the budget works without one
    }
    const budget = new ConnectionBudget(this.limits, (kind, first) => this.onRefused({ kind, peer, first }));
    if (!session) return budget;
    this.bySession.set(session, budget);
    this.open.add(budget);
    const close = () => {
      budget.close();
      this.open.delete(budget);
    };
    if (session.closed || session.destroyed) close();
    else session.once('close', close);
    return budget;
  }
}
