// Proves that an agent's calls time out by the time its process was
// listening: an answer that arrived while this process was stalled (a busy
// turn, as in a fleet process of 250 agents starting at once) is read, not
// given up for a deadline that fired first; and that a member which never
// answers still fails the call, with "no endpoint answered". Against a real
// Raft member serving the etcd API, and a socket that accepts and is silent.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterClient, ClusterUnavailableError } from '../src/cluster/cluster-client.js';
import { startCluster, type TestCluster } from './cluster-harness.js';

/** Keeps this process busy for `ms`, as a stalled event loop is. */
function stall(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe('call timeouts count the time the process listened', () => {
  let cluster: TestCluster;
  let silent: net.Server;
  const sockets = new Set<net.Socket>();

  beforeAll(async () => {
    cluster = await startCluster(1);
    silent = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => silent?.close(r));
    await cluster?.stop();
  });

  it('reads an answer that came while the process was stalled past the timeout', async () => {
    const client = new ClusterClient([cluster.nodes[0]!.clientUrl], 1_000);
    try {
      await client.ping(cluster.nodes[0]!.clientUrl); // connected
      const answer = client.get('/_mgmt/idealClusterSize');
      stall(2_500);
      await expect(answer).resolves.toBeUndefined();
    } finally {
      client.close();
    }
  }, 30_000);

  it('still fails a call that no one answers', async () => {
    const { port } = silent.address() as net.AddressInfo;
    const client = new ClusterClient([`http://127.0.0.1:${port}`], 500);
    try {
      await expect(client.get('/x')).rejects.toBeInstanceOf(ClusterUnavailableError);
    } finally {
      client.close();
    }
  }, 30_000);
});
