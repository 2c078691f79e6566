/**
 * MemoryStorage: the in-memory Storage used by the core's tests, the
 * simulator and the benchmark. Array-based, like etcd's: ents[0] is a dummy
 * entry at the snapshot/compaction point holding its index and term.
 */
import { ErrCompacted, ErrInvariant, ErrSnapOutOfDate, ErrUnavailable } from './errors.js';
import type { ReadWriteStorage, InitialState } from './storage.js';
import {
  EMPTY_BYTES,
  EntryType,
  emptyHardState,
  emptySnapshot,
  entrySize,
  type ConfState,
  type Entry,
  type HardState,
  type Snapshot,
} from './types.js';

export function limitSize(ents: Entry[], maxBytes: number): Entry[] {
  if (ents.length === 0 || maxBytes === Infinity) return ents;
  let size = entrySize(ents[0]!);
  let limit = 1;
  for (; limit < ents.length; limit++) {
    size += entrySize(ents[limit]!);
    if (size > maxBytes) break;
  }
  return limit === ents.length ? ents : ents.slice(0, limit);
}

function cloneConfState(cs: ConfState): ConfState {
  return {
    voters: [...cs.voters],
    learners: [...cs.learners],
    votersOutgoing: [...cs.votersOutgoing],
    learnersNext: [...cs.learnersNext],
    autoLeave: cs.autoLeave,
  };
}

export class MemoryStorage implements ReadWriteStorage {
  private hardState: HardState = emptyHardState();
  private snap: Snapshot = emptySnapshot();
  /** ents[0] is the dummy entry at the snapshot point. */
  private ents: Entry[] = [{ term: 0, index: 0, type: EntryType.ENTRY_NORMAL, data: EMPTY_BYTES }];

  initialState(): InitialState {
    return { hardState: { ...this.hardState }, confState: cloneConfState(this.snap.metadata.confState) };
  }

  /** The currently persisted hard state (for tests and the simulator). */
  getHardState(): HardState {
    return { ...this.hardState };
  }

  setHardState(hs: HardState): void {
    this.hardState = { term: hs.term, vote: hs.vote, commit: hs.commit };
  }

  private offset(): number {
    return this.ents[0]!.index;
  }

  entries(lo: number, hi: number, maxBytes: number): Entry[] {
    const offset = this.offset();
    if (lo <= offset) throw new ErrCompacted();
    if (hi > this.lastIndex() + 1) throw new ErrUnavailable();
    if (lo >= hi) return [];
    // Only the dummy entry: nothing to return.
    if (this.ents.length === 1) throw new ErrUnavailable();
    return limitSize(this.ents.slice(lo - offset, hi - offset), maxBytes);
  }

  term(i: number): number {
    const offset = this.offset();
    if (i < offset) throw new ErrCompacted();
    if (i - offset >= this.ents.length) throw new ErrUnavailable();
    return this.ents[i - offset]!.term;
  }

  lastIndex(): number {
    return this.ents[0]!.index + this.ents.length - 1;
  }

  firstIndex(): number {
    return this.ents[0]!.index + 1;
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  applySnapshot(snap: Snapshot): void {
    const idx = this.snap.metadata.index;
    if (idx >= snap.metadata.index) throw new ErrSnapOutOfDate();
    this.snap = snap;
    this.ents = [{ term: snap.metadata.term, index: snap.metadata.index, type: EntryType.ENTRY_NORMAL, data: EMPTY_BYTES }];
  }

  /** Persists one Ready (the driver's save): snapshot, then entries, then hard state. */
  saveReady(s: { hardState?: HardState | undefined; entries: readonly Entry[]; snapshot?: Snapshot | undefined }): void {
    if (s.snapshot) this.applySnapshot(s.snapshot);
    if (s.entries.length > 0) this.append(s.entries);
    if (s.hardState) this.setHardState(s.hardState);
  }

  createSnapshot(index: number, confState: ConfState | undefined, data: Uint8Array): Snapshot {
    if (index <= this.snap.metadata.index) throw new ErrSnapOutOfDate();
    const offset = this.offset();
    if (index > this.lastIndex()) throw new ErrInvariant(`snapshot ${index} is out of bound lastindex(${this.lastIndex()})`);
    const term = this.ents[index - offset]!.term;
    const cs = confState ? cloneConfState(confState) : cloneConfState(this.snap.metadata.confState);
    this.snap = { data, metadata: { index, term, confState: cs } };
    return this.snap;
  }

  compact(compactIndex: number): void {
    const offset = this.offset();
    if (compactIndex <= offset) throw new ErrCompacted();
    if (compactIndex > this.lastIndex()) throw new ErrInvariant(`compact ${compactIndex} is out of bound lastindex(${this.lastIndex()})`);
    const i = compactIndex - offset;
    const dummy: Entry = { term: this.ents[i]!.term, index: this.ents[i]!.index, type: EntryType.ENTRY_NORMAL, data: EMPTY_BYTES };
    const rest = this.ents.slice(i + 1);
    rest.unshift(dummy);
    this.ents = rest;
  }

  append(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    const first = this.firstIndex();
    const last = entries[0]!.index + entries.length - 1;
    if (last < first) return; // all compacted already
    let ents = entries;
    if (first > entries[0]!.index) ents = entries.slice(first - entries[0]!.index);
    const offset = ents[0]!.index - this.offset();
    if (offset > this.ents.length) {
      throw new ErrInvariant(`missing log entry [last: ${this.lastIndex()}, append at: ${ents[0]!.index}]`);
    }
    if (offset < this.ents.length) this.ents.length = offset; // truncate conflicting tail
    for (let k = 0; k < ents.length; k++) this.ents.push(ents[k]!);
  }
}
