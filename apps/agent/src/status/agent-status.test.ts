/**
 * What a volunteer publishes of its waiting: not the cluster's size (the
 * same for every volunteer; each member lost or added rewrote every
 * volunteer's status), which `mgmt status` adds when it shows the row.
 */
import { VOLUNTEER_WAITING_REASON, volunteerWaitingReason } from '@mgmt/cluster-fsm';
import { describe, expect, it } from 'vitest';
import { agentStatusOf, publishedStatus, statusGist, type AgentStatus } from './agent-status.js';

const waiting: AgentStatus = { hostname: 'f1', state: 'volunteer.waiting', reason: 'volunteer: waiting, cluster full 3/3', role: 'client', memberRole: 'volunteer', memberId: undefined, leader: undefined, term: undefined, commit: undefined, applied: undefined, nominator: undefined, clientUrls: [], peerUrls: [], activeStates: [] };

describe('publishedStatus', () => {
  it('publishes a waiting volunteer the same whatever the size of the cluster', () => {
    const full = publishedStatus(waiting);
    const short = publishedStatus({ ...waiting, reason: volunteerWaitingReason({ voters: 2, idealClusterSize: 3 }) });
    expect(full.reason).toBe(VOLUNTEER_WAITING_REASON);
    expect(statusGist(full)).toBe(statusGist(short));
    // mgmt status puts the size back.
    expect(volunteerWaitingReason({ voters: 3, idealClusterSize: 3 })).toBe(waiting.reason);
  });

  it('leaves every other status as it is', () => {
    const member = { ...waiting, state: 'peer.running', reason: 'peer: running as leader, cluster 3/3' };
    expect(publishedStatus(member)).toBe(member);
    const client = { ...waiting, state: 'client.connected', reason: 'client: connected via http://127.0.0.1:2379' };
    expect(publishedStatus(client)).toBe(client);
  });
});

describe('agentStatusOf', () => {
  const config = { hostname: 'h1', noServer: false, clientUrls: ['http://a:2379'], serverUrls: ['http://a:2380'] };

  it('reports a volunteer without a member as a client of the cluster', () => {
    const s = agentStatusOf({ config, lifecycle: { value: { volunteer: 'waiting' }, reason: 'volunteer: waiting to be nominated' } });
    expect(s).toMatchObject({ hostname: 'h1', state: 'volunteer.waiting', role: 'client', memberRole: 'volunteer', memberId: undefined, peerUrls: ['http://a:2380'] });
    expect(s.activeStates).toEqual(['lifecycle.volunteer', 'lifecycle.volunteer.waiting']);
    expect('zone' in s).toBe(false);
  });

  it("reports a member's Raft facts, its role in the configuration and the nominator", () => {
    const raft = { id: 7, appliedIndex: 40, status: () => ({ role: 'leader', lead: 7, term: 3, commit: 41 }) };
    const s = agentStatusOf({ config: { ...config, zone: 'z1' }, lifecycle: { value: { peer: 'running' }, reason: 'peer: running as leader' }, raft, member: { isLearner: false }, nominatorReason: 'none: cluster at ideal size 3/3', converged: true });
    expect(s).toMatchObject({ role: 'leader', memberRole: 'voter', zone: 'z1', memberId: 7, leader: 7, term: 3, commit: 41, applied: 40, nominator: 'none: cluster at ideal size 3/3', converged: true });
  });
});
