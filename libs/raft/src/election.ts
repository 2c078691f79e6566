/** Elections: pre-vote, vote requests and answers, campaigning, candidate step. */
import { ErrProposalDropped } from './errors.js';
import { handleAppendEntries, handleHeartbeat, handleSnapshot } from './replication.js';
import type { Raft } from './raft.js';
import { TRANSFER_CTX } from './raft.js';
import { VoteResult } from './tracker.js';
import { EntryType, MessageType, makeMessage, type Message } from './types.js';

export const enum CampaignType {
  PreElection = 0,
  Election = 1,
  /** Forced by TimeoutNow during a leadership transfer: skips pre-vote and leases. */
  Transfer = 2,
}

function voteRespType(t: MessageType): MessageType {
  return t === MessageType.MSG_VOTE ? MessageType.MSG_VOTE_RESP : MessageType.MSG_PRE_VOTE_RESP;
}

/** Are there committed entries not yet applied that change the configuration? */
export function hasUnappliedConfChanges(r: Raft): boolean {
  const log = r.raftLog;
  if (log.applied >= log.committed) return false;
  let lo = Math.max(log.applied + 1, log.firstIndex());
  const hi = log.committed + 1;
  // Page through in bounded chunks.
  while (lo < hi) {
    let ents;
    try {
      ents = log.slice(lo, hi, 8 * 1024 * 1024);
    } catch {
      return false;
    }
    if (ents.length === 0) return false;
    for (const e of ents) if (e.type === EntryType.ENTRY_CONF_CHANGE) return true;
    lo = ents[ents.length - 1]!.index + 1;
  }
  return false;
}

export function campaign(r: Raft, t: CampaignType): void {
  if (!r.promotable()) return;
  let voteMsg: MessageType;
  let term: number;
  if (t === CampaignType.PreElection) {
    r.becomePreCandidate();
    voteMsg = MessageType.MSG_PRE_VOTE;
    // Ask about the next term without moving to it.
    term = r.term + 1;
  } else {
    r.becomeCandidate();
    voteMsg = MessageType.MSG_VOTE;
    term = r.term;
  }
  // Our own vote.
  if (poll(r, r.id, voteRespType(voteMsg), true) === VoteResult.Won) {
    if (t === CampaignType.PreElection) campaign(r, CampaignType.Election);
    else r.becomeLeader();
    return;
  }
  const lastIndex = r.raftLog.lastIndex();
  const lastTerm = r.raftLog.lastTerm();
  for (const id of r.trk.voters) {
    if (id === r.id) continue;
    r.send(
      makeMessage({
        type: voteMsg,
        to: id,
        term,
        index: lastIndex,
        logTerm: lastTerm,
        context: t === CampaignType.Transfer ? TRANSFER_CTX : undefined,
      }),
    );
  }
}

/** Records a vote and returns the election's outcome so far. */
export function poll(r: Raft, id: number, _t: MessageType, granted: boolean): VoteResult {
  r.trk.recordVote(id, granted);
  if (r.cfg.bugs.doubleCountSelfVote && r.trk.votes.get(r.id) === true) {
    // Deliberate bug for checker tests: our own vote counts twice.
    const n = r.trk.voters.length;
    let yes = 1;
    for (const v of r.trk.voters) if (r.trk.votes.get(v) === true) yes++;
    if (yes >= (n >> 1) + 1) return VoteResult.Won;
  }
  return r.trk.tallyVotes().result;
}

export function handleVoteRequest(r: Raft, m: Message): void {
  // We can vote for m.from if we already did in this term, or have voted for
  // no one and know of no leader, or it is a pre-vote for a future term.
  const canVote =
    r.vote === m.from || (r.vote === 0 && r.lead === 0) || (m.type === MessageType.MSG_PRE_VOTE && m.term > r.term);
  const upToDate = r.cfg.bugs.skipElectionRestriction || r.raftLog.isUpToDate(m.index, m.logTerm);
  if (canVote && upToDate) {
    // Answer with the term of the request: for a pre-vote it is the future
    // term, which the pre-candidate recognises.
    r.send(makeMessage({ type: voteRespType(m.type), to: m.from, term: m.term }));
    if (m.type === MessageType.MSG_VOTE) {
      r.electionElapsed = 0;
      r.vote = m.from;
    }
  } else {
    r.send(makeMessage({ type: voteRespType(m.type), to: m.from, term: r.term, reject: true }));
  }
}

export function stepCandidate(r: Raft, m: Message): void {
  const myVoteRespType = r.role === 'pre-candidate' ? MessageType.MSG_PRE_VOTE_RESP : MessageType.MSG_VOTE_RESP;
  switch (m.type) {
    case MessageType.MSG_PROP:
      throw new ErrProposalDropped('no-leader', 'campaigning');
    case MessageType.MSG_READ_INDEX:
      throw new ErrProposalDropped('no-leader', 'campaigning');
    case MessageType.MSG_APP:
      r.becomeFollower(m.term, m.from);
      handleAppendEntries(r, m);
      return;
    case MessageType.MSG_HEARTBEAT:
      r.becomeFollower(m.term, m.from);
      handleHeartbeat(r, m);
      return;
    case MessageType.MSG_SNAP:
      r.becomeFollower(m.term, m.from);
      handleSnapshot(r, m);
      return;
    case MessageType.MSG_TIMEOUT_NOW:
      return;
    default:
      break;
  }
  if (m.type === myVoteRespType) {
    const res = poll(r, m.from, m.type, !m.reject);
    if (res === VoteResult.Won) {
      if (r.role === 'pre-candidate') {
        campaign(r, CampaignType.Election);
      } else {
        r.becomeLeader();
        r.bcastAppend();
      }
    } else if (res === VoteResult.Lost) {
      // A pre-vote or vote loss: back to follower in the current term.
      r.becomeFollower(r.term, 0);
    }
  }
}
