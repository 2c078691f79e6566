/**
 * The agent's replicated state: the MVCC store plus the member registry,
 * applied from the Raft log and saved together in snapshots. The member that
 * proposed a command finds its waiting client here by the command's id.
 */
import { KvStore, type ApplyResult } from '@mgmt/kv';
import { emptyConfState, type ConfChange, type ConfState, type Entry, type Snapshot } from '@mgmt/raft';
import { MemberRegistry, type MemberInfo } from '../cluster/members.js';
import type { StateMachine } from './raft-server.js';

/** Snapshot data: version byte, u32 length of the members JSON, the JSON, then the store's bytes. */
const SNAPSHOT_VERSION = 1;

/** A snapshot's data that cannot be read. */
export class AgentSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgentSnapshotError';
  }
}

/** Encodes the agent's whole replicated state. */
export function encodeAgentSnapshot(kv: Uint8Array, members: readonly MemberInfo[]): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(members));
  const out = new Uint8Array(5 + json.byteLength + kv.byteLength);
  const view = new DataView(out.buffer);
  out[0] = SNAPSHOT_VERSION;
  view.setUint32(1, json.byteLength);
  out.set(json, 5);
  out.set(kv, 5 + json.byteLength);
  return out;
}

/** Decodes snapshot data; empty data is the empty state. */
export function decodeAgentSnapshot(data: Uint8Array): { kv: Uint8Array | undefined; members: MemberInfo[] } {
  if (data.byteLength === 0) return { kv: undefined, members: [] };
  if (data[0] !== SNAPSHOT_VERSION || data.byteLength < 5) throw new AgentSnapshotError(`snapshot data has unknown version ${data[0]}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const len = view.getUint32(1);
  if (5 + len > data.byteLength) throw new AgentSnapshotError('snapshot data is truncated');
  const members = JSON.parse(new TextDecoder().decode(data.subarray(5, 5 + len))) as MemberInfo[];
  return { kv: data.subarray(5 + len), members };
}

/** What a new cluster of one starts from: a snapshot at index 1 of `self` as the only voter, committed. */
export function bootstrapSave(self: MemberInfo): { snapshot: Snapshot; hardState: { term: number; vote: number; commit: number } } {
  const confState = emptyConfState();
  confState.voters = [self.id];
  return {
    snapshot: { data: encodeAgentSnapshot(new Uint8Array(0), [self]), metadata: { index: 1, term: 1, confState } },
    hardState: { term: 1, vote: 0, commit: 1 },
  };
}

/** What a waiting proposer gets. */
export type ProposalOutcome = ApplyResult;

/** The state machine the RaftServer applies to. */
export class AgentState implements StateMachine {
  readonly kv = new KvStore();
  readonly members = new MemberRegistry();
  private readonly waiters = new Map<number, (r: ProposalOutcome) => void>();
  private readonly confListeners = new Set<(cc: ConfChange, cs: ConfState) => void>();
  private readonly restoreListeners = new Set<() => void>();

  /** Registers a proposer waiting for command `id`. */
  expect(id: number, resolve: (r: ProposalOutcome) => void): void {
    this.waiters.set(id, resolve);
  }

  /** Forgets a waiter (timeout or cancel). */
  forget(id: number): void {
    this.waiters.delete(id);
  }

  /** Called after every applied membership change. */
  onConfChange(fn: (cc: ConfChange, cs: ConfState) => void): () => void {
    this.confListeners.add(fn);
    return () => this.confListeners.delete(fn);
  }

  /** Called after a snapshot replaced the whole state. */
  onRestore(fn: () => void): () => void {
    this.restoreListeners.add(fn);
    return () => this.restoreListeners.delete(fn);
  }

  applyEntry(entry: Entry): void {
    const { id, result } = this.kv.applyEntry(entry.data);
    const waiter = this.waiters.get(id);
    if (waiter) {
      this.waiters.delete(id);
      waiter(result);
    }
  }

  applyConfChange(cc: ConfChange, cs: ConfState): void {
    this.members.apply(cc.type, cc.nodeId, cc.context);
    for (const fn of this.confListeners) fn(cc, cs);
  }

  snapshotData(): Uint8Array {
    return encodeAgentSnapshot(this.kv.snapshot(), this.members.toJSON());
  }

  restore(data: Uint8Array, _snapshot: Snapshot): void {
    const { kv, members } = decodeAgentSnapshot(data);
    if (kv && kv.byteLength > 0) this.kv.restore(kv);
    this.members.restore(members);
    for (const fn of this.restoreListeners) fn();
  }
}
