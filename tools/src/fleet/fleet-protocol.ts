/**
 * Messages between the fleet harness and its agent processes (Node IPC).
 * A process runs many real agents; it tells the harness when each has
 * registered (volunteer key and lease) and every `/_mgmt/` revision each has
 * observed, batched.
 */

/** What the harness tells an agent process when it starts it (JSON in argv). */
export interface FleetWorkerConfig {
  /** Host names of the agents this process runs. */
  hostnames: string[];
  /** Client URLs of the cluster's members. */
  seeds: string[];
  /** Where each agent keeps its data directory, graph file and collected files. */
  dir: string;
  idealClusterSize: number;
}

/** From an agent process to the harness. */
export type FleetWorkerMessage =
  /**
   * Agents (by index in `hostnames`) that registered since the last message,
   * and when each did (ms since the epoch, from its lifecycle's transition):
   * the process finds and reports them only when its shared event loop gets
   * to it, seconds later in a mass restart.
   */
  | { type: 'registered'; indexes: number[]; atMs: number[] }
  /** The highest revision each agent (by index) observed since the last message. */
  | { type: 'observed'; revisions: Array<[index: number, revision: number]> }
  | { type: 'started' };

/** From the harness to an agent process: profile its CPU for `ms` and write the V8 profile into `dir` (MGMT_FLEET_STEADY_PROF_DIR). */
export interface FleetProfileRequest {
  type: 'profile';
  ms: number;
  dir: string;
}

/** The exported resource the harness edits: every agent collects it (a file in its own directory). */
export const FLEET_SOURCE_KEY = '/_mgmt/exported/fleet-source/file/shared';
