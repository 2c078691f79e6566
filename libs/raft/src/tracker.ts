/**
 * ProgressTracker: the membership (voters and learners, single-server
 * changes), the leader's per-member Progress, vote tallies and quorum math.
 */
import { Progress } from './progress.js';
import type { ConfState } from './types.js';
import { emptyConfState } from './types.js';

export const enum VoteResult {
  Pending = 0,
  Lost = 1,
  Won = 2,
}

export class ProgressTracker {
  voters: number[] = [];
  learners: number[] = [];
  readonly progress = new Map<number, Progress>();
  readonly votes = new Map<number, boolean>();
  readonly maxInflightMsgs: number;
  readonly maxInflightBytes: number;
  private scratch: number[] = [];

  constructor(maxInflightMsgs: number, maxInflightBytes: number) {
    this.maxInflightMsgs = maxInflightMsgs;
    this.maxInflightBytes = maxInflightBytes;
  }

  isVoter(id: number): boolean {
    return this.voters.includes(id);
  }

  isLearner(id: number): boolean {
    return this.learners.includes(id);
  }

  isMember(id: number): boolean {
    return this.isVoter(id) || this.isLearner(id);
  }

  quorum(): number {
    return (this.voters.length >> 1) + 1;
  }

  isSingleton(): boolean {
    return this.voters.length === 1 && this.learners.length === 0;
  }

  confState(): ConfState {
    const cs = emptyConfState();
    cs.voters = [...this.voters].sort((a, b) => a - b);
    cs.learners = [...this.learners].sort((a, b) => a - b);
    return cs;
  }

  /** Replaces the membership, creating Progress for new members (next = nextIndex) and dropping removed ones. */
  setConfig(voters: readonly number[], learners: readonly number[], nextIndex: number): void {
    this.voters = [...new Set(voters)].sort((a, b) => a - b);
    this.learners = [...new Set(learners)].filter((id) => !this.voters.includes(id)).sort((a, b) => a - b);
    for (const id of [...this.progress.keys()]) {
      if (!this.isMember(id)) this.progress.delete(id);
    }
    for (const id of this.voters) this.ensure(id, nextIndex, false);
    for (const id of this.learners) this.ensure(id, nextIndex, true);
  }

  private ensure(id: number, nextIndex: number, isLearner: boolean): void {
    const pr = this.progress.get(id);
    if (pr) {
      pr.isLearner = isLearner;
      return;
    }
    const np = new Progress(nextIndex, this.maxInflightMsgs, this.maxInflightBytes, isLearner);
    // A new member counts as active so check-quorum does not step the leader down at once.
    np.recentActive = true;
    this.progress.set(id, np);
  }

  /** Largest index replicated on a quorum of voters. */
  committed(): number {
    const n = this.voters.length;
    if (n === 0) return Number.MAX_SAFE_INTEGER;
    const s = this.scratch;
    s.length = n;
    for (let k = 0; k < n; k++) s[k] = this.progress.get(this.voters[k]!)?.match ?? 0;
    // Small n: insertion sort, descending.
    for (let i = 1; i < n; i++) {
      const v = s[i]!;
      let j = i - 1;
      while (j >= 0 && s[j]! < v) {
        s[j + 1] = s[j]!;
        j--;
      }
      s[j + 1] = v;
    }
    return s[(n >> 1)]! ;
  }

  resetVotes(): void {
    this.votes.clear();
  }

  recordVote(id: number, granted: boolean): void {
    if (!this.votes.has(id)) this.votes.set(id, granted);
  }

  tallyVotes(): { granted: number; rejected: number; result: VoteResult } {
    let granted = 0;
    let rejected = 0;
    for (const id of this.voters) {
      const v = this.votes.get(id);
      if (v === undefined) continue;
      if (v) granted++;
      else rejected++;
    }
    return { granted, rejected, result: this.voteResult(this.votes) };
  }

  /** Outcome of a vote (or ack) count among the voters. */
  voteResult(votes: ReadonlyMap<number, boolean>): VoteResult {
    const n = this.voters.length;
    if (n === 0) return VoteResult.Won;
    const q = (n >> 1) + 1;
    let yes = 0;
    let missing = 0;
    for (const id of this.voters) {
      const v = votes.get(id);
      if (v === undefined) missing++;
      else if (v) yes++;
    }
    if (yes >= q) return VoteResult.Won;
    if (yes + missing >= q) return VoteResult.Pending;
    return VoteResult.Lost;
  }

  /** Check-quorum: have a quorum of voters been active recently (self counts)? */
  quorumActive(selfId: number): boolean {
    let active = 0;
    for (const id of this.voters) {
      const pr = this.progress.get(id);
      if (id === selfId || (pr && pr.recentActive)) active++;
    }
    return active >= this.quorum();
  }
}
