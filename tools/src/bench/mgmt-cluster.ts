/**
 * Starts a mgmt cluster the way the reference does: `mgmt run --hostname h1`
 * without seeds bootstraps a cluster of one, then the others start with
 * --seeds of h1's client URL and are nominated until the cluster has
 * --ideal-cluster-size voters.
 */
import path from 'node:path';
import type { Cluster, ClusterMember } from './cluster.js';
import { freePort, type ProcessRegistry } from './processes.js';

/** Where `mgmt` is: the workspace's bin (tsx compiles the sources on load). */
const MGMT_BIN = path.resolve(import.meta.dirname, '../../../node_modules/.bin/mgmt');

/** How to start the members. */
export interface MgmtClusterOptions {
  size: number;
  dir: string;
  /** Write a V8 CPU profile per member into this dir (members then stop with SIGTERM so it is written). */
  cpuProfileDir?: string;
}

/** Starts h1 and then the others with --seeds; resolves when all are spawned (not yet a cluster). */
export async function startMgmtCluster(registry: ProcessRegistry, o: MgmtClusterOptions): Promise<Cluster> {
  const members: ClusterMember[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, MGMT_LOG_LEVEL: 'warn' };
  if (o.cpuProfileDir) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${o.cpuProfileDir}`.trim();
  let seed: string | undefined;
  for (let i = 1; i <= o.size; i++) {
    const name = `h${i}`;
    const client = await freePort();
    const peer = await freePort();
    const args = ['run', '--hostname', name, '--client-urls', `http://127.0.0.1:${client}`, '--server-urls', `http://127.0.0.1:${peer}`, '--data-dir', path.join(o.dir, name), '--ideal-cluster-size', String(o.size)];
    if (seed) args.push('--seeds', seed);
    const child = registry.spawnLogged(MGMT_BIN, args, path.join(o.dir, `${name}.log`), env);
    members.push({ name, endpoint: `127.0.0.1:${client}`, child });
    seed ??= `http://127.0.0.1:${client}`;
  }
  const signal = o.cpuProfileDir ? 'SIGTERM' : 'SIGKILL';
  return {
    system: 'mgmt',
    members,
    stop: async () => {
      await Promise.all(members.map((m) => registry.stop(m.child, signal, 20_000)));
    },
  };
}
