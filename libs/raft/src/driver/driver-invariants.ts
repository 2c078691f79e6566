/**
 * The driver's invariants after each Ready (a few comparisons: cheap enough
 * to stay on in production). A violation throws DriverInvariantError, and
 * the loop stops the member with the message and the state that broke it.
 */
import type { Ready, RawNode } from '../rawnode.js';
import { DriverInvariantError } from './errors.js';
import type { DriverStorage } from './seams.js';

/** What the checks read of the driver. */
export interface DriverPosition {
  readonly id: number;
  readonly applied: number;
  readonly snapshotIndex: number;
}

export function checkDriverInvariants(rd: Ready, at: DriverPosition, node: RawNode, storage: DriverStorage): void {
  const committed = node.committed;
  const state = (): Record<string, unknown> => ({ id: at.id, term: node.term, role: node.role, applied: at.applied, committed, lastIndex: node.lastIndex, snapshotIndex: at.snapshotIndex });
  if (at.applied > committed) throw new DriverInvariantError('applied beyond the commit index', state());
  if (at.snapshotIndex > at.applied) throw new DriverInvariantError('snapshot beyond the applied index', state());
  const last = rd.committedEntries[rd.committedEntries.length - 1];
  if (last && at.applied < last.index) throw new DriverInvariantError(`committed entry ${last.index} handed out but not applied`, state());
  if (rd.entries.length > 0 && storage.lastIndex() < rd.entries[rd.entries.length - 1]!.index) {
    throw new DriverInvariantError('saved entries are not readable from storage', { ...state(), storageLastIndex: storage.lastIndex() });
  }
  node.checkInvariants();
}
