/**
 * ReplayLog: the log as the WAL's records rebuild it during recovery. Pure.
 * Appending at an index at or below the last one discards the tail from
 * there (a leader overwrote a conflicting suffix); a snapshot reset empties
 * the log at the snapshot's index.
 */
import type { Entry } from '@mgmt/raft';

/** Why an append could not be replayed. */
export class ReplayGapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReplayGapError';
  }
}

export class ReplayLog {
  private entriesList: Entry[] = [];

  /** Term at the offset; undefined once an append reached below the first segment's start. */
  private offsetTermValue: number | undefined;

  constructor(
    private offsetIndex: number,
    offsetTerm: number,
  ) {
    this.offsetTermValue = offsetTerm;
  }

  /** Index just below the first entry (the snapshot or segment start). */
  get offset(): number {
    return this.offsetIndex;
  }


  get entries(): readonly Entry[] {
    return this.entriesList;
  }

  lastIndex(): number {
    return this.offsetIndex + this.entriesList.length;
  }

  lastTerm(): number | undefined {
    return this.termAt(this.lastIndex());
  }

  /** Term at index i, or undefined if i is outside [offset, lastIndex]. */
  termAt(i: number): number | undefined {
    if (i === this.offsetIndex) return this.offsetTermValue;
    if (i < this.offsetIndex || i > this.lastIndex()) return undefined;
    return this.entriesList[i - this.offsetIndex - 1]!.term;
  }

  /** Appends contiguous entries, discarding any existing tail from the first one's index. */
  append(ents: readonly Entry[]): void {
    if (ents.length === 0) return;
    const first = ents[0]!.index;
    if (first > this.lastIndex() + 1) throw new ReplayGapError(`entry ${first} does not follow the last entry ${this.lastIndex()}`);
    for (let k = 1; k < ents.length; k++) {
      if (ents[k]!.index !== first + k) throw new ReplayGapError(`entries are not contiguous at ${ents[k]!.index}`);
    }
    if (first <= this.offsetIndex) {
      // The oldest replayed segment started inside an uncommitted suffix that this
      // append overwrote: the log now starts at the append (older segments, which
      // held the term before it, were removed behind a snapshot at or above it).
      this.offsetIndex = first - 1;
      this.offsetTermValue = undefined;
      this.entriesList = [];
    } else {
      this.entriesList.length = first - this.offsetIndex - 1;
    }
    for (const e of ents) this.entriesList.push(e);
  }

  /** The log restarts empty at (index, term): a snapshot replaced it. */
  reset(index: number, term: number): void {
    this.offsetIndex = index;
    this.offsetTermValue = term;
    this.entriesList = [];
  }

  /** Keeps only entries after `index`, which must be within the log; `index` becomes the offset. */
  dropThrough(index: number): void {
    const term = this.termAt(index);
    if (term === undefined) throw new ReplayGapError(`cannot drop through ${index}: its term is not in the log (${this.offsetIndex}..${this.lastIndex()})`);
    this.entriesList = this.entriesList.slice(index - this.offsetIndex);
    this.offsetIndex = index;
    this.offsetTermValue = term;
  }
}
