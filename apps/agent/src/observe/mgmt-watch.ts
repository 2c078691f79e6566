/**
 * One watch on `/_mgmt/` per agent, through its ClusterClient: a full read
 * first, then a Watch stream from the revision after it. When the stream
 * breaks (the member died, the endpoints changed as this host became or
 * stopped being a member) it is opened again on the next endpoint from the
 * last revision seen; only when that revision was compacted does it read
 * everything again. Batches go to `onBatch` in order (see mgmt-mirror.ts).
 *
 * A stream can also go quiet without breaking: a member cut off by a
 * partition (a half-open connection), or one that lost its leader, answers
 * nothing and closes nothing. The agent therefore reports each write of its
 * own under the prefix (`expect`): a stream that has not shown it, nor any
 * later revision than before, within STALE_MS is taken for stale and
 * resumed on the next endpoint, from the last revision seen (never a gap;
 * at worst a needless reconnect). A stream that shows progress but not yet
 * the write is catching up on a busy member: it stays, since moving it
 * would start its catch-up over on another one.
 *
 * A call of the same client that fails (a busy member times out a
 * keep-alive) moves the stream only once it has shown nothing for STALE_MS
 * (at once if it has been quiet that long already): under a fleet's load,
 * moving every watch at every timed-out call restarted each one's catch-up
 * from history on another member before it arrived, so the watches of
 * hundreds of agents went nowhere and the members did little else. A
 * member cut off from the rest shows nothing, so its watch still moves.
 *
 * An agent that writes nothing has no write to expect: on its local tick
 * (`probe`) a stream that has shown nothing for SILENT_MS is asked for its
 * progress (etcd's WatchProgressRequest, answered once the stream's
 * watchers are caught up). One that answers nothing within STALE_MS is
 * resumed on the next endpoint, as a stale one is. In one 1,000-agent run
 * nine agents' streams went silent after the fleet's start and stayed so
 * until the agents restarted: agents that only wait write nothing.
 */
import type { etcdserverpb, mvccpb } from '@mgmt/proto';
import type { ClusterClient, DuplexCall, EndpointChange, KeyValue } from '../cluster/cluster-client.js';
import { prefixRangeEnd } from '../cluster/prefix.js';
import { listeningTimeout, type ListeningTimeout } from '../cluster/listening-timeout.js';
import type { Logger } from '../log.js';
import type { KeyEvent, WatchBatch } from './mgmt-mirror.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
/** Waits between attempts while no endpoint answers: doubles from the first to the last. */
const RETRY_MS_MIN = 100;
const RETRY_MS_MAX = 2_000;
/** How long a stream may take to show a write acknowledged under the prefix before it is taken for stale. */
export const STALE_MS = 3_000;
/** A stream that has shown nothing this long is asked for its progress (see `probe`). */
export const SILENT_MS = 30_000;

type WatchCall = DuplexCall<etcdserverpb.IWatchRequest, etcdserverpb.WatchResponse>;

function toKeyValue(kv: mvccpb.IKeyValue): KeyValue {
  return {
    key: dec.decode(kv.key ?? new Uint8Array()),
    value: dec.decode(kv.value ?? new Uint8Array()),
    lease: Number(kv.lease ?? 0),
    createRevision: Number(kv.createRevision ?? 0),
    modRevision: Number(kv.modRevision ?? 0),
  };
}

/** Follows a prefix with one watch; see the file comment. */
export class PrefixWatch {
  /** The last revision handed to `onBatch` (0: nothing yet, the next start reads everything). */
  revision = 0;
  private call: WatchCall | undefined;
  private url: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private retryMs = RETRY_MS_MIN;
  /** A full read is in flight (a resume meanwhile waits for it). */
  private reading = false;
  /** Streams opened (the first, and each resume): for tests and the fleet harness. */
  opened = 0;
  /** Full reads made (the first, and each after a compaction). */
  fullReads = 0;
  /** This watch is moving the client off an endpoint itself (its own retry follows; no resume meanwhile). */
  private failingOver = false;
  /** Streams given up because they did not show an acknowledged write in time. */
  staleResumes = 0;
  /** When the stream was opened or last showed a response (performance.now()). */
  private heardAtMs = 0;
  /** After a failover the stream stayed for: moves it once it has been quiet for STALE_MS. */
  private quietCheck: ListeningTimeout | undefined;
  /** A progress request's wait for an answer (see `probe`). */
  private probing: ListeningTimeout | undefined;
  /** The oldest write under the prefix acknowledged but not yet shown, and its check (timeouts that count only the time this process was listening: listening-timeout.ts). */
  private expected: { revision: number; timer: ListeningTimeout } | undefined;

  constructor(
    private readonly client: ClusterClient,
    private readonly prefix: string,
    private readonly onBatch: (batch: WatchBatch) => void,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.quietCheck?.cancel();
    this.quietCheck = undefined;
    this.probing?.cancel();
    this.probing = undefined;
    this.clearExpected();
    this.closeCall();
  }

  /**
   * The agent's tick: a stream that has shown nothing for SILENT_MS is asked
   * for its progress, and resumed on the next endpoint when nothing answers
   * within STALE_MS (see the file comment).
   */
  probe(): void {
    const { call, url } = this;
    if (this.stopped || call === undefined || url === undefined || this.probing !== undefined) return;
    if (performance.now() - this.heardAtMs < SILENT_MS) return;
    const askedAtMs = performance.now();
    call.write({ progressRequest: {} });
    this.probing = listeningTimeout(STALE_MS, () => {
      this.probing = undefined;
      if (this.stopped || this.call !== call || this.heardAtMs >= askedAtMs) return;
      this.staleResumes++;
      this.log.info({ url }, `watch on ${url} showed nothing for ${SILENT_MS} ms and did not answer a progress request in ${STALE_MS} ms; resuming on the next endpoint`);
      this.closeCall();
      this.failOverFrom(url);
      this.retry();
    });
  }

  /**
   * A write under the prefix was acknowledged at `revision`: the stream must
   * show it within STALE_MS, or at least show progress (a later revision
   * than when the wait began) in each STALE_MS until it does. A stream
   * still catching up on a busy member is behind, not stale: moving it
   * would start its catch-up again elsewhere.
   */
  expect(revision: number): void {
    if (this.stopped || revision <= this.revision || this.expected !== undefined) return;
    this.awaitShown(revision, this.revision);
  }

  private awaitShown(revision: number, seenAtStart: number): void {
    const timer = listeningTimeout(STALE_MS, () => {
      const url = this.url;
      this.expected = undefined;
      if (this.stopped || this.revision >= revision || this.call === undefined || url === undefined) return;
      if (this.revision > seenAtStart) return this.awaitShown(revision, this.revision);
      this.staleResumes++;
      this.log.info({ url, revision, seen: this.revision }, `watch on ${url} has not shown a write acknowledged at revision ${revision} after ${STALE_MS} ms; resuming on the next endpoint`);
      this.closeCall();
      this.failOverFrom(url);
      this.retry();
    });
    this.expected = { revision, timer };
  }

  /** Moves the client past `url` without resuming this watch from the change it announces. */
  private failOverFrom(url: string): void {
    this.failingOver = true;
    try {
      this.client.failOver(url);
    } finally {
      this.failingOver = false;
    }
  }

  private clearExpected(): void {
    this.expected?.timer.cancel();
    this.expected = undefined;
  }

  /**
   * Re-opens the stream from the last revision seen, on the endpoint now in
   * use: the endpoints changed (this host's own member started or stopped),
   * or a call failed over. A stream on that endpoint already is kept, and on
   * a failover so is one that opened or showed a response within STALE_MS.
   */
  resume(cause: EndpointChange = 'endpoints'): void {
    if (this.stopped || this.failingOver) return;
    if (this.call && this.url === this.client.endpoint) return;
    if (this.call && cause === 'failover' && performance.now() - this.heardAtMs < STALE_MS) return this.moveWhenQuiet();
    this.closeCall();
    clearTimeout(this.timer);
    void this.open();
  }

  /** Moves the stream to the endpoint in use once it has shown nothing for STALE_MS (unless it is on that endpoint again). */
  private moveWhenQuiet(): void {
    if (this.quietCheck !== undefined) return;
    this.quietCheck = listeningTimeout(
      Math.max(0, this.heardAtMs + STALE_MS - performance.now()),
      () => {
        this.quietCheck = undefined;
        if (this.stopped || this.failingOver || this.call === undefined || this.url === this.client.endpoint) return;
        if (performance.now() - this.heardAtMs < STALE_MS) return this.moveWhenQuiet();
        this.log.info({ url: this.url, to: this.client.endpoint }, `watch on ${this.url} quiet for ${STALE_MS} ms after the client failed over; resuming on ${this.client.endpoint}`);
        this.closeCall();
        clearTimeout(this.timer);
        void this.open();
      },
    );
  }

  private closeCall(): void {
    const call = this.call;
    this.call = undefined;
    this.url = undefined;
    try {
      call?.cancel();
    } catch {
      // already closed
    }
  }

  private retry(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.open(), this.retryMs);
    this.retryMs = Math.min(RETRY_MS_MAX, this.retryMs * 2);
  }

  private async open(): Promise<void> {
    if (this.stopped || this.call || this.reading) return;
    if (this.revision === 0) {
      this.reading = true;
      try {
        const { kvs, revision } = await this.client.getPrefixWithRevision(this.prefix);
        if (this.stopped) return;
        this.fullReads++;
        this.revision = revision;
        if (this.expected !== undefined && this.revision >= this.expected.revision) this.clearExpected();
        this.onBatch({ kind: 'snapshot', revision, kvs });
      } catch (err) {
        this.log.debug({ err: (err as Error).message }, 'reading /_mgmt/ failed; retrying');
        return this.retry();
      } finally {
        this.reading = false;
      }
    }
    if (this.stopped || this.call) return;
    const opened = this.client.openStream<etcdserverpb.IWatchRequest, etcdserverpb.WatchResponse>('watch');
    if (!opened) return this.retry();
    const { url, call } = opened;
    this.call = call;
    this.url = url;
    this.opened++;
    this.heardAtMs = performance.now();
    const key = enc.encode(this.prefix);
    const broken = (why: string) => {
      if (this.call !== call) return;
      this.call = undefined;
      this.url = undefined;
      this.failOverFrom(url);
      this.log.debug({ url, why }, 'watch stream broke; resuming from the last revision on the next endpoint');
      this.retry();
    };
    call.on('data', (res) => {
      if (this.call !== call) return;
      this.retryMs = RETRY_MS_MIN;
      this.heardAtMs = performance.now();
      if (res.canceled) {
        if (Number(res.compactRevision ?? 0) > 0) {
          // The revision to resume from is gone: read everything once more.
          this.log.info({ from: this.revision + 1, compacted: Number(res.compactRevision) }, 'watch start revision compacted; reading /_mgmt/ again');
          this.revision = 0;
        }
        this.closeCall();
        return this.retry();
      }
      const events: KeyEvent[] = (res.events ?? []).map((e) => ({ type: e.type === 1 ? 'delete' : 'put', kv: toKeyValue(e.kv ?? {}) }));
      if (events.length === 0) return;
      // Not the header's revision: a watcher still catching up gets later events at revisions below it.
      const last = Math.max(...events.map((e) => e.kv.modRevision ?? 0));
      this.onBatch({ kind: 'events', revision: last, events });
      this.revision = Math.max(this.revision, last);
      if (this.expected !== undefined && this.revision >= this.expected.revision) this.clearExpected();
    });
    call.on('error', (err) => broken(err.details || err.message));
    call.on('end', () => broken('stream ended'));
    call.write({ createRequest: { key, rangeEnd: prefixRangeEnd(key), startRevision: this.revision + 1 } });
  }
}
