/**
 * What the workloads need from a cluster under test, whichever system it
 * is: its members' client endpoints and processes, who leads, and stopping.
 */
import type { ChildProcess } from 'node:child_process';
import { isLeader, voterNames } from './admin.js';
import { hasExited } from './processes.js';
import type { TlsFiles } from './protocol.js';

/** One server process of a cluster. */
export interface ClusterMember {
  name: string;
  /** host:port of its etcd v3 gRPC API. */
  endpoint: string;
  child: ChildProcess;
}

/** A running cluster under test. */
export interface Cluster {
  readonly system: 'etcd' | 'mgmt';
  readonly members: ClusterMember[];
  /** Stops every member (SIGKILL unless profiling, which needs a clean exit). */
  stop(): Promise<void>;
  /** Client certificate files when the members serve TLS (the TLS rows). */
  readonly tls?: TlsFiles;
}

/** Members still running. */
export function liveMembers(cluster: Cluster): ClusterMember[] {
  return cluster.members.filter((m) => !hasExited(m.child));
}

/** The member that reports itself leader; waits up to `timeoutMs`. */
export async function findLeader(cluster: Cluster, timeoutMs = 15_000): Promise<ClusterMember> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    for (const m of liveMembers(cluster)) if (await isLeader(m.endpoint, 1_000, cluster.tls)) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${cluster.system}: no leader within ${timeoutMs} ms`);
}

/** Waits until some member lists `n` started voters; resolves with the time waited in ms. */
export async function waitForVoters(cluster: Cluster, n: number, timeoutMs = 60_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < timeoutMs) {
    for (const m of liveMembers(cluster)) {
      const names = await voterNames(m.endpoint, 500, cluster.tls);
      if (names && names.length >= n) return performance.now() - t0;
      if (names) break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${cluster.system}: fewer than ${n} voters after ${timeoutMs} ms`);
}
