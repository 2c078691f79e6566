import { mvccpb } from '@mgmt/proto';
import type { KeyRecord } from './key-history.js';
import { inRange, toKeyRange, type KeyRange } from './keys.js';
import type { Change, Mvcc } from './mvcc.js';
import { RecentEvents } from './recent-events.js';
import type { KeyValue, WatchEvent } from './types.js';

const { PUT, DELETE } = mvccpb.Event.EventType;

/** Events per delivery when catching up from history (a revision is never split). */
const CATCH_UP_BATCH_EVENTS = 1000;

/** What to watch. */
export interface WatchOptions {
  key: Uint8Array;
  rangeEnd?: Uint8Array | null;
  /** First revision to deliver; 0 or absent: the next one. */
  startRevision?: number | null;
  prevKv?: boolean | null;
  noPut?: boolean;
  noDelete?: boolean;
}

/** What a watcher hands its sink: events of whole revisions, or that its start was compacted. */
export type WatchDelivery =
  | { readonly kind: 'events'; readonly events: WatchEvent[]; readonly revision: number }
  | { readonly kind: 'compacted'; readonly compactRevision: number };

/**
 * Receives deliveries in revision order. Returning false means "I am full":
 * the watcher stops delivering and falls behind until `resume()`, then
 * catches up from the store's history (nothing is lost unless compacted).
 */
export type WatchSink = (delivery: WatchDelivery) => boolean;

/** A registered watch. */
export interface Watcher {
  /** The next revision this watcher will deliver. */
  readonly nextRevision: number;
  /** Whether it stopped because its sink was full. */
  readonly paused: boolean;
  /** Stops the watcher for good. */
  cancel(): void;
  /** Catches up after the sink had been full, then goes on live. */
  resume(): void;
}

class WatcherImpl implements Watcher {
  /** The first revision to deliver (a watch may start in the future). */
  startRevision = 0;
  /** While paused: the next revision to deliver once resumed. */
  resumeRevision = 0;
  paused = false;
  heldForRestore = false;
  canceled = false;
  readonly range: KeyRange;
  readonly prevKv: boolean;
  readonly noPut: boolean;
  readonly noDelete: boolean;
  /** Watchers with the same signature get the same events: the hub builds them once and hands them the same array. */
  readonly signature: string;

  constructor(
    private readonly hub: WatchHub,
    options: WatchOptions,
    readonly sink: WatchSink,
  ) {
    this.range = toKeyRange(options.key, options.rangeEnd);
    this.prevKv = Boolean(options.prevKv);
    this.noPut = Boolean(options.noPut);
    this.noDelete = Boolean(options.noDelete);
    const r = this.range;
    this.signature = `${this.prevKv ? 1 : 0}${this.noPut ? 1 : 0}${this.noDelete ? 1 : 0}${r.single ? 1 : 0}${r.start.length}:${r.start}${r.end ?? '\0'}${r.end === null ? 0 : 1}`;
  }

  get nextRevision(): number {
    return this.paused ? this.resumeRevision : Math.max(this.startRevision, this.hub.revision + 1);
  }

  cancel(): void {
    if (this.canceled) return;
    this.canceled = true;
    this.hub.remove(this);
  }

  resume(): void {
    if (this.canceled || !this.paused) return;
    this.hub.resume(this);
  }

  wants(record: KeyRecord): boolean {
    return record.tombstone ? !this.noDelete : !this.noPut;
  }

  event(record: KeyRecord, prev: KeyRecord | undefined): WatchEvent {
    const type = record.tombstone ? DELETE : PUT;
    return this.prevKv && prev !== undefined ? { type, kv: record as KeyValue, prevKv: prev as KeyValue } : { type, kv: record as KeyValue };
  }
}

/** The events of one revision for every watcher of one signature, and the last change added to them. */
interface SharedEvents {
  events: WatchEvent[];
  lastIndex: number;
}

/**
 * The store's watchers: which key ranges they watch and where each is in
 * the history. Live changes go to watchers that are caught up; a watcher
 * created at an old revision, or one whose sink was full, first catches up
 * from the history, so each watcher sees every revision in order, once.
 */
export class WatchHub {
  private readonly singles = new Map<string, Set<WatcherImpl>>();
  private readonly ranges = new Set<WatcherImpl>();
  private count = 0;
  /** The events arrays live watchers got, by signature: a watcher catching up gets the same ones (recent-events.ts). */
  private readonly recent = new RecentEvents();

  constructor(private readonly mvcc: Mvcc) {}

  /** The number of watchers. */
  get size(): number {
    return this.count;
  }

  /** The number of watchers paused by a full sink (slow consumers); walks every watcher. */
  pausedCount(): number {
    return this.all().filter((w) => w.paused).length;
  }

  /** The store's revision. */
  get revision(): number {
    return this.mvcc.revision;
  }

  /** Registers a watcher; history since its start revision is delivered before this returns. */
  watch(options: WatchOptions, sink: WatchSink): Watcher {
    const w = new WatcherImpl(this, options, sink);
    const start = options.startRevision ?? 0;
    w.startRevision = start > 0 ? start : this.mvcc.revision + 1;
    if (w.range.single) {
      let set = this.singles.get(w.range.start);
      if (set === undefined) this.singles.set(w.range.start, (set = new Set()));
      set.add(w);
    } else {
      this.ranges.add(w);
    }
    this.count++;
    this.recent.addWatcher(w.signature, this.mvcc.revision);
    if (w.startRevision <= this.mvcc.revision) this.catchUp(w, w.startRevision);
    return w;
  }

  /** Unregisters a watcher. */
  remove(w: WatcherImpl): void {
    const removed = w.range.single ? this.singles.get(w.range.start)?.delete(w) : this.ranges.delete(w);
    if (!removed) return;
    if (w.range.single && this.singles.get(w.range.start)?.size === 0) this.singles.delete(w.range.start);
    this.count--;
    this.recent.removeWatcher(w.signature);
  }

  /**
   * Delivers the changes of one revision to the watchers that are caught up.
   * Watchers of the same range and filters share one events array (built
   * once, never changed by a sink), so the Watch service encodes it once
   * for all of them (server/watch-encoding.ts).
   */
  onChanges(revision: number, changes: readonly Change[]): void {
    if (this.count === 0) return;
    const targets = new Map<WatcherImpl, WatchEvent[]>();
    const shared = new Map<string, SharedEvents>();
    for (const [index, c] of changes.entries()) {
      const singles = this.singles.get(c.key);
      if (singles) for (const w of singles) this.collect(targets, shared, w, c, index);
      for (const w of this.ranges) if (inRange(w.range, c.key)) this.collect(targets, shared, w, c, index);
    }
    for (const [signature, group] of shared) this.recent.record(signature, revision, group.events);
    for (const [w, events] of targets) {
      if (w.canceled || w.paused || w.startRevision > revision || events.length === 0) continue;
      if (!w.sink({ kind: 'events', events, revision })) this.pause(w, revision + 1);
    }
  }

  private pause(w: WatcherImpl, resumeRevision: number): void {
    w.paused = true;
    w.resumeRevision = resumeRevision;
  }

  /** Adds change number `index` to the events of `w`'s signature (once per signature) and makes `w` a target. */
  private collect(targets: Map<WatcherImpl, WatchEvent[]>, shared: Map<string, SharedEvents>, w: WatcherImpl, c: Change, index: number): void {
    let group = shared.get(w.signature);
    if (group === undefined) shared.set(w.signature, (group = { events: [], lastIndex: -1 }));
    if (group.lastIndex !== index) {
      group.lastIndex = index;
      if (w.wants(c.record)) group.events.push(w.event(c.record, c.prev));
    }
    targets.set(w, group.events);
  }

  /** Resumes a paused watcher: catches up from where it stopped. */
  resume(w: WatcherImpl): void {
    w.paused = false;
    this.catchUp(w, w.resumeRevision);
  }

  /**
   * Delivers history from `from` to now, then leaves the watcher live (or
   * paused, when its sink fills up). The recent revisions come as the arrays
   * live watchers of the same signature got (recent-events.ts); older ones
   * are built from the store's history for this watcher. Nothing is written
   * meanwhile: sinks must not write to the store synchronously.
   */
  private catchUp(w: WatcherImpl, from: number): void {
    if (from < this.mvcc.compactRevision) {
      w.sink({ kind: 'compacted', compactRevision: this.mvcc.compactRevision });
      w.cancel();
      return;
    }
    const now = this.mvcc.revision;
    let events: WatchEvent[] = [];
    for (let revision = from; revision <= now; revision++) {
      const recent = this.recent.at(w.signature, revision);
      if (recent !== undefined) {
        // Built events of earlier revisions go first; then the shared array, as it is.
        if (events.length > 0 && !this.deliverCaughtUp(w, events, revision - 1)) return;
        events = [];
        if (recent.length > 0 && !this.deliverCaughtUp(w, recent as WatchEvent[], revision)) return;
        continue;
      }
      this.mvcc.forEachChangeAt(revision, (key, record, prev) => {
        if (inRange(w.range, key) && w.wants(record)) events.push(w.event(record, prev));
      });
      if (events.length === 0 || (events.length < CATCH_UP_BATCH_EVENTS && revision < now)) continue;
      if (!this.deliverCaughtUp(w, events, revision)) return;
      events = [];
    }
  }

  /** Hands a catching-up watcher the events up to `revision`; false when it stopped (canceled, or paused: its sink is full). */
  private deliverCaughtUp(w: WatcherImpl, events: WatchEvent[], revision: number): boolean {
    const full = !w.sink({ kind: 'events', events, revision });
    if (w.canceled) return false;
    if (full) {
      // What is delivered went out; the rest waits for resume().
      this.pause(w, revision + 1);
      return false;
    }
    return true;
  }

  /** Before a restore: every live watcher stops where it is. */
  beforeRestore(): void {
    for (const w of this.all()) {
      if (w.paused || w.canceled) continue;
      this.pause(w, w.nextRevision);
      w.heldForRestore = true;
    }
  }

  /** After a restore: the watchers stopped by beforeRestore catch up from where they were. */
  afterRestore(): void {
    this.recent.reset(this.mvcc.revision);
    for (const w of this.all()) {
      if (!w.heldForRestore) continue;
      w.heldForRestore = false;
      if (!w.canceled) this.resume(w);
    }
  }

  private all(): WatcherImpl[] {
    const all = [...this.ranges];
    for (const set of this.singles.values()) all.push(...set);
    return all;
  }
}
