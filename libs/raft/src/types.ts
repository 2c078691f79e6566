/**
 * Lean in-core shapes of the Raft wire messages. Every interface here is
 * structurally assignable to the matching `raftpb.*.$Properties` shape of
 * @mgmt/proto, so a transport can hand what the core emits straight to
 * `encodeMessage`. uint64 fields are plain numbers (< 2^53), bytes are
 * Uint8Array.
 */
import { ConfChangeType, EntryType, MessageType } from '@mgmt/proto';

export { ConfChangeType, EntryType, MessageType };

/** One log entry. */
export interface Entry {
  term: number;
  index: number;
  type: EntryType;
  data: Uint8Array;
}

/** What must be durable before a member answers or acknowledges anything. */
export interface HardState {
  term: number;
  vote: number;
  commit: number;
}

/**
 * The membership a snapshot (or the log) was taken at. This core uses
 * single-server changes, so votersOutgoing and learnersNext are always empty
 * and autoLeave false; the fields exist for wire compatibility.
 */
export interface ConfState {
  voters: number[];
  learners: number[];
  votersOutgoing: number[];
  learnersNext: number[];
  autoLeave: boolean;
}

export interface SnapshotMetadata {
  confState: ConfState;
  index: number;
  term: number;
}

export interface Snapshot {
  data: Uint8Array;
  metadata: SnapshotMetadata;
}

/** Every message between members travels as one of these. */
export interface Message {
  type: MessageType;
  to: number;
  from: number;
  term: number;
  logTerm: number;
  index: number;
  entries: Entry[];
  commit: number;
  snapshot?: Snapshot;
  reject: boolean;
  rejectHint: number;
  context?: Uint8Array;
}

/** A single membership change (the data of an ENTRY_CONF_CHANGE entry). */
export interface ConfChange {
  type: ConfChangeType;
  nodeId: number;
  context?: Uint8Array;
  id?: number;
}

export const EMPTY_BYTES: Uint8Array = new Uint8Array(0);

export function emptyHardState(): HardState {
  return { term: 0, vote: 0, commit: 0 };
}

export function emptyConfState(): ConfState {
  return { voters: [], learners: [], votersOutgoing: [], learnersNext: [], autoLeave: false };
}

export function emptySnapshot(): Snapshot {
  return { data: EMPTY_BYTES, metadata: { confState: emptyConfState(), index: 0, term: 0 } };
}

export function isEmptyHardState(hs: HardState): boolean {
  return hs.term === 0 && hs.vote === 0 && hs.commit === 0;
}

export function isEmptySnapshot(s: Snapshot | undefined): boolean {
  return s === undefined || s.metadata.index === 0;
}

export function hardStateEqual(a: HardState, b: HardState): boolean {
  return a.term === b.term && a.vote === b.vote && a.commit === b.commit;
}

/** Fixed per-entry overhead used for byte accounting (close to its protobuf framing). */
export const ENTRY_OVERHEAD = 12;

/** Bytes an entry counts for in flow control and size limits. */
export function entrySize(e: Entry): number {
  return e.data.byteLength + ENTRY_OVERHEAD;
}

/** Payload bytes only (used for the uncommitted-log limit, like etcd). */
export function payloadSize(e: Entry): number {
  return e.data.byteLength;
}

/** A message with every field at its zero value except those given. */
export function makeMessage(m: Partial<Message> & { type: MessageType }): Message {
  return {
    type: m.type,
    to: m.to ?? 0,
    from: m.from ?? 0,
    term: m.term ?? 0,
    logTerm: m.logTerm ?? 0,
    index: m.index ?? 0,
    entries: m.entries ?? [],
    commit: m.commit ?? 0,
    snapshot: m.snapshot,
    reject: m.reject ?? false,
    rejectHint: m.rejectHint ?? 0,
    context: m.context,
  };
}

/** Shape of a message as it may arrive from a decoder (every field optional, nulls allowed). */
export interface WireMessageLike {
  type?: MessageType | null;
  to?: number | null;
  from?: number | null;
  term?: number | null;
  logTerm?: number | null;
  index?: number | null;
  entries?: Array<{ term?: number | null; index?: number | null; type?: EntryType | null; data?: Uint8Array | null }> | null;
  commit?: number | null;
  snapshot?: {
    data?: Uint8Array | null;
    metadata?: {
      index?: number | null;
      term?: number | null;
      confState?: {
        voters?: number[] | null;
        learners?: number[] | null;
        votersOutgoing?: number[] | null;
        learnersNext?: number[] | null;
        autoLeave?: boolean | null;
      } | null;
    } | null;
  } | null;
  reject?: boolean | null;
  rejectHint?: number | null;
  context?: Uint8Array | null;
}

/** Normalises a decoded wire message (optional/null fields) into the core's Message. */
export function messageFromWire(w: WireMessageLike): Message {
  const entries: Entry[] = [];
  if (w.entries) {
    for (const e of w.entries) {
      entries.push({ term: e.term ?? 0, index: e.index ?? 0, type: e.type ?? EntryType.ENTRY_NORMAL, data: e.data ?? EMPTY_BYTES });
    }
  }
  let snapshot: Snapshot | undefined;
  if (w.snapshot) {
    const md = w.snapshot.metadata;
    const cs = md?.confState;
    snapshot = {
      data: w.snapshot.data ?? EMPTY_BYTES,
      metadata: {
        index: md?.index ?? 0,
        term: md?.term ?? 0,
        confState: {
          voters: cs?.voters ? [...cs.voters] : [],
          learners: cs?.learners ? [...cs.learners] : [],
          votersOutgoing: cs?.votersOutgoing ? [...cs.votersOutgoing] : [],
          learnersNext: cs?.learnersNext ? [...cs.learnersNext] : [],
          autoLeave: cs?.autoLeave ?? false,
        },
      },
    };
  }
  return {
    type: w.type ?? MessageType.MSG_HUP,
    to: w.to ?? 0,
    from: w.from ?? 0,
    term: w.term ?? 0,
    logTerm: w.logTerm ?? 0,
    index: w.index ?? 0,
    entries,
    commit: w.commit ?? 0,
    snapshot,
    reject: w.reject ?? false,
    rejectHint: w.rejectHint ?? 0,
    context: w.context && w.context.byteLength > 0 ? w.context : undefined,
  };
}
