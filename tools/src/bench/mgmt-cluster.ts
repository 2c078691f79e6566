/**
 * Starts a mgmt cluster the way the reference does: `mgmt run --hostname h1`
 * without seeds bootstraps a cluster of one, then the others start with
 * --seeds of h1's client URL and are nominated until the cluster has
 * --ideal-cluster-size voters.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cluster, ClusterMember } from './cluster.js';
import { freePort, hasExited, type ProcessRegistry } from './processes.js';

/** Where `mgmt` is: the workspace's bin (tsx compiles the sources on load). */
const MGMT_BIN = path.resolve(import.meta.dirname, '../../../node_modules/.bin/mgmt');

/** How to start the members. */
export interface MgmtClusterOptions {
  size: number;
  dir: string;
  /** Write a V8 CPU profile per member into this dir (members then stop with SIGTERM so it is written). */
  cpuProfileDir?: string;
  /** A join token: https URLs and the automatic PKI (the TLS rows); clients use h1's data-dir credentials. */
  token?: string;
  /** The members' MGMT_LOG_LEVEL when the environment sets none (default warn; formation reads info lines). */
  logLevel?: string;
}

/** Starts h1 and then the others with --seeds; resolves when all are spawned (not yet a cluster). */
export async function startMgmtCluster(registry: ProcessRegistry, o: MgmtClusterOptions): Promise<Cluster> {
  const members: ClusterMember[] = [];
  const env: NodeJS.ProcessEnv = { ...process.env, MGMT_LOG_LEVEL: process.env.MGMT_LOG_LEVEL ?? o.logLevel ?? 'warn' };
  // --cpu-prof is refused in NODE_OPTIONS, so a profiled member runs node on the bin script.
  const command = o.cpuProfileDir ? process.execPath : MGMT_BIN;
  const nodeArgs = o.cpuProfileDir ? [...shebangNodeFlags(MGMT_BIN), '--cpu-prof', `--cpu-prof-dir=${o.cpuProfileDir}`, MGMT_BIN] : [];
  let seed: string | undefined;
  for (let i = 1; i <= o.size; i++) {
    const name = `h${i}`;
    const client = await freePort();
    const peer = await freePort();
    const scheme = o.token ? 'https' : 'http';
    const args = ['run', '--hostname', name, '--client-urls', `${scheme}://127.0.0.1:${client}`, '--server-urls', `${scheme}://127.0.0.1:${peer}`, '--data-dir', path.join(o.dir, name), '--ideal-cluster-size', String(o.size)];
    if (seed) args.push('--seeds', seed);
    if (o.token) args.push('--token', o.token);
    const child = registry.spawnLogged(command, [...nodeArgs, ...args], path.join(o.dir, `${name}.log`), env);
    members.push({ name, endpoint: `127.0.0.1:${client}`, child });
    seed ??= `${o.token ? 'https' : 'http'}://127.0.0.1:${client}`;
  }
  const h1Tls = path.join(o.dir, 'h1', 'tls');
  return {
    system: 'mgmt',
    members,
    tls: o.token ? { ca: path.join(h1Tls, 'ca.crt'), cert: path.join(h1Tls, 'client.crt'), key: path.join(h1Tls, 'client.key') } : undefined,
    stop: async () => {
      if (o.cpuProfileDir) await Promise.all(members.map((m) => exitWritingProfile(registry, m)));
      await Promise.all(members.map((m) => registry.stop(m.child, 'SIGKILL')));
    },
  };
}

/** The node flags on a script's `#!/usr/bin/env -S node ...` line (the bin's V8 heap limits), for running it through node directly. */
function shebangNodeFlags(script: string): string[] {
  const first = fs.readFileSync(script, 'utf8').split('\n', 1)[0] ?? '';
  const m = /^#!.*\bnode((?:\s+--\S+)*)\s*$/.exec(first);
  return m?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [];
}

/**
 * Ends a profiled member so that node writes its profile: `mgmt run` leaves
 * cleanly on the first signal (which can wait on a quorum that is also
 * leaving), forces the member down on the second and then exits by itself.
 * (A third signal could arrive after it removed its handlers and kill it
 * before the profile is written.)
 */
async function exitWritingProfile(registry: ProcessRegistry, m: ClusterMember): Promise<void> {
  m.child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  if (hasExited(m.child)) return;
  const exited = new Promise<void>((resolve) => m.child.once('exit', () => resolve()));
  m.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  await registry.stop(m.child, 'SIGKILL');
}
