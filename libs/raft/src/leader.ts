/** Leader step: proposals, replication answers, heartbeats, reads, transfers. */
import { validateConfChangeProposal, decodeConfChange } from './confchange.js';
import { ErrInvariant, ErrProposalDropped } from './errors.js';
import { ProgressState } from './progress.js';
import type { Raft } from './raft.js';
import { ReadOnlyOption } from './read-only.js';
import { bcastHeartbeat, bcastHeartbeatWithCtx, maybeSendAppend, sendAppend, sendTimeoutNow } from './replication.js';
import { VoteResult } from './tracker.js';
import { EntryType, MessageType, makeMessage, type Entry, type Message } from './types.js';

export function stepLeader(r: Raft, m: Message): void {
  switch (m.type) {
    case MessageType.MSG_BEAT:
      bcastHeartbeat(r);
      return;
    case MessageType.MSG_CHECK_QUORUM:
      if (!r.trk.quorumActive(r.id)) {
        r.becomeFollower(r.term, 0);
        return;
      }
      for (const [id, pr] of r.trk.progress) if (id !== r.id) pr.recentActive = false;
      return;
    case MessageType.MSG_PROP:
      stepProposal(r, m);
      return;
    case MessageType.MSG_READ_INDEX:
      stepReadIndex(r, m);
      return;
    default:
      break;
  }

  const pr = r.trk.progress.get(m.from);
  if (!pr) return;
  switch (m.type) {
    case MessageType.MSG_APP_RESP: {
      pr.recentActive = true;
      if (m.reject) {
        let nextProbeIdx = m.rejectHint;
        if (m.logTerm > 0) nextProbeIdx = r.raftLog.findConflictByTerm(m.rejectHint, m.logTerm)[0];
        if (pr.maybeDecrTo(m.index, nextProbeIdx)) {
          if (pr.state === ProgressState.Replicate) pr.becomeProbe();
          sendAppend(r, m.from);
        }
        return;
      }
      const oldPaused = pr.isPaused();
      if (!pr.maybeUpdate(m.index)) return;
      if (pr.state === ProgressState.Probe) {
        pr.becomeReplicate();
      } else if (pr.state === ProgressState.Snapshot && pr.match + 1 >= r.raftLog.firstIndex()) {
        // The follower can go on from the log: resume replication.
        pr.becomeProbe();
        pr.becomeReplicate();
      } else if (pr.state === ProgressState.Replicate) {
        pr.inflights.freeLE(m.index);
      }
      if (r.maybeCommit()) {
        releasePendingReadIndexMessages(r);
        r.bcastAppend();
      } else if (oldPaused) {
        sendAppend(r, m.from);
      }
      while (maybeSendAppend(r, m.from, false)) {
        // keep the pipeline full
      }
      if (m.from === r.leadTransferee && pr.match === r.raftLog.lastIndex()) sendTimeoutNow(r, m.from);
      return;
    }
    case MessageType.MSG_HEARTBEAT_RESP: {
      pr.recentActive = true;
      pr.msgAppFlowPaused = false;
      if (pr.state === ProgressState.Replicate && pr.inflights.full()) pr.inflights.freeFirstOne();
      if (pr.match < r.raftLog.lastIndex()) sendAppend(r, m.from);
      if (r.readOnly.option !== ReadOnlyOption.Safe || !m.context || m.context.byteLength === 0) return;
      const acks = r.readOnly.recvAck(m.from, m.context);
      if (!acks) return;
      if (r.trk.voteResult(acks) !== VoteResult.Won) return;
      for (const rs of r.readOnly.advance(m.context)) respondToReadIndex(r, rs.req, rs.index);
      return;
    }
    case MessageType.MSG_SNAP_STATUS:
      if (pr.state !== ProgressState.Snapshot) return;
      if (m.reject) pr.pendingSnapshot = 0;
      pr.becomeProbe();
      // Wait for a heartbeat answer before probing again.
      pr.msgAppFlowPaused = true;
      return;
    case MessageType.MSG_UNREACHABLE:
      if (pr.state === ProgressState.Replicate) pr.becomeProbe();
      return;
    case MessageType.MSG_TRANSFER_LEADER: {
      if (pr.isLearner) return;
      const transferee = m.from;
      if (r.leadTransferee !== 0) {
        if (r.leadTransferee === transferee) return;
        r.abortLeaderTransfer();
      }
      if (transferee === r.id) return;
      // A transfer must finish within an election timeout.
      r.electionElapsed = 0;
      r.leadTransferee = transferee;
      if (pr.match === r.raftLog.lastIndex()) sendTimeoutNow(r, transferee);
      else sendAppend(r, transferee);
      return;
    }
    default:
      return;
  }
}

function stepProposal(r: Raft, m: Message): void {
  if (m.entries.length === 0) throw new ErrInvariant('stepped empty MsgProp');
  if (!r.trk.progress.has(r.id)) throw new ErrProposalDropped('not-a-member', 'leader was removed from the configuration');
  if (r.leadTransferee !== 0) throw new ErrProposalDropped('leadership-transfer');
  // The core owns the entries of a proposal it is stepped with and stamps
  // term/index in place (RawNode.step copies those that come off the network).
  const ents: Entry[] = m.entries;
  let confIndex = 0;
  const base = r.raftLog.lastIndex();
  for (let k = 0; k < ents.length; k++) {
    const e = ents[k]!;
    if (e.type !== EntryType.ENTRY_CONF_CHANGE) continue;
    if (confIndex !== 0 && !r.cfg.bugs.allowConcurrentConfChanges) {
      throw new ErrProposalDropped('conf-change-pending', 'one configuration change per proposal');
    }
    validateConfChangeProposal(r, decodeConfChange(e.data));
    confIndex = base + k + 1;
  }
  r.appendEntries(ents);
  if (confIndex !== 0) r.pendingConfIndex = confIndex;
  r.bcastAppend();
}

function stepReadIndex(r: Raft, m: Message): void {
  if (m.entries.length !== 1) throw new ErrInvariant('MsgReadIndex must carry exactly one context entry');
  // The leader alone is a quorum when it is the only voter, learners or not
  // (learners never acknowledge reads: they do not count towards a quorum).
  if (r.trk.voters.length === 1 && r.trk.isVoter(r.id)) {
    respondToReadIndex(r, m, r.raftLog.committed);
    return;
  }
  // The commit index is only known to be current once an entry of this term is committed.
  if (!r.committedEntryInCurrentTerm()) {
    r.pendingReadIndexMessages.push(m);
    return;
  }
  sendReadIndexResponse(r, m);
}

function sendReadIndexResponse(r: Raft, m: Message): void {
  if (r.readOnly.option === ReadOnlyOption.Safe) {
    const ctx = m.entries[0]!.data;
    r.readOnly.addRequest(r.raftLog.committed, m);
    r.readOnly.recvAck(r.id, ctx);
    bcastHeartbeatWithCtx(r, ctx);
  } else {
    respondToReadIndex(r, m, r.raftLog.committed);
  }
}

export function releasePendingReadIndexMessages(r: Raft): void {
  if (r.pendingReadIndexMessages.length === 0) return;
  if (!r.committedEntryInCurrentTerm()) return;
  const msgs = r.pendingReadIndexMessages;
  r.pendingReadIndexMessages = [];
  for (const m of msgs) sendReadIndexResponse(r, m);
}

function respondToReadIndex(r: Raft, req: Message, readIndex: number): void {
  if (req.from === 0 || req.from === r.id) {
    r.readStates.push({ index: readIndex, requestCtx: req.entries[0]!.data });
    return;
  }
  r.send(makeMessage({ type: MessageType.MSG_READ_INDEX_RESP, to: req.from, index: readIndex, entries: req.entries }));
}
