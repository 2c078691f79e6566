/**
 * One watch on `/_mgmt/` per agent, through its ClusterClient: a full read
 * first, then a Watch stream from the revision after it. When the stream
 * breaks (the member died, the endpoints changed as this host became or
 * stopped being a member) it is opened again on the next endpoint from the
 * last revision seen; only when that revision was compacted does it read
 * everything again. Batches go to `onBatch` in order (see mgmt-mirror.ts).
 */
import type { etcdserverpb, mvccpb } from '@mgmt/proto';
import type { ClusterClient, DuplexCall, KeyValue } from '../cluster/cluster-client.js';
import { prefixRangeEnd } from '../cluster/prefix.js';
import type { Logger } from '../log.js';
import type { KeyEvent, WatchBatch } from './mgmt-mirror.js';

const enc = new TextEncoder();
const dec = new TextDecoder();
/** Waits between attempts while no endpoint answers: doubles from the first to the last. */
const RETRY_MS_MIN = 100;
const RETRY_MS_MAX = 2_000;

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
    this.closeCall();
  }

  /**
   * Re-opens the stream from the last revision seen (the endpoints changed:
   * this host's own member started or stopped). A stream on an endpoint
   * that is still first in line is kept.
   */
  resume(): void {
    if (this.stopped) return;
    if (this.call && this.url === this.client.endpoint) return;
    this.closeCall();
    clearTimeout(this.timer);
    void this.open();
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
    const key = enc.encode(this.prefix);
    const broken = (why: string) => {
      if (this.call !== call) return;
      this.call = undefined;
      this.url = undefined;
      this.client.failOver(url);
      this.log.debug({ url, why }, 'watch stream broke; resuming from the last revision on the next endpoint');
      this.retry();
    };
    call.on('data', (res) => {
      if (this.call !== call) return;
      this.retryMs = RETRY_MS_MIN;
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
    });
    call.on('error', (err) => broken(err.details || err.message));
    call.on('end', () => broken('stream ended'));
    call.write({ createRequest: { key, rangeEnd: prefixRangeEnd(key), startRevision: this.revision + 1 } });
  }
}
