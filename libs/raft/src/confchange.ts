/**
 * Membership changes: single-server changes (add voter, add learner,
 * promote learner, remove), taking effect when the application applies the
 * committed entry (applyConfChange), with the known correction: the leader
 * accepts a change only after it has committed an entry of its own term, and
 * only one change may be in flight (proposed but not yet applied).
 */
import { raftpb } from '@mgmt/proto';
import { ErrConfChangeRefused } from './errors.js';
import type { Raft } from './raft.js';
import { sendTimeoutNow, bcastAppendNow, maybeSendAppend } from './replication.js';
import { ConfChangeType, EMPTY_BYTES, type ConfChange, type ConfState } from './types.js';

export function encodeConfChange(cc: ConfChange): Uint8Array {
  return raftpb.ConfChange.encode({ type: cc.type, nodeId: cc.nodeId, context: cc.context ?? EMPTY_BYTES, id: cc.id ?? 0 }).finish();
}

export function decodeConfChange(data: Uint8Array): ConfChange {
  const d = raftpb.ConfChange.decode(data);
  const cc: ConfChange = { type: d.type, nodeId: Number(d.nodeId) };
  if (d.context && d.context.byteLength > 0) cc.context = d.context;
  if (d.id) cc.id = Number(d.id);
  return cc;
}

/** Throws ErrConfChangeRefused if the leader must not accept this change now. */
export function validateConfChangeProposal(r: Raft, cc: ConfChange): void {
  const bugs = r.cfg.bugs;
  if (!bugs.allowConcurrentConfChanges && r.pendingConfIndex > r.raftLog.applied) {
    throw new ErrConfChangeRefused('conf-change-pending', `pending at ${r.pendingConfIndex}, applied ${r.raftLog.applied}`);
  }
  if (!bugs.skipConfChangeTermCommitRule && !r.committedEntryInCurrentTerm()) {
    throw new ErrConfChangeRefused('no-commit-in-term');
  }
  if (!Number.isSafeInteger(cc.nodeId) || cc.nodeId <= 0) throw new ErrConfChangeRefused('invalid-conf-change', 'bad node id');
  const t = r.trk;
  switch (cc.type) {
    case ConfChangeType.CONF_CHANGE_ADD_NODE: {
      if (t.isVoter(cc.nodeId)) throw new ErrConfChangeRefused('invalid-conf-change', `${cc.nodeId} is already a voter`);
      if (t.isLearner(cc.nodeId)) {
        const pr = t.progress.get(cc.nodeId);
        const match = pr ? pr.match : 0;
        if (match + r.cfg.maxLearnerLag < r.raftLog.committed) {
          throw new ErrConfChangeRefused('learner-not-caught-up', `learner ${cc.nodeId} match ${match} < commit ${r.raftLog.committed}`);
        }
      }
      return;
    }
    case ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE:
      if (t.isLearner(cc.nodeId)) throw new ErrConfChangeRefused('invalid-conf-change', `${cc.nodeId} is already a learner`);
      if (cc.nodeId === r.id) throw new ErrConfChangeRefused('invalid-conf-change', 'cannot demote the leader; transfer leadership first');
      if (t.isVoter(cc.nodeId) && t.voters.length === 1) throw new ErrConfChangeRefused('invalid-conf-change', 'cannot demote the last voter');
      return;
    case ConfChangeType.CONF_CHANGE_REMOVE_NODE:
      if (!t.isMember(cc.nodeId)) throw new ErrConfChangeRefused('invalid-conf-change', `${cc.nodeId} is not a member`);
      if (t.isVoter(cc.nodeId) && t.voters.length === 1) throw new ErrConfChangeRefused('invalid-conf-change', 'cannot remove the last voter');
      return;
    case ConfChangeType.CONF_CHANGE_UPDATE_NODE:
      return;
    default:
      throw new ErrConfChangeRefused('invalid-conf-change', `unknown type ${String(cc.type)}`);
  }
}

/** Applies a committed change to the membership and returns the new ConfState. */
export function applyConfChange(r: Raft, cc: ConfChange): ConfState {
  const voters = r.trk.voters.slice();
  const learners = r.trk.learners.slice();
  const del = (xs: number[], id: number): void => {
    const i = xs.indexOf(id);
    if (i >= 0) xs.splice(i, 1);
  };
  switch (cc.type) {
    case ConfChangeType.CONF_CHANGE_ADD_NODE:
      del(learners, cc.nodeId);
      if (!voters.includes(cc.nodeId)) voters.push(cc.nodeId);
      break;
    case ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE:
      del(voters, cc.nodeId);
      if (!learners.includes(cc.nodeId)) learners.push(cc.nodeId);
      break;
    case ConfChangeType.CONF_CHANGE_REMOVE_NODE:
      del(voters, cc.nodeId);
      del(learners, cc.nodeId);
      break;
    default:
      return r.trk.confState();
  }
  r.trk.setConfig(voters, learners, r.raftLog.lastIndex() + 1);
  switchToConfig(r);
  return r.trk.confState();
}

function switchToConfig(r: Raft): void {
  r.isLearner = r.trk.isLearner(r.id);
  if (r.role !== 'leader') return;
  if (!r.trk.isVoter(r.id)) {
    // The leader was removed (or demoted). Tell followers the commit index,
    // hand leadership to the most up-to-date voter, and step down.
    bcastAppendNow(r);
    const last = r.raftLog.lastIndex();
    for (const id of r.trk.voters) {
      const pr = r.trk.progress.get(id);
      if (pr && pr.match === last) {
        sendTimeoutNow(r, id);
        break;
      }
    }
    const msgs = r.msgs;
    r.becomeFollower(r.term, 0);
    r.msgs = msgs;
    return;
  }
  if (r.trk.voters.length === 0) return;
  if (r.maybeCommit()) r.bcastAppend();
  else for (const id of r.trk.progress.keys()) if (id !== r.id) maybeSendAppend(r, id, false);
  if (r.leadTransferee !== 0 && !r.trk.isVoter(r.leadTransferee)) r.abortLeaderTransfer();
}
