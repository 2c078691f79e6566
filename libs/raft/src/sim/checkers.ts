/**
 * Safety checkers run by the simulator after every step (and on every
 * persist, apply and election):
 *  - election safety: at most one leader per term;
 *  - log matching: two persisted entries with the same index and term are
 *    identical and so are their predecessors (hence whole prefixes);
 *  - leader completeness: a new leader holds every committed entry;
 *  - state machine safety: no two nodes apply different entries at an index;
 *  - no committed entry is ever lost: a node holding a committed entry never
 *    overwrites it, and a snapshot never contradicts the committed log.
 * Linearizability of client operations is checked on the history
 * (linearizability.ts).
 */
import { coreOf } from '../internal.js';
import type { Role } from '../raft.js';
import type { RawNode } from '../rawnode.js';
import type { Storage } from '../storage.js';
import type { Entry, Snapshot } from '../types.js';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.byteLength !== b.byteLength) return false;
  for (let k = 0; k < a.byteLength; k++) if (a[k] !== b[k]) return false;
  return true;
}

interface LogRecord {
  data: Uint8Array;
  prevTerm: number;
  type: number;
}

export class SafetyChecker {
  readonly violations: string[] = [];
  private readonly leaders = new Map<number, number>();
  private readonly logRecords = new Map<string, LogRecord>();
  /** committedTerm[i] / committedData[i]: the entry applied at index i (applied implies committed). */
  readonly committedTerm: number[] = [];
  private readonly committedData: Uint8Array[] = [];
  maxCommitted = 0;
  /** Called the first time any node applies index i. */
  onNewCommitted: ((e: Entry) => void) | undefined;

  private fail(msg: string): void {
    this.violations.push(msg);
  }

  get ok(): boolean {
    return this.violations.length === 0;
  }

  /** Election safety; call after every step for every live node. */
  observeRole(id: number, role: Role, term: number): void {
    if (role !== 'leader') return;
    const prev = this.leaders.get(term);
    if (prev === undefined) this.leaders.set(term, id);
    else if (prev !== id) this.fail(`election safety: two leaders in term ${term}: ${prev} and ${id}`);
  }

  /** Leader completeness; call when a node becomes leader. */
  onBecomeLeader(id: number, raw: RawNode): void {
    const c = this.maxCommitted;
    if (c === 0) return;
    const log = coreOf(raw).raftLog;
    if (c < log.firstIndex() - 1) return; // compacted into a snapshot at or after c
    const t = log.zeroTermOnErr(c);
    if (t !== this.committedTerm[c]) {
      this.fail(`leader completeness: leader ${id} of term ${raw.term} has term ${t} at committed index ${c} (committed term ${this.committedTerm[c]})`);
    }
  }

  /** Before persisting entries on a node: a node holding a committed entry must never overwrite it. */
  beforeAppend(id: number, storage: Storage, ents: readonly Entry[]): void {
    if (ents.length === 0) return;
    const first = ents[0]!.index;
    const oldLast = storage.lastIndex();
    const hi = Math.min(oldLast, this.maxCommitted, first + ents.length - 1);
    for (let i = Math.max(first, storage.firstIndex()); i <= hi; i++) {
      const oldT = storage.term(i);
      const newT = ents[i - first]!.term;
      if (oldT === this.committedTerm[i] && newT !== oldT) {
        this.fail(`committed entry lost: node ${id} overwrote committed entry ${i} (term ${oldT}) with term ${newT}`);
        return;
      }
    }
  }

  /** After persisting entries: log matching. */
  afterAppend(id: number, storage: Storage, ents: readonly Entry[]): void {
    for (const e of ents) {
      if (e.index < storage.firstIndex()) continue;
      const prevTerm = storage.term(e.index - 1);
      const key = `${e.index}:${e.term}`;
      const rec = this.logRecords.get(key);
      if (!rec) {
        this.logRecords.set(key, { data: e.data, prevTerm, type: e.type });
        continue;
      }
      if (rec.prevTerm !== prevTerm || rec.type !== e.type || !bytesEqual(rec.data, e.data)) {
        this.fail(`log matching: node ${id} has a different entry or predecessor at index ${e.index} term ${e.term}`);
        return;
      }
    }
  }

  /** State machine safety on apply. */
  onApply(id: number, e: Entry): void {
    const t = this.committedTerm[e.index];
    if (t === undefined) {
      if (e.index > this.maxCommitted + 1 && this.maxCommitted > 0 && this.committedTerm[e.index - 1] === undefined) {
        // Applied with a gap nobody else filled: record anyway.
      }
      this.committedTerm[e.index] = e.term;
      this.committedData[e.index] = e.data;
      if (e.index > this.maxCommitted) this.maxCommitted = e.index;
      this.onNewCommitted?.(e);
      return;
    }
    if (t !== e.term || !bytesEqual(this.committedData[e.index]!, e.data)) {
      this.fail(`state machine safety: node ${id} applied a different entry at index ${e.index} (term ${e.term}, others applied term ${t})`);
    }
  }

  /** A snapshot must agree with the committed log. */
  onSnapshot(id: number, s: Snapshot): void {
    const i = s.metadata.index;
    const t = this.committedTerm[i];
    if (t !== undefined && t !== s.metadata.term) {
      this.fail(`snapshot safety: node ${id} installed a snapshot at ${i} term ${s.metadata.term}, committed term there is ${t}`);
    }
  }
}
