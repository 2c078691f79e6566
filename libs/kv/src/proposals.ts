import { assert } from './assert.js';
import { Errors, type EtcdError } from './errors.js';
import type { ApplyResult } from './store.js';

/** Proposals waiting for their entry to be applied, by default. */
const DEFAULT_MAX_PENDING = 10_000;

/**
 * The waiting side of propose(): a Raft-backed EtcdBackend registers each
 * proposal here, puts `id` into the entry (encodeCommand(command, id)) and,
 * when the entry is applied, calls resolve(id, result) with what
 * store.applyEntry returned. Ids are unique for this member's lifetime.
 * Bounded: past `maxPending` waiting proposals, register throws etcd's
 * "too many requests".
 */
export class PendingProposals {
  private readonly waiting = new Map<number, { resolve: (r: ApplyResult) => void; reject: (e: Error) => void }>();
  private nextId: number;

  /** `firstId` lets a restarted member start above ids it used before (e.g. a timestamp). */
  constructor(
    firstId = 1,
    private readonly maxPending = DEFAULT_MAX_PENDING,
  ) {
    assert(Number.isSafeInteger(firstId) && firstId > 0, 'first proposal id is a positive integer');
    this.nextId = firstId;
  }

  /** The number of proposals waiting. */
  get size(): number {
    return this.waiting.size;
  }

  /** A fresh id and the promise its applied result will settle. Throws Errors.tooManyRequests() when full. */
  register(): { id: number; result: Promise<ApplyResult> } {
    if (this.waiting.size >= this.maxPending) throw Errors.tooManyRequests();
    const id = this.nextId++;
    const result = new Promise<ApplyResult>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    return { id, result };
  }

  /** Hands an applied result to its waiter; false when nobody here waits for `id` (another member's proposal). */
  resolve(id: number, result: ApplyResult): boolean {
    const w = this.waiting.get(id);
    if (!w) return false;
    this.waiting.delete(id);
    w.resolve(result);
    return true;
  }

  /** Fails one waiter (e.g. its proposal was dropped). */
  reject(id: number, error: EtcdError | Error): void {
    const w = this.waiting.get(id);
    if (!w) return;
    this.waiting.delete(id);
    w.reject(error);
  }

  /** Fails every waiter (leader lost, member stopping): e.g. Errors.leaderChanged() or Errors.stopped(). */
  rejectAll(error: EtcdError | Error): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(error);
  }
}
