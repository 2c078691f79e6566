import type { ServerDuplexStream, UntypedServiceImplementation } from '@grpc/grpc-js';
import { etcdserverpb } from '@mgmt/proto';
import type { Watcher, WatchDelivery } from '../watch-hub.js';
import type { EtcdBackend } from './backend.js';
import type { ConnectionBudget } from './limits/connection-budget.js';
import { TOO_MANY_REQUESTS_REASON } from './limits/limit-reasons.js';
import type { ErrorLog, Headers } from './rpc.js';
import type { KeyValueBytes } from './key-value-bytes.js';
import { SharedEventEncoder, type WatchResponseOut } from './watch-encoding.js';
import { WatchOutbox } from './watch-outbox.js';
import { TurnSlices } from './turn-slices.js';

type WatchRequest = etcdserverpb.WatchRequest;
type WatchResponse = WatchResponseOut;
type WatchCreateRequest = etcdserverpb.WatchCreateRequest.$Properties;

const { NOPUT, NODELETE } = etcdserverpb.WatchCreateRequest.FilterType;

/** etcd's message when a client reuses a watch id on a stream. */
const DUPLICATE_ID_REASON = 'mvcc: duplicate watch ID provided on the WatchStream';
/** Watchers one stream may hold (etcd has no limit; we bound it, and the connection's budget bounds all its streams together). */
const MAX_WATCHERS_PER_STREAM = 10_000;

/** Options of the Watch service. */
export interface WatchServiceOptions {
  /** The server's KeyValue encodings, shared with the KV service (key-value-bytes.ts). */
  readonly kvBytes?: KeyValueBytes;
  /** How often watchers created with progress_notify hear the revision when idle (etcd: 10 minutes). */
  readonly progressNotifyIntervalMs: number;
  /** Called with every open stream so the server can end them on close. */
  readonly track: (stream: { end(): void }) => () => void;
  /** With auth: whether the stream's caller may watch a range (checked when each watcher is created). */
  readonly mayWatch?: (call: object, req: WatchCreateRequest) => Promise<boolean>;
  /** The budget of the stream's connection (limits/connection-registry.ts): each watcher holds one of its `watches`. */
  readonly budgetOf?: (call: ServerDuplexStream<WatchRequest, WatchResponse>) => ConnectionBudget | undefined;
}

/** etcd's cancel reason for a watch its user may not read (the text of its gRPC error; etcdctl prints it). */
const PERMISSION_DENIED_REASON = 'rpc error: code = PermissionDenied desc = etcdserver: permission denied';

/**
 * etcdserverpb.Watch: one bidi stream carries many watchers. A created
 * response goes out before the watcher's first events. The events a watcher
 * is given during one turn of the event loop go out together as one
 * response at its end (watch-outbox.ts). When the stream's buffer is full
 * the watchers pause and catch up from the store's history on 'drain', so a
 * slow client costs bounded memory and loses nothing.
 */
export function watchHandlers(backend: EtcdBackend, headers: Headers, log: ErrorLog, options: WatchServiceOptions): UntypedServiceImplementation {
  const encoder = new SharedEventEncoder(options.kvBytes);
  const slices = new TurnSlices((error) => log('watch flush failed', error));
  return {
    Watch: (call: ServerDuplexStream<WatchRequest, WatchResponse>) => {
      new WatchStream(backend, headers, log, options, call, encoder, slices);
    },
  };
}

class WatchStream {
  private readonly watchers = new Map<number, { watcher: Watcher; progressNotify: boolean; sentSinceTick: boolean }>();
  private nextId = 0;
  private closed = false;
  private progressPending = false;
  private readonly timer: NodeJS.Timeout;
  private readonly untrack: () => void;
  private readonly budget: ConnectionBudget | undefined;
  private readonly outbox: WatchOutbox;
  /** A write found the stream's buffer full: watchers pause until 'drain'. */
  private full = false;
  /** A watcher was asked to pause since the last resume: some may be paused. */
  private refused = false;

  constructor(
    private readonly backend: EtcdBackend,
    private readonly headers: Headers,
    private readonly log: ErrorLog,
    private readonly options: WatchServiceOptions,
    private readonly call: ServerDuplexStream<WatchRequest, WatchResponse>,
    private readonly encoder: SharedEventEncoder,
    slices: TurnSlices,
  ) {
    this.timer = setInterval(() => this.onProgressTick(), options.progressNotifyIntervalMs);
    this.timer.unref();
    this.untrack = options.track({ end: () => this.close(true) });
    this.budget = options.budgetOf?.(call);
    this.outbox = new WatchOutbox(encoder, {
      headerAt: (revision) => this.headers.at(revision),
      write: (res) => this.write(res),
      onFlushed: () => {
        if (!this.full) this.resumePaused();
      },
    }, (task) => slices.enqueue(task));
    call.on('data', (req: WatchRequest) => this.onRequest(req));
    call.on('drain', () => this.onDrain());
    call.on('end', () => this.close(true));
    call.on('cancelled', () => this.close(false));
    call.on('error', () => this.close(false));
    call.on('close', () => this.close(false));
  }

  private onRequest(req: WatchRequest): void {
    if (this.closed) return;
    try {
      if (req.createRequest && this.options.mayWatch) this.createIfPermitted(req.createRequest, this.options.mayWatch);
      else if (req.createRequest) this.create(req.createRequest);
      else if (req.cancelRequest) this.cancel(req.cancelRequest.watchId ?? 0);
      else if (req.progressRequest) this.progress();
    } catch (error) {
      this.log('watch request failed', error);
    }
  }

  /**
   * etcd checks read permission when a watcher is created and answers a
   * refusal with a created-and-canceled response. Requests are handled in
   * order: later ones wait for this check.
   */
  private createIfPermitted(req: WatchCreateRequest, mayWatch: (call: object, req: WatchCreateRequest) => Promise<boolean>): void {
    this.call.pause();
    mayWatch(this.call, req)
      .then(
        (ok) => {
          if (this.closed) return;
          if (ok) this.create(req);
          else this.send({ header: this.headers.at(), watchId: req.watchId ?? 0, created: true, canceled: true, cancelReason: PERMISSION_DENIED_REASON });
        },
        (error: unknown) => this.log('watch request failed', error),
      )
      .finally(() => this.call.resume());
  }

  private create(req: WatchCreateRequest): void {
    let id = req.watchId ?? 0;
    if (id === 0 || id === -1) {
      while (this.watchers.has(this.nextId)) this.nextId++;
      id = this.nextId++;
    }
    if (this.watchers.has(id)) {
      this.send({ header: this.headers.at(), watchId: id, created: true, canceled: true, cancelReason: DUPLICATE_ID_REASON });
      return;
    }
    // Over a limit: etcd's answer to a watch it cannot create (created and canceled, the error as the reason).
    if (this.watchers.size >= MAX_WATCHERS_PER_STREAM || (this.budget && !this.budget.tryAcquire('watches'))) {
      this.send({ header: this.headers.at(), watchId: id, created: true, canceled: true, cancelReason: TOO_MANY_REQUESTS_REASON });
      return;
    }
    this.send({ header: this.headers.at(), watchId: id, created: true });
    const filters = req.filters ?? [];
    const entry = { watcher: undefined as unknown as Watcher, progressNotify: Boolean(req.progressNotify), sentSinceTick: false };
    this.watchers.set(id, entry);
    entry.watcher = this.backend.store.watch(
      {
        key: req.key ?? new Uint8Array(),
        rangeEnd: req.rangeEnd,
        startRevision: req.startRevision,
        prevKv: req.prevKv,
        noPut: filters.includes(NOPUT),
        noDelete: filters.includes(NODELETE),
      },
      (d) => this.deliver(id, d),
    );
  }

  private deliver(id: number, d: WatchDelivery): boolean {
    if (this.closed) return true;
    const entry = this.watchers.get(id);
    if (entry) entry.sentSinceTick = true;
    if (d.kind === 'compacted') {
      if (this.watchers.delete(id)) this.budget?.release('watches');
      this.send({ header: this.headers.at(), watchId: id, compactRevision: d.compactRevision, canceled: true });
      return true;
    }
    // Taken in any case (the hub counts it delivered); false asks the watcher to pause.
    const more = this.outbox.add(id, d.events, d.revision) && !this.full;
    if (!more) this.refused = true;
    return more;
  }

  private cancel(id: number): void {
    const entry = this.watchers.get(id);
    if (!entry) return;
    entry.watcher.cancel();
    this.outbox.drop(id);
    this.watchers.delete(id);
    this.budget?.release('watches');
    this.send({ header: this.headers.at(), watchId: id, canceled: true });
  }

  /** etcd answers a progress request with the current revision and watch id -1, once every watcher is caught up. */
  private progress(): void {
    if ([...this.watchers.values()].some((e) => e.watcher.paused)) {
      this.progressPending = true;
      return;
    }
    this.send({ header: this.headers.at(), watchId: -1 });
  }

  private onProgressTick(): void {
    for (const [id, entry] of this.watchers) {
      if (entry.progressNotify && !entry.sentSinceTick && !entry.watcher.paused) this.send({ header: this.headers.at(), watchId: id });
      entry.sentSinceTick = false;
    }
  }

  private onDrain(): void {
    this.full = false;
    this.resumePaused();
  }

  /** Paused watchers catch up (the buffer drained, or the outbox they found full went out). */
  private resumePaused(): void {
    if (!this.refused) return;
    this.refused = false;
    for (const entry of [...this.watchers.values()]) {
      if (this.closed) return;
      if (this.full) {
        // The rest wait for 'drain'.
        this.refused = true;
        return;
      }
      entry.watcher.resume();
    }
    if (this.progressPending && ![...this.watchers.values()].some((e) => e.watcher.paused)) {
      this.progressPending = false;
      this.send({ header: this.headers.at(), watchId: -1 });
    }
  }

  /** Writes a response after the events held for this turn (so a watcher's events precede its cancel or progress). */
  private send(res: WatchResponse): void {
    if (this.closed) return;
    if (!this.outbox.empty) this.outbox.flush();
    this.write(res);
  }

  /** Writes to the stream; false when its buffer is full (watchers then pause until 'drain'). */
  private write(res: WatchResponse): boolean {
    if (this.closed) return true;
    const takesMore = this.call.write(res);
    if (!takesMore) this.full = true;
    return takesMore;
  }

  private close(endCall: boolean): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.outbox.clear();
    this.untrack();
    for (const entry of this.watchers.values()) entry.watcher.cancel();
    if (this.watchers.size > 0) this.budget?.release('watches', this.watchers.size);
    this.watchers.clear();
    if (endCall) {
      try {
        this.call.end();
      } catch {
        // the stream is already gone
      }
    }
  }
}
