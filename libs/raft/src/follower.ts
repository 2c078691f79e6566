/** Follower step: accept the leader's appends, forward proposals and reads. */
import { CampaignType } from './election.js';
import { ErrProposalDropped } from './errors.js';
import type { Raft } from './raft.js';
import { handleAppendEntries, handleHeartbeat, handleSnapshot } from './replication.js';
import { MessageType, type Message } from './types.js';

export function stepFollower(r: Raft, m: Message): void {
  switch (m.type) {
    case MessageType.MSG_PROP:
      if (r.lead === 0) throw new ErrProposalDropped('no-leader');
      if (r.cfg.disableProposalForwarding) throw new ErrProposalDropped('forwarding-disabled');
      r.send({ ...m, to: r.lead });
      return;
    case MessageType.MSG_APP:
      r.electionElapsed = 0;
      r.lead = m.from;
      handleAppendEntries(r, m);
      return;
    case MessageType.MSG_HEARTBEAT:
      r.electionElapsed = 0;
      r.lead = m.from;
      handleHeartbeat(r, m);
      return;
    case MessageType.MSG_SNAP:
      r.electionElapsed = 0;
      r.lead = m.from;
      handleSnapshot(r, m);
      return;
    case MessageType.MSG_TRANSFER_LEADER:
      if (r.lead === 0) return;
      r.send({ ...m, to: r.lead, term: 0 });
      return;
    case MessageType.MSG_TIMEOUT_NOW:
      // Leadership transfer: campaign at once, without pre-vote, bypassing leases.
      r.hup(CampaignType.Transfer);
      return;
    case MessageType.MSG_READ_INDEX:
      if (r.lead === 0) throw new ErrProposalDropped('no-leader', 'read index');
      r.send({ ...m, to: r.lead });
      return;
    case MessageType.MSG_READ_INDEX_RESP:
      if (m.entries.length !== 1) return;
      r.readStates.push({ index: m.index, requestCtx: m.entries[0]!.data });
      return;
    default:
      return;
  }
}
