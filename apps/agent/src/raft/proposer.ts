/**
 * Turns a store command into an applied result: encodes it with a fresh
 * random id, proposes it through Raft and waits until this member applies
 * the entry that carries the id. Ids are random 53-bit numbers from a
 * generator seeded once from the OS, so ids never repeat across members or
 * restarts in practice (a reused id could hand one client another's result).
 */
import { encodeCommand, type ApplyResult, type Command } from '@mgmt/kv';
import { mulberry32, type DriverClock } from '@mgmt/raft';
import { randomInt } from 'node:crypto';
import type { AgentState } from './agent-state.js';
import { ProposalFailedError, type RaftServer } from './raft-server.js';
import { systemClock } from './system-clock.js';

/** The proposal's outcome is unknown: it may or may not have been applied. */
export class ProposalTimeoutError extends Error {
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = 'ProposalTimeoutError';
  }
}

/** How often waiting proposals are checked against their deadlines. */
const DEADLINE_SWEEP_MS = 100;

interface Pending {
  deadlineMs: number;
  reject: (err: unknown) => void;
}

/**
 * Proposes store commands and waits for their results. Deadlines are kept
 * in one map swept by one timer rather than a timer per proposal: under
 * load that is thousands of timers created and cleared a second for
 * nothing (a deadline fires up to DEADLINE_SWEEP_MS late).
 */
export class Proposer {
  private readonly hi: () => number;
  private readonly lo: () => number;
  private readonly pending = new Map<number, Pending>();
  private stopSweep: (() => void) | undefined;

  /** `clock` and `seeds` are the simulator's seams (default: real time, two seeds from the OS). */
  constructor(
    private readonly raft: RaftServer,
    private readonly state: AgentState,
    private readonly timeoutMs = 7_000,
    private readonly clock: DriverClock = systemClock,
    seeds: readonly [number, number] = [randomInt(2 ** 31), randomInt(2 ** 31)],
  ) {
    this.hi = mulberry32(seeds[0]);
    this.lo = mulberry32(seeds[1]);
  }

  private nextId(): number {
    // 21 high bits and 32 low bits: a uniformly random positive integer < 2^53.
    return Math.floor(this.hi() * 2 ** 21) * 2 ** 32 + Math.floor(this.lo() * 2 ** 32) || 1;
  }

  /** Proposes `command`; resolves with its applied result. Rejects with ProposalFailedError or ProposalTimeoutError. */
  propose(command: Command): Promise<ApplyResult> {
    const id = this.nextId();
    const data = encodeCommand(command, id);
    return new Promise<ApplyResult>((resolve, reject) => {
      this.pending.set(id, { deadlineMs: this.clock.nowMs() + this.timeoutMs, reject });
      this.state.expect(id, (result) => {
        this.pending.delete(id);
        resolve(result);
      });
      try {
        this.raft.propose(data);
      } catch (err) {
        this.pending.delete(id);
        this.state.forget(id);
        reject(err instanceof ProposalFailedError ? err : new ProposalFailedError(String(err), { cause: err }));
        return;
      }
      this.stopSweep ??= this.clock.every(DEADLINE_SWEEP_MS, () => this.sweep());
    });
  }

  /** Fails every proposal still waiting (the member is stopping). */
  close(): void {
    const err = new ProposalFailedError('raft member stopped');
    for (const [id, p] of this.pending) {
      this.state.forget(id);
      p.reject(err);
    }
    this.pending.clear();
    this.stopSweeper();
  }

  /** Rejects proposals past their deadline; their outcome stays unknown (they may still apply). */
  private sweep(): void {
    const now = this.clock.nowMs();
    for (const [id, p] of this.pending) {
      if (p.deadlineMs > now) continue;
      this.pending.delete(id);
      this.state.forget(id);
      p.reject(new ProposalTimeoutError(this.timeoutMs));
    }
    if (this.pending.size === 0) this.stopSweeper();
  }

  private stopSweeper(): void {
    this.stopSweep?.();
    this.stopSweep = undefined;
  }
}
