// Proves a leader that is the only voter keeps answering linearizable reads
// and writes after adding a learner that never starts (a nominated host that
// is slow to come up must not stall the cluster).
import { ConfChangeType } from '@mgmt/raft';
import { it, expect } from 'vitest';
import { encodeMemberAttributes } from '../src/cluster/members.js';
import { silentLogger } from '../src/log.js';
import { Member } from '../src/raft/member.js';
import { Proposer } from '../src/raft/proposer.js';
import { freePort, tempDir, waitFor } from './helpers.js';

it('a sole voter with an unstarted learner keeps serving reads and writes', async () => {
  const tmp = tempDir('x-');
  const m1 = await Member.open({ dataDir: tmp.dir + '/a', hostname: 'a', memberId: 5, clusterId: 'c', peerUrls: [`tcp://127.0.0.1:${await freePort()}`], bootstrap: true, logger: silentLogger(), tickMs: 10 });
  await waitFor('lead', () => m1.raft.isLeader);
  const p = new Proposer(m1.raft, m1.state);
  await p.propose({ put: { key: new TextEncoder().encode('k'), value: new TextEncoder().encode('v') } });
  await m1.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 77, context: encodeMemberAttributes({ name: 'b', peerUrls: [`tcp://127.0.0.1:${await freePort()}`] }) });
  await p.propose({ put: { key: new TextEncoder().encode('k2'), value: new TextEncoder().encode('v') } });
  await m1.raft.readIndex();
  expect(m1.raft.isLeader).toBe(true);
  await m1.stop();
  tmp.cleanup();
});
