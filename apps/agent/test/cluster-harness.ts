/**
 * Builds a static cluster of real members in this process for tests: the
 * first bootstraps, the others join as learners and are promoted, each
 * serves the etcd v3 API on its own loopback port and advertises it under
 * /_mgmt/endpoints/<name>.
 */
import { encodeUrls, endpointKey } from '@mgmt/cluster-fsm';
import { createEtcdServer, type EtcdServer } from '@mgmt/kv';
import { ConfChangeType } from '@mgmt/raft';
import { encodeMemberAttributes } from '../src/cluster/members.js';
import { RaftBackend } from '../src/etcd/raft-backend.js';
import { silentLogger } from '../src/log.js';
import { Member } from '../src/raft/member.js';
import { Proposer } from '../src/raft/proposer.js';
import { freePort, tempDir, waitFor } from './helpers.js';

export interface Node {
  name: string;
  member: Member;
  backend: RaftBackend;
  server: EtcdServer;
  clientUrl: string;
  endpoint: string;
}

export interface TestCluster {
  nodes: Node[];
  leader(): Node | undefined;
  stop(): Promise<void>;
}

const enc = new TextEncoder();

/** Starts `size` members over `scheme` (tcp). */
export async function startCluster(size: number): Promise<TestCluster> {
  const tmp = tempDir('agent-cluster-');
  const nodes: Node[] = [];
  const clusterIdNumber = 0x1234abcd;
  for (let i = 1; i <= size; i++) {
    const name = `h${i}`;
    const peerUrl = `tcp://127.0.0.1:${await freePort()}`;
    const port = await freePort();
    const first = nodes[0];
    const member = await Member.open({
      dataDir: `${tmp.dir}/${name}`,
      hostname: name,
      memberId: 100 + i,
      clusterId: clusterIdNumber.toString(16),
      peerUrls: [peerUrl],
      bootstrap: i === 1,
      knownMembers: first?.member.state.members.list(),
      logger: silentLogger(),
      tickMs: 10,
    });
    if (first) {
      const attrs = encodeMemberAttributes({ name, peerUrls: [peerUrl] });
      await first.member.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: member.identity.memberId, context: attrs });
      await waitFor(`${name} catches up`, () => member.raft.appliedIndex >= first.member.raft.appliedIndex);
      await first.member.raft.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: member.identity.memberId, context: attrs });
    } else {
      await waitFor('first leader', () => member.raft.isLeader);
    }
    const backend = new RaftBackend({ member, clusterIdNumber, logger: silentLogger() });
    const server = createEtcdServer(backend, { logError: () => {} });
    await server.listen(`127.0.0.1:${port}`);
    const clientUrl = `http://127.0.0.1:${port}`;
    await new Proposer(member.raft, member.state).propose({ put: { key: enc.encode(endpointKey(name)), value: enc.encode(encodeUrls([clientUrl])) } });
    nodes.push({ name, member, backend, server, clientUrl, endpoint: `127.0.0.1:${port}` });
  }
  await waitFor('all applied', () => nodes.every((n) => n.member.raft.appliedIndex === nodes[0]!.member.raft.appliedIndex));
  return {
    nodes,
    leader: () => nodes.find((n) => n.member.raft.isLeader),
    async stop() {
      for (const n of nodes) {
        n.backend.close();
        await n.server.close();
        await n.member.stop();
      }
      tmp.cleanup();
    },
  };
}
