/**
 * Deterministic helpers to start a member:
 *  - bootstrapNewCluster: the first agent makes itself the sole voter (or a
 *    fixed set of initial voters) by writing an initial snapshot at index 1,
 *    term 1 whose ConfState names them, and a hard state committing it.
 *  - prepareJoin: a member joining an existing cluster starts with an empty
 *    log and no configuration; it learns both from the leader (a snapshot or
 *    the log) once the leader adds it as a learner.
 */
import { ErrInvalidConfig } from './errors.js';
import type { MaybePromise, Storage, StorageWriter } from './storage.js';
import { EMPTY_BYTES, emptyConfState, type Snapshot } from './types.js';

export function isEmptyStorage(s: Storage): boolean {
  const { hardState } = s.initialState();
  return s.lastIndex() === 0 && s.firstIndex() === 1 && hardState.term === 0 && hardState.vote === 0 && hardState.commit === 0;
}

function then<T>(p: MaybePromise<unknown>, f: () => T): MaybePromise<T> {
  if (p && typeof (p as Promise<unknown>).then === 'function') return (p as Promise<unknown>).then(f);
  return f();
}

/**
 * Writes the initial state of a brand-new cluster whose voters are `voters`
 * (usually just this member's id). The storage must be empty. Returns the
 * initial snapshot (its data is empty: the state machine starts empty).
 */
export function bootstrapNewCluster(storage: Storage & StorageWriter, voters: readonly number[]): MaybePromise<Snapshot> {
  if (!isEmptyStorage(storage)) throw new ErrInvalidConfig('bootstrapNewCluster needs an empty storage');
  if (voters.length === 0) throw new ErrInvalidConfig('bootstrapNewCluster needs at least one voter');
  for (const id of voters) if (!Number.isSafeInteger(id) || id <= 0) throw new ErrInvalidConfig(`bad member id ${id}`);
  const cs = emptyConfState();
  cs.voters = [...new Set(voters)].sort((a, b) => a - b);
  const snap: Snapshot = { data: EMPTY_BYTES, metadata: { index: 1, term: 1, confState: cs } };
  return then(storage.applySnapshot(snap), () => then(storage.setHardState({ term: 1, vote: 0, commit: 1 }), () => snap)) as MaybePromise<Snapshot>;
}

/** Checks that a joining member starts from an empty storage (it learns everything from the leader). */
export function prepareJoin(storage: Storage): void {
  if (!isEmptyStorage(storage)) throw new ErrInvalidConfig('a joining member must start with an empty storage');
}
