/**
 * Starts a real etcd cluster (Debian's etcd-server, v3.4) on loopback: a
 * static --initial-cluster on free 127.0.0.1 ports, data dirs in a temp dir,
 * defaults otherwise (heartbeat 100 ms, election timeout 1000 ms).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cluster, ClusterMember } from './cluster.js';
import type { TestCa } from '@mgmt/transport/testing';
import { freePort, type ProcessRegistry } from './processes.js';

/**
 * Starts `size` etcd members at once; resolves when they are spawned (not yet serving).
 * With `tls` (the TLS rows): https URLs, a CA made with openssl, and etcd's
 * TLS flags with client and peer certificate auth.
 */
export async function startEtcdCluster(registry: ProcessRegistry, size: number, dir: string, tls?: { ca: TestCa }): Promise<Cluster> {
  const scheme = tls ? 'https' : 'http';
  const specs: Array<{ name: string; client: number; peer: number }> = [];
  for (let i = 1; i <= size; i++) specs.push({ name: `e${i}`, client: await freePort(), peer: await freePort() });
  const initialCluster = specs.map((s) => `${s.name}=${scheme}://127.0.0.1:${s.peer}`).join(',');
  const members: ClusterMember[] = specs.map((s) => {
    const clientUrl = `${scheme}://127.0.0.1:${s.client}`;
    const peerUrl = `${scheme}://127.0.0.1:${s.peer}`;
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
    if (tls) {
      const c = tls.ca.issue(s.name);
      args.push('--cert-file', c.cert, '--key-file', c.key, '--trusted-ca-file', tls.ca.cert, '--client-cert-auth');
      args.push('--peer-cert-file', c.cert, '--peer-key-file', c.key, '--peer-trusted-ca-file', tls.ca.cert, '--peer-client-cert-auth');
    }
    const child = registry.spawnLogged('etcd', args, path.join(dir, `${s.name}.log`));
    return { name: s.name, endpoint: `127.0.0.1:${s.client}`, child };
  });
  const admin = tls?.ca.issue('bench-admin');
  return {
    system: 'etcd',
    members,
    tls: tls && admin ? { ca: tls.ca.cert, cert: admin.cert, key: admin.key } : undefined,
    stop: async () => {
      await Promise.all(members.map((m) => registry.stop(m.child, 'SIGKILL')));
    },
  };
}
