/**
 * The deterministic simulator of @mgmt/raft (import from `@mgmt/raft/sim`):
 * whole clusters of production drivers on a simulated network and clock,
 * with a pluggable storage model (memory here; the WAL on SimDisk in
 * @mgmt/wal), safety checkers and a linearizability checker.
 */
export { SimCluster, SimNode, type ClusterOptions } from './cluster.js';
export { runSimulation, type RunOptions, type RunResult } from './runner.js';
export { MemoryStorageModel, type SimStorage, type SimStorageModel } from './storage-model.js';
export { SafetyChecker } from './checkers.js';
export { checkLinearizable } from './linearizability.js';
export { parseScenario, printScenario, type ScenarioBlock } from './scenario.js';
