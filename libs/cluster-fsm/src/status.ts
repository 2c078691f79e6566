/**
 * Plain-data summaries of running machines for `mgmt status` and the status
 * page: where the agent is, why, and which chart nodes to light.
 */
import type { SnapshotFrom } from 'xstate';
import type { lifecycleMachine } from './lifecycle/machine.js';
import type { MemberStatus } from './lifecycle/types.js';
import type { Decision } from './nominator/decision.js';
import type { nominatorMachine } from './nominator/machine.js';
import { activeStateIds } from './viz/active.js';

/** What `mgmt status` prints for one agent. JSON-serializable. */
export interface LifecycleStatus {
  hostname: string;
  /** Active leaf as a dotted path, e.g. `volunteer.waiting`. */
  state: string;
  /** Full ids of every active state, for `machineToDot(..., { highlight })`. */
  activeStateIds: string[];
  reason: string;
  member: MemberStatus;
  isVoter: boolean;
  isLeader: boolean;
  /** Times this process has been nominated. */
  nominations: number;
  /** True once stopped or failed. */
  done: boolean;
  error: { name: string; message: string } | null;
}

/** The status of a lifecycle actor's snapshot. */
export function lifecycleStatus(snapshot: SnapshotFrom<typeof lifecycleMachine>): LifecycleStatus {
  const c = snapshot.context;
  const ids = activeStateIds('lifecycle', snapshot.value);
  return {
    hostname: c.hostname,
    state: (ids.at(-1) ?? 'lifecycle').slice('lifecycle.'.length),
    activeStateIds: ids,
    reason: c.reason,
    member: c.member,
    isVoter: c.isVoter,
    isLeader: c.isLeader,
    nominations: c.nominations,
    done: snapshot.status === 'done',
    error: c.error === undefined ? null : { name: c.error.name, message: c.error.message },
  };
}

/** What the leader reports about its nominator. JSON-serializable. */
export interface NominatorStatus {
  state: string;
  activeStateIds: string[];
  reason: string;
  decision: Decision | null;
  failures: number;
  lastError: string | null;
  changesObserved: number;
}

/** The status of a nominator actor's snapshot. */
export function nominatorStatus(snapshot: SnapshotFrom<typeof nominatorMachine>): NominatorStatus {
  const c = snapshot.context;
  const ids = activeStateIds('nominator', snapshot.value);
  return {
    state: (ids.at(-1) ?? 'nominator').slice('nominator.'.length),
    activeStateIds: ids,
    reason: c.reason,
    decision: c.decision ?? null,
    failures: c.failures,
    lastError: c.lastError ?? null,
    changesObserved: c.changesObserved,
  };
}
