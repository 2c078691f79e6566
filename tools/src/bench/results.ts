/** What one benchmark run measured for one system, and the run's context. */
import type { WatchResult } from './protocol.js';
import type { LatencySummary } from './stats.js';

/** Formation of an n-member cluster from the first process start. */
export interface FormationResult {
  members: number;
  /** To the first successful put through any member. */
  firstWriteMs: number;
  /** To a member list with n started voters. */
  allVotersMs: number;
}

/** Measurements of one system; a section not run is undefined. */
export interface SystemResults {
  system: 'etcd' | 'mgmt';
  puts: Array<{ clients: number; summary: LatencySummary }>;
  reads?: { clients: number; linearizable: LatencySummary; serializable: LatencySummary };
  watch?: WatchResult & { watchers: number };
  /** Resident set size of each member before the put runs (formed, idle, an empty store), bytes: the runtime's own. */
  memoryBeforeBytes?: number[];
  /** Resident set size of each member at the end of the put runs, bytes. */
  memoryBytes?: number[];
  /** The same once both systems have been idle `settleMs` after the put runs (an idle member, as issue 21 sets the target). */
  memoryIdle?: { bytes: number[]; settleMs: number };
  /** Each failover run, ms from the SIGKILL of the leader to the next successful write. */
  failoverRunsMs?: number[];
  formation: FormationResult[];
  /** The put and read workloads with TLS on both sides (the `tls` section). */
  tls?: { puts: Array<{ clients: number; summary: LatencySummary }>; reads?: { clients: number; linearizable: LatencySummary; serializable: LatencySummary } };
  /** Resident set of each member after the hour-like write volume (the `hour` section). */
  hour?: { writes: number; replayMs: number; memoryBytes: number[]; loadAverage: number[] };
  /** CPU of an idle cluster as a percent of one core (the `idle` section). */
  idle?: { leaderCorePercent: number; memberCorePercents: number[]; windowMs: number; loadAverage: number[] };
}

/** The machine and the run. */
export interface RunContext {
  cores: number;
  cpuModel: string;
  /** os.loadavg() at the start and the end of the run. */
  loadStart: number[];
  loadEnd: number[];
  quick: boolean;
  startedAt: string;
  etcdVersion: string;
  nodeVersion: string;
  /** The mgmt members' API worker threads (0: the API on the member's thread). */
  apiWorkers?: number;
}
