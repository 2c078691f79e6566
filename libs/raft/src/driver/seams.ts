/**
 * The seams of the Raft driver (driver.ts): everything it needs from the
 * world comes in through these, so the same driver runs in production (the
 * WAL, a real transport, timers) and in the simulator (SimDisk, a simulated
 * network, a manual clock).
 */
import type { MaybePromise, Storage } from '../storage.js';
import type { ConfChange, ConfState, Entry, HardState, Message, Snapshot } from '../types.js';

/** What one Ready asks to persist, in one save (one fsync). */
export interface ReadySave {
  hardState?: HardState | undefined;
  entries: readonly Entry[];
  snapshot?: Snapshot | undefined;
}

/**
 * The log the driver persists to and the core reads from. `saveReady` is durable
 * when it returns (synchronous storage, the simulator) or resolves (the WAL,
 * which fsyncs off the event loop); either way the synchronous readers see
 * the change by then.
 */
export interface DriverStorage extends Storage {
  saveReady(s: ReadySave): MaybePromise<void>;
  createSnapshot(index: number, confState: ConfState | undefined, data: Uint8Array): Snapshot | Promise<Snapshot>;
  compact(index: number): MaybePromise<void>;
}

/**
 * Hands one message to the network. Returns false when the peer cannot be
 * reached now (the driver reports it unreachable, so the leader stops
 * pipelining to it); true when it was queued.
 */
export type SendFn = (m: Message) => boolean;

/** Time and timers: real ones in production, a manual clock in simulations. */
export interface DriverClock {
  /** Milliseconds on this clock (only differences matter). */
  nowMs(): number;
  /** Runs `fn` every `ms` milliseconds until the returned function is called. */
  every(ms: number, fn: () => void): () => void;
  /** Runs `fn` once after `ms` milliseconds unless the returned function is called first. */
  after(ms: number, fn: () => void): () => void;
  /** Runs `fn` soon, after the current call returns (setImmediate in production). */
  defer(fn: () => void): void;
}

/** The replicated application state the driver applies committed entries to. */
export interface StateMachine {
  /** Applies one committed normal entry (never empty). */
  applyEntry(entry: Entry): void;
  /** Applies one committed configuration change (after the node has). */
  applyConfChange(cc: ConfChange, confState: ConfState, index: number): void;
  /** The whole state, for a snapshot. */
  snapshotData(): Uint8Array;
  /** Replaces the whole state with a snapshot's. */
  restore(data: Uint8Array, snapshot: Snapshot): void;
}

/** Structured log lines (pino's shape; the agent passes its pino logger). */
export interface DriverLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** A logger that drops everything. */
export const SILENT_LOGGER: DriverLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * Observation points for checkers (the simulator's safety checkers, tests).
 * Production passes none. They must not change anything.
 */
export interface DriverObserver {
  /** Just before a Ready's save. */
  beforeSave?(s: ReadySave): void;
  /** Just after a Ready's save is durable. */
  afterSave?(s: ReadySave): void;
  /** Before a committed entry (empty ones included) is applied. */
  beforeApply?(e: Entry): void;
  /** After a snapshot from the leader was installed into the state machine. */
  afterInstallSnapshot?(s: Snapshot): void;
  /** This member just became leader (before its first Ready as leader is handled). */
  onBecomeLeader?(): void;
}
