/**
 * Log replication: the leader's appends, heartbeats and snapshots, and the
 * follower's handling of them.
 */
import { ErrCompacted, ErrInvariant, ErrSnapshotTemporarilyUnavailable, ErrUnavailable } from './errors.js';
import { ProgressState, type Progress } from './progress.js';
import type { Raft } from './raft.js';
import { sumBytes } from './raft-log.js';
import { MessageType, isEmptySnapshot, makeMessage, type Entry, type Message, type Snapshot } from './types.js';

/**
 * Sends an append (or a snapshot if the needed entries are compacted) to
 * `to`, unless its progress is paused. With sendIfEmpty false, nothing is
 * sent when there are no new entries. Returns whether a message was sent.
 */
export function maybeSendAppend(r: Raft, to: number, sendIfEmpty: boolean): boolean {
  const pr = r.trk.progress.get(to);
  if (!pr || pr.isPaused()) return false;
  const prevIndex = pr.next - 1;
  let prevTerm: number;
  let ents: Entry[];
  try {
    prevTerm = r.raftLog.term(prevIndex);
    ents = r.raftLog.entries(pr.next, r.cfg.maxSizePerMsg);
  } catch (e) {
    if (e instanceof ErrCompacted || e instanceof ErrUnavailable) return maybeSendSnapshot(r, to, pr);
    throw e;
  }
  if (ents.length === 0 && !sendIfEmpty) return false;
  const bytes = ents.length === 0 ? 0 : sumBytes(ents);
  r.send(makeMessage({ type: MessageType.MSG_APP, to, index: prevIndex, logTerm: prevTerm, entries: ents, commit: r.raftLog.committed }));
  pr.sentEntries(ents.length, prevIndex + ents.length, bytes);
  return true;
}

export function sendAppend(r: Raft, to: number): void {
  maybeSendAppend(r, to, true);
}

function maybeSendSnapshot(r: Raft, to: number, pr: Progress): boolean {
  if (!pr.recentActive) return false;
  let snap: Snapshot;
  try {
    snap = r.raftLog.snapshot();
  } catch (e) {
    if (e instanceof ErrSnapshotTemporarilyUnavailable) return false;
    throw e;
  }
  if (isEmptySnapshot(snap)) throw new ErrInvariant('need non-empty snapshot');
  pr.becomeSnapshot(snap.metadata.index);
  // The message owns its bytes: a storage may read a snapshot's data on
  // first use (libs/wal keeps it on disk), and replace the file behind it
  // before the message is encoded or delivered.
  r.send(makeMessage({ type: MessageType.MSG_SNAP, to, snapshot: { metadata: snap.metadata, data: snap.data } }));
  return true;
}

/** Appends to every follower and learner, pipelining while flow control allows. */
export function bcastAppendNow(r: Raft): void {
  for (const id of r.trk.progress.keys()) {
    if (id === r.id) continue;
    if (maybeSendAppend(r, id, true)) {
      while (maybeSendAppend(r, id, false)) {
        // keep filling the pipeline
      }
    }
  }
}

export function sendHeartbeat(r: Raft, to: number, ctx: Uint8Array | undefined): void {
  const pr = r.trk.progress.get(to);
  if (!pr) return;
  // Never tell a follower to commit beyond what it is known to hold.
  const commit = Math.min(pr.match, r.raftLog.committed);
  r.send(makeMessage({ type: MessageType.MSG_HEARTBEAT, to, commit, context: ctx }));
}

export function bcastHeartbeat(r: Raft): void {
  bcastHeartbeatWithCtx(r, r.readOnly.lastPendingRequestCtx());
}

export function bcastHeartbeatWithCtx(r: Raft, ctx: Uint8Array | undefined): void {
  for (const id of r.trk.progress.keys()) {
    if (id === r.id) continue;
    sendHeartbeat(r, id, ctx);
  }
}

export function sendTimeoutNow(r: Raft, to: number): void {
  r.send(makeMessage({ type: MessageType.MSG_TIMEOUT_NOW, to }));
}

// ---- follower side ----

export function handleAppendEntries(r: Raft, m: Message): void {
  const log = r.raftLog;
  if (m.index < log.committed) {
    r.send(makeMessage({ type: MessageType.MSG_APP_RESP, to: m.from, index: log.committed }));
    return;
  }
  const mlast = log.maybeAppend(m.index, m.logTerm, m.commit, m.entries);
  if (mlast >= 0) {
    r.send(makeMessage({ type: MessageType.MSG_APP_RESP, to: m.from, index: mlast }));
    return;
  }
  // Reject, with a hint that lets the leader skip a whole conflicting term.
  const hintIndex0 = Math.min(m.index, log.lastIndex());
  const [hintIndex, hintTerm] = log.findConflictByTerm(hintIndex0, m.logTerm);
  r.send(makeMessage({ type: MessageType.MSG_APP_RESP, to: m.from, index: m.index, reject: true, rejectHint: hintIndex, logTerm: hintTerm }));
}

export function handleHeartbeat(r: Raft, m: Message): void {
  r.raftLog.commitTo(Math.min(m.commit, r.raftLog.lastIndex()));
  r.send(makeMessage({ type: MessageType.MSG_HEARTBEAT_RESP, to: m.from, context: m.context }));
}

export function handleSnapshot(r: Raft, m: Message): void {
  const s = m.snapshot;
  if (!s) return;
  if (restore(r, s)) {
    r.send(makeMessage({ type: MessageType.MSG_APP_RESP, to: m.from, index: r.raftLog.lastIndex() }));
  } else {
    r.send(makeMessage({ type: MessageType.MSG_APP_RESP, to: m.from, index: r.raftLog.committed }));
  }
}

/** Installs a snapshot from the leader. Returns false if it is not needed. */
export function restore(r: Raft, s: Snapshot): boolean {
  const md = s.metadata;
  if (md.index <= r.raftLog.committed) return false;
  if (r.role !== 'follower') {
    // Defensive: only a follower installs snapshots.
    r.becomeFollower(r.term + 1, 0);
    return false;
  }
  if (r.raftLog.matchTerm(md.index, md.term)) {
    // We already have the entries: just fast-forward the commit index.
    r.raftLog.commitTo(md.index);
    return false;
  }
  r.raftLog.restore(s);
  const cs = md.confState;
  r.trk.setConfig(cs.voters.concat(cs.votersOutgoing), cs.learners.concat(cs.learnersNext), r.raftLog.lastIndex() + 1);
  for (const pr of r.trk.progress.values()) {
    pr.becomeProbe();
    pr.match = 0;
    pr.next = r.raftLog.lastIndex() + 1;
  }
  const self = r.trk.progress.get(r.id);
  if (self) self.match = r.raftLog.lastIndex();
  r.isLearner = r.trk.isLearner(r.id);
  return true;
}

export function isReplicating(pr: Progress): boolean {
  return pr.state === ProgressState.Replicate;
}
