/** Options of the Raft driver, with the defaults production runs with. */
import type { RaftConfig } from '../config.js';
import { ReadOnlyOption } from '../read-only.js';
import type { DriverClock, DriverLogger, DriverObserver, DriverStorage, SendFn, StateMachine } from './seams.js';

/** The core's settings the driver passes through (everything but what the driver decides itself). */
export type CoreOptions = Partial<Omit<RaftConfig, 'id' | 'storage' | 'random' | 'applied' | 'electionTick' | 'heartbeatTick'>>;

/** What the driver is built from; see driver.ts. */
export interface DriverOptions {
  id: number;
  storage: DriverStorage;
  send: SendFn;
  clock: DriverClock;
  stateMachine: StateMachine;
  /** Seeded random numbers in [0, 1) for the core's randomized election timeouts. */
  random: () => number;
  logger?: DriverLogger;
  observer?: DriverObserver;
  /**
   * Milliseconds per Raft tick. Default 20: with 15 election ticks a leader
   * that stops answering is replaced after 300-600 ms (etcd's defaults give
   * 1-2 s; a leader whose connection closes is replaced at once, see
   * eager-campaign.ts), and heartbeats every 5 ticks (100 ms, etcd's
   * --heartbeat-interval) keep a loaded but live leader in place: it may
   * stall 200 ms before a follower's timeout (with 2 and 10 ticks it was
   * 160 ms). Each heartbeat is a message and an answer per follower, the
   * largest part of an idle leader's CPU; 100 ms instead of 40 ms cut it.
   */
  tickMs?: number;
  electionTicks?: number;
  heartbeatTicks?: number;
  /** Take a snapshot and compact the log after this many applied entries (0: never). */
  snapshotEveryEntries?: number;
  /** Entries kept behind a snapshot so slow followers can catch up from the log. */
  snapshotCatchUpEntries?: number;
  /** While more than this many entries a second are applied, a due snapshot waits (snapshot-taker.ts); 0: never waits. */
  snapshotBusyEntriesPerSecond?: number;
  /** ...but no longer than until the log holds this many entries past the last snapshot. */
  snapshotBusyMaxEntries?: number;
  /** Index already reflected in the state machine (restored from the last snapshot). */
  applied?: number;
  /** The leader sends a Ready's messages before its own save (Raft thesis 10.2.1). Default true. */
  sendBeforePersist?: boolean;
  /** Committed entries already in the durable log are applied before the Ready's save. Default true. */
  applyBeforePersist?: boolean;
  /** Whether a failed save is a full disk, to hold the Ready and retry it (default: never). */
  isDiskFull?: (err: unknown) => boolean;
  /** Milliseconds between retries of a save that found the disk full. Default 1000. */
  diskFullRetryMs?: number;
  /**
   * Ticks during which the lowest-id voter keeps campaigning after the
   * connection to the leader closed (forget-leader, then an eager campaign).
   * Default 10; 0 turns it off.
   */
  eagerCampaignTicks?: number;
  /** Milliseconds after which a membership change's promise fails (the change may still apply). Default 10000. */
  confChangeTimeoutMs?: number;
  /** The driver's and the core's invariants after each Ready (cheap; on in production). Default true. */
  invariants?: boolean;
  /** Settings passed to the core; unset ones take PRODUCTION_CORE_DEFAULTS. */
  core?: CoreOptions;
}

/** The core's settings in production (and in the simulator, which runs production's defaults). */
export const PRODUCTION_CORE_DEFAULTS: CoreOptions = {
  maxSizePerMsg: 1024 * 1024,
  maxInflightMsgs: 256,
  maxUncommittedEntriesSize: 64 * 1024 * 1024,
  checkQuorum: true,
  preVote: true,
  readOnlyOption: ReadOnlyOption.Safe,
  maxLearnerLag: 1000,
};

/** The driver's own defaults (production's). */
export const DRIVER_DEFAULTS = {
  tickMs: 20,
  electionTicks: 15,
  heartbeatTicks: 5,
  // The log between snapshots lives in memory (DurableStorage's cache):
  // with 20,000 + 5,000 a member held up to 25,000 entries, the largest
  // part of its growth after an hour of puts. 10,000 + 2,000 halves that;
  // a follower more than 2,000 entries behind gets the snapshot instead
  // (a few MB for the keyspaces this is for; etcd keeps 5,000).
  snapshotEveryEntries: 10_000,
  snapshotCatchUpEntries: 2_000,
  // A snapshot stalls the member (the whole store is encoded on its thread):
  // under a write load it waits for the load to ease, up to 5x the interval
  // (snapshot-taker.ts). A fleet's status writes (~100 a second at 1,000
  // agents) are not a load here.
  snapshotBusyEntriesPerSecond: 200,
  snapshotBusyMaxEntries: 50_000,
  sendBeforePersist: true,
  applyBeforePersist: true,
  diskFullRetryMs: 1000,
  eagerCampaignTicks: 10,
  confChangeTimeoutMs: 10_000,
  invariants: true,
} as const;

/** The options that were given (undefined ones would hide the defaults). */
export function definedOnly(o: DriverOptions): Partial<DriverOptions> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as Partial<DriverOptions>;
}
