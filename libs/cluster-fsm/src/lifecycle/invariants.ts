/**
 * What must hold in every state the lifecycle can reach. Tests check it after
 * every step (model paths and random walks); the agent may check it in debug
 * builds. A violation is a bug in the chart, never an operating condition.
 */
import type { SnapshotFrom } from 'xstate';
import { activeStateIds } from '../viz/active.js';
import type { lifecycleMachine } from './machine.js';
import type { MemberStatus } from './types.js';

/** The active leaf of a lifecycle snapshot as a dotted path, e.g. `peer.running`. */
export function lifecycleLeaf(snapshot: SnapshotFrom<typeof lifecycleMachine>): string {
  return (activeStateIds('lifecycle', snapshot.value).at(-1) ?? 'lifecycle').slice('lifecycle.'.length);
}

/** The member statuses each state allows (undefined: any). */
function allowedMember(leaf: string): MemberStatus[] | undefined {
  if (leaf.startsWith('client.') || leaf.startsWith('volunteer.')) return ['none'];
  if (leaf === 'bootstrapping' || leaf === 'nominated.starting') return ['starting'];
  if (leaf === 'nominated.retrying') return ['none'];
  if (leaf.startsWith('peer.')) return ['running'];
  if (leaf === 'unnominated.stopping') return ['stopping'];
  return undefined;
}

/** Why `snapshot` breaks a lifecycle invariant, or undefined when it holds. */
export function lifecycleInvariantViolation(snapshot: SnapshotFrom<typeof lifecycleMachine>): string | undefined {
  const c = snapshot.context;
  const leaf = lifecycleLeaf(snapshot);
  const members = allowedMember(leaf);
  if (members !== undefined && !members.includes(c.member)) return `${leaf} with member ${c.member}`;
  if (leaf.startsWith('volunteer.') && !(c.volunteered && c.volunteering)) return `${leaf} but not volunteering`;
  if (c.noServer && /^(volunteer|nominated|peer|unnominated|bootstrapping)/.test(leaf)) return `--no-server agent in ${leaf}`;
  if (c.shutdownRequested && !(leaf.startsWith('leaving.') || leaf === 'stopped')) return `shutdown requested but in ${leaf}`;
  if (leaf === 'peer.running' && !c.isVoter) return 'running peer that is not a voter';
  if (leaf === 'failed' && c.error === undefined) return 'failed without an error';
  if (c.reason.trim() === '') return `${leaf} without a reason`;
  if (snapshot.status === 'done' && leaf !== 'stopped' && leaf !== 'failed') return `done in ${leaf}`;
  return undefined;
}
