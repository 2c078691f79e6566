/**
 * Starts a real etcd cluster (Debian's etcd-server, v3.4) on loopback: a
 * static --initial-cluster on free 127.0.0.1 ports, data dirs in a temp dir,
 * defaults otherwise (heartbeat 100 ms, election timeout 1000 ms).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cluster, ClusterMember } from './cluster.js';
import { freePort, type ProcessRegistry } from './processes.js';

/** Starts `size` etcd members at once; resolves when they are spawned (not yet serving). */
export async function startEtcdCluster(registry: ProcessRegistry, size: number, dir: string): Promise<Cluster> {
  const specs: Array<{ name: string; client: number; peer: number }> = [];
  for (let i = 1; i <= size; i++) specs.push({ name: `e${i}`, client: await freePort(), peer: await freePort() });
  const initialCluster = specs.map((s) => `${s.name}=http://127.0.0.1:${s.peer}`).join(',');
  const members: ClusterMember[] = specs.map((s) => {
    const clientUrl = `http://127.0.0.1:${s.client}`;
    const peerUrl = `http://127.0.0.1:${s.peer}`;
    const dataDir = path.join(dir, s.name);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const args = [
      '--name', s.name,
      '--data-dir', dataDir,
      '--listen-client-urls', clientUrl,
      '--advertise-client-urls', clientUrl,
      '--listen-peer-urls', peerUrl,
      '--initial-advertise-peer-urls', peerUrl,
      '--initial-cluster', initialCluster,
      '--initial-cluster-state', 'new',
      '--initial-cluster-token', path.basename(dir),
      '--log-level', 'warn',
    ];
    const child = registry.spawnLogged('etcd', args, path.join(dir, `${s.name}.log`));
    return { name: s.name, endpoint: `127.0.0.1:${s.client}`, child };
  });
  return {
    system: 'etcd',
    members,
    stop: async () => {
      await Promise.all(members.map((m) => registry.stop(m.child, 'SIGKILL')));
    },
  };
}
