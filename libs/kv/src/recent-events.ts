import type { WatchEvent } from './types.js';

/** Events the cache holds at most, over all signatures. */
export const RECENT_EVENTS_MAX = 50_000;
/** Key and value bytes the cache's events hold at most (their encodings, cached by the Watch service, are about as large). */
export const RECENT_BYTES_MAX = 32 * 1024 * 1024;

const NONE: readonly WatchEvent[] = Object.freeze([]);

/** One signature's recent revisions. */
interface SignatureEvents {
  /** Every revision from this one on is recorded (one with no entry had no events for the signature). */
  since: number;
  readonly byRevision: Map<number, WatchEvent[]>;
  /** Watchers with this signature; the entry is dropped with the last. */
  watchers: number;
}

/** One recorded revision, oldest first, for eviction. */
interface Entry {
  readonly signature: string;
  readonly revision: number;
  readonly events: number;
  readonly bytes: number;
}

function sizeOf(events: readonly WatchEvent[]): number {
  let bytes = 0;
  for (const e of events) bytes += (e.kv?.key?.length ?? 0) + (e.kv?.value?.length ?? 0) + (e.prevKv?.value?.length ?? 0);
  return bytes;
}

/**
 * The events arrays the watch hub built for its live watchers, kept for the
 * last revisions by signature (range and filters). A watcher that fell
 * behind catches up from them: it is handed the very arrays the live
 * watchers got, so the Watch service's encodings of them (cached by array)
 * serve every watcher that catches up over the same revisions. Without it,
 * a thousand agents falling behind together each had every event built and
 * encoded again for it alone, and a member spent most of its time there.
 *
 * Bounded by RECENT_EVENTS_MAX events and RECENT_BYTES_MAX bytes, oldest
 * revisions dropped first; what is not here is read from the store's
 * history as before.
 */
export class RecentEvents {
  private readonly signatures = new Map<string, SignatureEvents>();
  private readonly entries: Entry[] = [];
  private head = 0;
  private events = 0;
  private bytes = 0;

  constructor(
    private readonly maxEvents = RECENT_EVENTS_MAX,
    private readonly maxBytes = RECENT_BYTES_MAX,
  ) {}

  /** A watcher of `signature` was registered when the store was at `revision`: revisions after it will be recorded. */
  addWatcher(signature: string, revision: number): void {
    const s = this.signatures.get(signature);
    if (s === undefined) this.signatures.set(signature, { since: revision + 1, byRevision: new Map(), watchers: 1 });
    else s.watchers++;
  }

  /** A watcher of `signature` is gone; with the last, its revisions are forgotten. */
  removeWatcher(signature: string): void {
    const s = this.signatures.get(signature);
    if (s === undefined) return;
    if (--s.watchers > 0) return;
    this.signatures.delete(signature);
    for (const events of s.byRevision.values()) {
      this.events -= events.length;
      this.bytes -= sizeOf(events);
    }
  }

  /** Records the events `signature` got at `revision` (the hub calls this once per signature and revision, in order). */
  record(signature: string, revision: number, events: WatchEvent[]): void {
    const s = this.signatures.get(signature);
    if (s === undefined || events.length === 0 || revision < s.since) return;
    const bytes = sizeOf(events);
    s.byRevision.set(revision, events);
    this.entries.push({ signature, revision, events: events.length, bytes });
    this.events += events.length;
    this.bytes += bytes;
    this.evict();
  }

  /**
   * The events `signature` got at `revision`: the shared array, an empty one
   * when it got none, or undefined when that revision is not covered.
   */
  at(signature: string, revision: number): readonly WatchEvent[] | undefined {
    const s = this.signatures.get(signature);
    if (s === undefined || revision < s.since) return undefined;
    return s.byRevision.get(revision) ?? NONE;
  }

  /** Forgets every revision (the store was restored: its history is another). */
  reset(revision: number): void {
    for (const s of this.signatures.values()) {
      s.byRevision.clear();
      s.since = revision + 1;
    }
    this.entries.length = 0;
    this.head = 0;
    this.events = 0;
    this.bytes = 0;
  }

  /** Events held (for tests). */
  get size(): number {
    return this.events;
  }

  private evict(): void {
    // Entries of dropped signatures count too, so the queue stays bounded when watchers come and go.
    while ((this.events > this.maxEvents || this.bytes > this.maxBytes || this.entries.length - this.head > this.maxEvents) && this.head < this.entries.length) {
      const e = this.entries[this.head++]!;
      const s = this.signatures.get(e.signature);
      // An entry of a signature since dropped (or reset) counts no more.
      if (s === undefined || s.byRevision.get(e.revision) === undefined || e.revision < s.since) continue;
      s.byRevision.delete(e.revision);
      s.since = e.revision + 1;
      this.events -= e.events;
      this.bytes -= e.bytes;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }
}
