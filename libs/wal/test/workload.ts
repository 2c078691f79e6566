/**
 * A seeded, Raft-shaped workload for the WAL tests: appends (sometimes
 * overwriting an uncommitted suffix with a newer term), hard-state changes,
 * local snapshots followed by compaction, and snapshots from a leader. It
 * is generated against a MemoryStorage model, and records the model's
 * state after every operation so a test can tell what a recovered WAL is
 * allowed to hold.
 */
import { EntryType, MemoryStorage, Rng, type Entry, type HardState, type Snapshot } from '@mgmt/raft';
import type { DurableStorage, WalSave } from '../src/index.js';

/** One step of the workload. */
export type WorkloadOp = { kind: 'save'; rd: WalSave } | { kind: 'snapshot'; index: number; data: Uint8Array };

/** Everything a storage must agree on, in comparable form. */
export interface Digest {
  hardState: HardState;
  snapshot: { index: number; term: number; voters: number[]; data: number[] };
  firstIndex: number;
  lastIndex: number;
  entries: string[];
}

interface ReadableStorage {
  firstIndex(): number;
  lastIndex(): number;
  entries(lo: number, hi: number, maxBytes: number): Entry[];
  snapshot(): Snapshot;
}

/** A comparable picture of a storage's state. */
export function digest(s: ReadableStorage, hardState: HardState): Digest {
  const snap = s.snapshot();
  const first = s.firstIndex();
  const last = s.lastIndex();
  const entries = last >= first ? s.entries(first, last + 1, Infinity) : [];
  return {
    hardState: { ...hardState },
    snapshot: { index: snap.metadata.index, term: snap.metadata.term, voters: [...snap.metadata.confState.voters], data: [...snap.data] },
    firstIndex: first,
    lastIndex: last,
    entries: entries.map((e) => `${e.index}/${e.term}/${e.type}/${[...e.data].join(',')}`),
  };
}

/** Applies one op to the model. */
export function applyToModel(m: MemoryStorage, op: WorkloadOp): void {
  if (op.kind === 'snapshot') {
    m.createSnapshot(op.index, undefined, op.data);
    m.compact(op.index);
    return;
  }
  if (op.rd.snapshot) m.applySnapshot(op.rd.snapshot);
  if (op.rd.entries) m.append(op.rd.entries);
  if (op.rd.hardState) m.setHardState(op.rd.hardState);
}

/** Applies one op to a DurableStorage opened with io: 'sync'. */
export function applyToStorage(s: DurableStorage, op: WorkloadOp): void {
  if (op.kind === 'snapshot') {
    s.createSnapshot(op.index, undefined, op.data);
    s.compact(op.index);
  } else {
    s.saveSync(op.rd);
  }
}

/** A generated workload: ops[i] takes the model from allowed[i] to allowed[i + 1]. */
export interface Workload {
  ops: WorkloadOp[];
  /** State after i ops. */
  states: Digest[];
  /**
   * Extra states allowed when a crash interrupts op i (besides states[i] and
   * states[i + 1]): a leader's snapshot whose file reached the disk before
   * the record carrying the new hard state did.
   */
  extra: Map<number, Digest>;
}

const CONF = { voters: [1, 2, 3], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };

function entry(index: number, term: number, rng: Rng): Entry {
  const data = new Uint8Array(1 + rng.int(24));
  for (let i = 0; i < data.byteLength; i++) data[i] = rng.int(256);
  return { index, term, type: rng.int(10) === 0 ? EntryType.ENTRY_CONF_CHANGE : EntryType.ENTRY_NORMAL, data };
}

/** Generates `count` ops from `seed`. */
export function generateWorkload(seed: number, count: number): Workload {
  const rng = new Rng(seed);
  const m = new MemoryStorage();
  const states: Digest[] = [digest(m, m.getHardState())];
  const ops: WorkloadOp[] = [];
  const extra = new Map<number, Digest>();
  let term = 1;
  for (let i = 0; i < count; i++) {
    const hs = m.getHardState();
    const last = m.lastIndex();
    const snapIndex = m.snapshot().metadata.index;
    const roll = rng.int(100);
    let op: WorkloadOp;
    if (roll < 60) {
      // Append, sometimes overwriting the uncommitted suffix under a newer term (Raft §5.3).
      let start = last + 1;
      if (rng.int(4) === 0 && last > hs.commit) {
        start = hs.commit + 1 + rng.int(last - hs.commit);
        term++;
      }
      const n = 1 + rng.int(4);
      const ents = Array.from({ length: n }, (_, k) => entry(start + k, term, rng));
      const newLast = start + n - 1;
      const commit = Math.min(newLast, hs.commit + rng.int(3));
      op = { kind: 'save', rd: { entries: ents, hardState: { term, vote: 1 + rng.int(3), commit } } };
    } else if (roll < 70) {
      term++;
      op = { kind: 'save', rd: { hardState: { term, vote: rng.int(4), commit: hs.commit } } };
    } else if (roll < 88 && hs.commit > snapIndex) {
      const index = snapIndex + 1 + rng.int(hs.commit - snapIndex);
      op = { kind: 'snapshot', index, data: new Uint8Array([index % 256, rng.int(256)]) };
    } else {
      // A leader's snapshot ahead of our log, under a term at least as new as our last entry.
      if (rng.int(2) === 0) term++;
      const index = last + 1 + rng.int(5);
      const snapTerm = Math.max(term, m.term(last));
      const snapshot = { data: new Uint8Array([index % 256, 7]), metadata: { index, term: snapTerm, confState: CONF } };
      op = { kind: 'save', rd: { snapshot, hardState: { term, vote: hs.vote, commit: index } } };
      const hybrid = new MemoryStorage();
      hybrid.applySnapshot(snapshot);
      extra.set(i, digest(hybrid, { term: hs.term, vote: hs.vote, commit: index }));
    }
    applyToModel(m, op);
    ops.push(op);
    states.push(digest(m, m.getHardState()));
  }
  return { ops, states, extra };
}
