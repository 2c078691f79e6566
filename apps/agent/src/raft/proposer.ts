/**
 * Turns a store command into an applied result: encodes it with a fresh
 * random id, proposes it through Raft and waits until this member applies
 * the entry that carries the id. Ids are random 53-bit numbers from a
 * generator seeded once from the OS, so ids never repeat across members or
 * restarts in practice (a reused id could hand one client another's result).
 */
import { encodeCommand, type ApplyResult, type Command } from '@mgmt/kv';
import { mulberry32 } from '@mgmt/raft';
import { randomInt } from 'node:crypto';
import type { AgentState } from './agent-state.js';
import { ProposalFailedError, type RaftServer } from './raft-server.js';

/** The proposal's outcome is unknown: it may or may not have been applied. */
export class ProposalTimeoutError extends Error {
  constructor(ms: number) {
    super(`request timed out after ${ms} ms`);
    this.name = 'ProposalTimeoutError';
  }
}

/** Proposes store commands and waits for their results. */
export class Proposer {
  private readonly hi = mulberry32(randomInt(2 ** 31));
  private readonly lo = mulberry32(randomInt(2 ** 31));

  constructor(
    private readonly raft: RaftServer,
    private readonly state: AgentState,
    private readonly timeoutMs = 7_000,
  ) {}

  private nextId(): number {
    // 21 high bits and 32 low bits: a uniformly random positive integer < 2^53.
    return Math.floor(this.hi() * 2 ** 21) * 2 ** 32 + Math.floor(this.lo() * 2 ** 32) || 1;
  }

  /** Proposes `command`; resolves with its applied result. Rejects with ProposalFailedError or ProposalTimeoutError. */
  propose(command: Command): Promise<ApplyResult> {
    const id = this.nextId();
    const data = encodeCommand(command, id);
    return new Promise<ApplyResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.state.forget(id);
        reject(new ProposalTimeoutError(this.timeoutMs));
      }, this.timeoutMs);
      this.state.expect(id, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      try {
        this.raft.propose(data);
      } catch (err) {
        clearTimeout(timer);
        this.state.forget(id);
        reject(err instanceof ProposalFailedError ? err : new ProposalFailedError(String(err), { cause: err }));
      }
    });
  }
}
