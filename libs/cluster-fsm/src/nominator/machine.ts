/**
 * The nominator: runs only on the Raft leader and applies `decideNext` one
 * change at a time. decide -> apply (the agent's `applyDecision` actor) ->
 * wait until a later view shows the change -> decide again; a failed or
 * unobserved change backs off and is decided afresh (the world may have
 * moved on). The agent starts it on becoming leader, feeds it
 * `view.updated` (at least every few ticks, so stabilization time passes),
 * and stops it on losing leadership.
 */
import { assign, fromPromise, setup } from 'xstate';
import type { BackoffPolicy } from '../backoff.js';
import { backoffDelayMs } from '../backoff.js';
import { EffectNotProvidedError } from '../not-provided.js';
import { decideNext } from './decide.js';
import type { ChangeDecision, Decision } from './decision.js';
import { describeDecision } from './decision.js';
import type { HealthySince } from './health.js';
import { trackHealth, withHealth } from './health.js';
import { isDecisionObserved } from './observed.js';
import type { VolunteerLeaseHistory } from './flap.js';
import { NO_LEASE_HISTORY, dampedVolunteers, trackLeaseLosses } from './flap.js';
import type { VolunteerMissingSince } from './volunteer-grace.js';
import { trackMissingVolunteers, withVolunteerGrace } from './volunteer-grace.js';
import type { ClusterView, NominatorPolicy } from './view.js';
import { DEFAULT_NOMINATOR_POLICY } from './view.js';

/** Timing of the nominator, in milliseconds of the actor's clock. */
export interface NominatorTiming {
  /** Backoff after a failed or unobserved change. */
  retry: BackoffPolicy;
  /** How long to wait for an applied change to show up in a view. */
  observeTimeoutMs: number;
}

/** Defaults: retry after 0.5 s doubling to 10 s; give up waiting for a change after 10 s. */
export const DEFAULT_NOMINATOR_TIMING: NominatorTiming = {
  retry: { baseDelayMs: 500, maxDelayMs: 10_000 },
  observeTimeoutMs: 10_000,
};

/** Input of {@link nominatorMachine}; every field optional. */
export interface NominatorInput {
  policy?: Partial<NominatorPolicy>;
  timing?: Partial<NominatorTiming>;
}

/** Context of {@link nominatorMachine}. */
export interface NominatorContext {
  policy: NominatorPolicy;
  timing: NominatorTiming;
  /** The latest view, annotated with health history. */
  view: ClusterView | undefined;
  healthySince: HealthySince;
  /** When each member's volunteer key was first seen missing (a deleted key is not a quit until the grace passes). */
  volunteerMissingSince: VolunteerMissingSince;
  /** Recent lease losses of volunteers: a host that comes and goes is damped (flap.ts). */
  leaseHistory: VolunteerLeaseHistory;
  /** Tick of the view in which the last rebalancing promotion was observed (one move per stabilization time). */
  lastRebalanceTick: number | undefined;
  /** The decision being applied or observed, or the last one made. */
  decision: Decision | undefined;
  /** Leader id when `decision` was made. */
  decidedByLeaderId: string | undefined;
  /** Consecutive failed or unobserved changes (resets when one is observed). */
  failures: number;
  lastError: string | undefined;
  /** Count of changes applied and observed since start. */
  changesObserved: number;
  /** What the nominator is doing, for logs and `mgmt status`. */
  reason: string;
}

/** Events the agent sends to the nominator. */
export type NominatorEvent =
  /** A fresh snapshot of the cluster. */
  | { type: 'view.updated'; view: ClusterView }
  /** This node is no longer the leader: stop deciding. */
  | { type: 'leadership.lost' };

/** Input of the `applyDecision` actor: the change to make. */
export type ApplyDecisionInput = ChangeDecision;

/**
 * Placeholder the agent replaces: perform the change (write or delete the
 * nominated key, propose the conf change, transfer leadership) and resolve
 * once it is accepted (proposed / written); reject on failure.
 */
const applyDecision = fromPromise<void, ApplyDecisionInput>(async () => {
  throw new EffectNotProvidedError('applyDecision');
});

function onView(
  context: NominatorContext,
  view: ClusterView,
): Pick<NominatorContext, 'view' | 'healthySince' | 'volunteerMissingSince' | 'leaseHistory'> {
  const healthySince = trackHealth(context.healthySince, view, context.policy);
  const volunteerMissingSince = trackMissingVolunteers(context.volunteerMissingSince, view);
  const leaseHistory = trackLeaseLosses(context.leaseHistory, view, context.policy);
  const remembered: ClusterView = {
    ...view,
    damped: dampedVolunteers(leaseHistory, context.policy),
    ...(context.lastRebalanceTick !== undefined ? { lastRebalanceTick: context.lastRebalanceTick } : {}),
  };
  return {
    view: withVolunteerGrace(withHealth(remembered, healthySince), volunteerMissingSince, context.policy),
    healthySince,
    volunteerMissingSince,
    leaseHistory,
  };
}

/** The leader's nominator machine. */
export const nominatorMachine = setup({
  types: {
    context: {} as NominatorContext,
    events: {} as NominatorEvent,
    input: {} as NominatorInput,
  },
  actors: { applyDecision },
  actions: {
    /** Called with each change just before it is applied (the agent logs it). */
    announceDecision: (_args, _params: { decision: ChangeDecision }) => {},
    recordView: assign(({ context, event }) => (event.type === 'view.updated' ? onView(context, event.view) : {})),
    decide: assign(({ context }) => {
      if (context.view === undefined) return { decision: undefined, reason: 'waiting for a view of the cluster' };
      const decision = decideNext(context.view, context.policy);
      return { decision, decidedByLeaderId: context.view.leaderId, reason: describeDecision(decision) };
    }),
    countObserved: assign(({ context }) => ({
      failures: 0,
      lastError: undefined,
      changesObserved: context.changesObserved + 1,
      lastRebalanceTick:
        context.decision?.kind === 'promoteLearner' && context.decision.rebalance === true ? context.view?.tick : context.lastRebalanceTick,
    })),
    recordFailure: assign(({ context }, params: { error: string }) => ({
      failures: context.failures + 1,
      lastError: params.error,
      reason: `backing off after: ${params.error}`,
    })),
  },
  guards: {
    hasChange: ({ context }) => context.decision !== undefined && context.decision.kind !== 'none',
    isChangeObserved: ({ context }) =>
      context.view !== undefined &&
      context.decision !== undefined &&
      context.decision.kind !== 'none' &&
      isDecisionObserved(context.decision, context.view, context.decidedByLeaderId ?? ''),
  },
  delays: {
    retryDelay: ({ context }) => backoffDelayMs(Math.max(0, context.failures - 1), context.timing.retry),
    observeTimeout: ({ context }) => context.timing.observeTimeoutMs,
  },
}).createMachine({
  id: 'nominator',
  context: ({ input }) => ({
    policy: { ...DEFAULT_NOMINATOR_POLICY, ...input.policy },
    timing: { ...DEFAULT_NOMINATOR_TIMING, ...input.timing },
    view: undefined,
    healthySince: {},
    volunteerMissingSince: {},
    leaseHistory: NO_LEASE_HISTORY,
    lastRebalanceTick: undefined,
    decision: undefined,
    decidedByLeaderId: undefined,
    failures: 0,
    lastError: undefined,
    changesObserved: 0,
    reason: 'waiting for a view of the cluster',
  }),
  initial: 'waitingForView',
  on: {
    'leadership.lost': { target: '.stopped' },
  },
  states: {
    waitingForView: {
      on: { 'view.updated': { target: 'deciding', actions: 'recordView' } },
    },
    deciding: {
      entry: 'decide',
      always: [{ guard: 'hasChange', target: 'applying' }, { target: 'idle' }],
    },
    idle: {
      on: { 'view.updated': { target: 'deciding', actions: 'recordView' } },
    },
    applying: {
      entry: {
        type: 'announceDecision',
        params: ({ context }) => ({ decision: context.decision as ChangeDecision }),
      },
      invoke: {
        id: 'applyDecision',
        src: 'applyDecision',
        input: ({ context }) => context.decision as ChangeDecision,
        onDone: { target: 'observing' },
        onError: {
          target: 'backoff',
          actions: { type: 'recordFailure', params: ({ event }) => ({ error: errorText(event.error) }) },
        },
      },
      on: { 'view.updated': { actions: 'recordView' } },
    },
    observing: {
      always: { guard: 'isChangeObserved', target: 'deciding', actions: 'countObserved' },
      on: { 'view.updated': { actions: 'recordView' } },
      after: {
        observeTimeout: {
          target: 'backoff',
          actions: { type: 'recordFailure', params: { error: 'the change did not show up in time' } },
        },
      },
    },
    backoff: {
      on: { 'view.updated': { actions: 'recordView' } },
      after: { retryDelay: { target: 'deciding' } },
    },
    stopped: { type: 'final' },
  },
});

/** A one-line description of anything thrown. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
