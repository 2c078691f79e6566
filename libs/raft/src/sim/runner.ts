/**
 * One randomized simulation run from one seed: a fault phase (lossy,
 * duplicating, reordering network; partitions; crashes with partial
 * persistence; membership changes; leadership transfers; snapshots) with
 * the safety checkers after every step, then a liveness phase (network
 * healed, crashed members restarted) in which a leader must emerge and every
 * pending write must commit within a bounded number of ticks. Finally the
 * client history is checked for linearizability.
 */
import type { UnsafeTestBugs } from '../config.js';
import { Rng } from '../random.js';
import { ConfChangeType } from '../types.js';
import { DRIVER_DEFAULTS, PRODUCTION_CORE_DEFAULTS } from '../driver/options.js';
import { SimCluster, type ClusterOptions } from './cluster.js';
import type { SimStorageModel } from './storage-model.js';
import { checkLinearizable } from './linearizability.js';

export interface RunOptions {
  seed: number;
  /** Steps of the fault phase. */
  faultSteps?: number;
  /** Bound on the liveness phase, in ticks. */
  livenessSteps?: number;
  bugs?: UnsafeTestBugs;
  /** Probability per step of a membership change attempt (default 0.02). */
  confChangeRate?: number;
  /** How members keep their logs (default: in memory); libs/wal's WalStorageModel runs DurableStorage on SimDisk. */
  storage?: (seed: number) => SimStorageModel;
  /**
   * Production's settings exactly (election and heartbeat ticks, message and
   * in-flight limits, pre-vote, check-quorum, learner lag, snapshot interval)
   * instead of randomized ones. Production's driver options are on either way.
   */
  productionDefaults?: boolean;
  /** Production's driver options (send before persist, early apply, forget-leader); default on. Off only to bisect a failure. */
  productionOptions?: boolean;
  /** Single driver options, to bisect a failure (see ClusterOptions.driverOverrides). */
  driverOverrides?: ClusterOptions['driverOverrides'];
}

export interface RunResult {
  seed: number;
  violations: string[];
  steps: number;
  commits: number;
  stats: Record<string, number>;
}

const MAX_IDS = 7;

/** The cluster settings production runs with (RaftServer's defaults; see DRIVER_DEFAULTS and PRODUCTION_CORE_DEFAULTS). */
function productionSettings(seed: number, voters: number[], bugs: UnsafeTestBugs | undefined): ClusterOptions {
  const core = PRODUCTION_CORE_DEFAULTS;
  return {
    seed,
    voters,
    electionTick: DRIVER_DEFAULTS.electionTicks,
    heartbeatTick: DRIVER_DEFAULTS.heartbeatTicks,
    preVote: core.preVote,
    checkQuorum: core.checkQuorum,
    maxSizePerMsg: core.maxSizePerMsg,
    maxInflightMsgs: core.maxInflightMsgs,
    maxInflightBytes: 0,
    maxUncommittedEntriesSize: core.maxUncommittedEntriesSize,
    maxLearnerLag: core.maxLearnerLag,
    snapshotInterval: DRIVER_DEFAULTS.snapshotEveryEntries,
    snapshotKeep: DRIVER_DEFAULTS.snapshotCatchUpEntries,
    productionOptions: true,
    bugs,
  };
}

export function runSimulation(o: RunOptions): RunResult {
  const rng = new Rng(o.seed ^ 0x5eed);
  const nVoters = rng.pick([1, 3, 3, 3, 5]);
  const voters = Array.from({ length: nVoters }, (_, k) => k + 1);
  const preVote = rng.chance(0.75);
  const checkQuorum = rng.chance(0.75);
  const randomized: ClusterOptions = {
    seed: o.seed,
    voters,
    electionTick: rng.pick([5, 10, 10, 20]),
    heartbeatTick: rng.pick([1, 1, 2]),
    preVote,
    checkQuorum,
    maxSizePerMsg: rng.pick([64, 256, 1024 * 1024]),
    maxInflightMsgs: rng.pick([1, 2, 4, 256]),
    maxInflightBytes: rng.pick([0, 0, 512]),
    maxUncommittedEntriesSize: rng.pick([0, 0, 400]),
    snapshotInterval: rng.pick([0, 5, 10, 25]),
    snapshotKeep: rng.pick([0, 2, 10]),
    bugs: o.bugs,
  };
  const c = new SimCluster({
    ...(o.productionDefaults ? productionSettings(o.seed, voters, o.bugs) : randomized),
    ...(o.storage ? { storage: o.storage(o.seed) } : {}),
    ...(o.productionOptions === false ? { productionOptions: false } : {}),
    ...(o.driverOverrides ? { driverOverrides: o.driverOverrides } : {}),
  });
  c.tickProbability = rng.pick([1, 0.95, 0.8]);
  const stats: Record<string, number> = { crashes: 0, partitions: 0, confChanges: 0, transfers: 0 };
  const faultSteps = o.faultSteps ?? 250;
  const livenessSteps = o.livenessSteps ?? 1500;
  let nextId = nVoters + 1;
  const keys = ['a', 'b', 'c'];
  const allIds = (): number[] => [...c.nodes.keys()];

  for (let s = 0; s < faultSteps && c.checker.ok; s++) {
    const live = c.liveMembers();
    // clients
    if (live.length > 0 && rng.chance(0.35)) c.put(rng.pick(live).id, rng.pick(keys));
    if (live.length > 0 && rng.chance(0.15)) c.get(rng.pick(live).id, rng.pick(keys));
    c.retryPending(40);
    // network
    if (rng.chance(0.02)) {
      c.net.faults = {
        drop: rng.pick([0, 0.02, 0.1, 0.3]),
        duplicate: rng.pick([0, 0.05, 0.2]),
        minDelay: 1,
        maxDelay: rng.pick([1, 2, 4, 8]),
      };
    }
    if (rng.chance(0.01)) {
      c.net.isolate(rng.pick(allIds()), allIds());
      stats.partitions!++;
    }
    if (rng.chance(0.006)) {
      const ids = allIds();
      const a = ids.filter(() => rng.chance(0.5));
      c.net.partition(a, ids.filter((x) => !a.includes(x)));
      stats.partitions!++;
    }
    if (rng.chance(0.01)) {
      c.net.block(rng.pick(allIds()), rng.pick(allIds()));
      stats.partitions!++;
    }
    if (rng.chance(0.02)) {
      const faults = c.net.faults;
      c.net.heal();
      c.net.faults = faults;
    }
    // crashes
    if (rng.chance(0.012) && live.length > 0) {
      c.crash(rng.pick(live).id, rng.chance(0.5));
      stats.crashes!++;
    }
    // full disks (only models that have disks: the memory model draws nothing here, so its seeds keep their meaning)
    if (c.model.fillDisk && rng.chance(0.004) && live.length > 0 && c.model.fillDisk(rng.pick(live).id, rng)) stats.fullDisks = (stats.fullDisks ?? 0) + 1;
    if (c.model.freeDisks && rng.chance(0.01)) c.model.freeDisks();
    if (rng.chance(0.04)) {
      const down = [...c.nodes.values()].filter((n) => !n.driver && !n.removed);
      if (down.length > 0) c.restart(rng.pick(down).id);
    }
    // membership, transfer
    const leader = c.leader();
    if (leader && rng.chance(o.confChangeRate ?? 0.02)) {
      const st = leader.driver!.status();
      const roll = rng.int(4);
      if (roll === 0 && nextId <= MAX_IDS) {
        const id = nextId;
        if (c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: id })) {
          nextId++;
          c.addEmptyNode(id);
          stats.confChanges!++;
        }
      } else if (roll === 1 && st.learners.length > 0) {
        if (c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: rng.pick(st.learners) })) stats.confChanges!++;
      } else if (roll === 2 && st.voters.length >= 3) {
        if (c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: rng.pick(st.voters) })) stats.confChanges!++;
      } else if (roll === 3 && st.learners.length > 0) {
        if (c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: rng.pick(st.learners) })) stats.confChanges!++;
      }
    }
    if (leader && rng.chance(0.01)) {
      const st = leader.driver!.status();
      leader.driver!.transferLeadership(rng.pick(st.voters));
      stats.transfers!++;
    }
    c.step();
  }

  // Liveness: heal everything, restart every crashed member.
  let livenessOk = true;
  if (c.checker.ok) {
    c.net.heal();
    c.model.freeDisks?.();
    c.tickProbability = 1;
    for (const n of c.nodes.values()) if (!n.driver && !n.removed) c.restart(n.id);
    c.resetBackoff();
    const start = c.now;
    livenessOk = c.runUntil(() => {
      c.retryPending(30);
      const l = c.leader();
      // A working leader (it has committed in its own term) and every client write committed.
      return l !== undefined && c.pendingWriteCount === 0 && l.driver!.committedInTerm;
    }, livenessSteps);
    stats.livenessTicks = c.now - start;
  }
  const violations = [...c.checker.violations];
  if (violations.length === 0 && !livenessOk) {
    const l = c.leader();
    violations.push(
      `liveness: after ${livenessSteps} healed ticks ${l ? `leader ${l.id} (term ${l.driver!.term})` : 'no leader'}, ${c.pendingWriteCount} writes pending`,
    );
  }
  if (violations.length === 0) {
    const lin = checkLinearizable(c.history, c.writeOrder);
    if (lin) violations.push(`linearizability: ${lin.message}`);
  }
  return { seed: o.seed, violations, steps: c.now, commits: c.checker.maxCommitted, stats };
}
