/**
 * The agent lifecycle: client -> volunteer -> nominated -> peer ->
 * unnominated -> client, plus bootstrap, leaving and failure.
 *
 * Effects are actions (verbs) that apps/agent provides with
 * `lifecycleMachine.provide({ actions })`; each effect reports its outcome
 * back as a fact event (`self.send(...)`). Facts observed in the store
 * (watches on `/_mgmt/`) arrive the same way. Facts that arrive in a state
 * where they mean nothing are ignored, so a late answer can never move the
 * agent backwards. Time is the actor's clock only (delayed transitions).
 */
import { assign, enqueueActions, not, setup } from 'xstate';
import { DuplicateHostnameError, MemberFailedError, MemberStartError, NothingToJoinError } from '../errors.js';
import { InvalidHostnameError } from '../keys.js';
import { initialLifecycleContext } from './context.js';
import { lifecycleDelays, lifecycleGuards } from './guards.js';
import { clientConnectedReason, peerRunningReason, seedForAttempt, volunteerWaitingReason } from './reasons.js';
import type {
  ConnectToSeedParams,
  HostParams,
  LifecycleContext,
  LifecycleEvent,
  LifecycleInput,
  LifecycleOutput,
  StopMemberParams,
} from './types.js';

const hostParams = ({ context }: { context: LifecycleContext }): HostParams => ({
  hostname: context.hostname,
  peerUrls: context.peerUrls,
  clientUrls: context.clientUrls,
});

/** The agent lifecycle machine. Provide its actions with `.provide({ actions: {...} })`. */
export const lifecycleMachine = setup({
  types: {
    context: {} as LifecycleContext,
    events: {} as LifecycleEvent,
    input: {} as LifecycleInput,
    output: {} as LifecycleOutput,
  },
  actions: {
    /** Effect: open a client connection through `seed`; report `seed.connected` or `seed.unreachable`. */
    connectToSeed: (_args, _params: ConnectToSeedParams) => {},
    /**
     * Effect: write `/_mgmt/volunteers/<hostname>` = peer URLs on the agent's
     * lease, only if absent or already on this lease; report
     * `volunteer.registered`, `hostname.duplicated` (held by another lease)
     * or `volunteer.failed`.
     */
    writeVolunteerKey: (_args, _params: HostParams) => {},
    /** Effect: delete the volunteer key; report `volunteer.revoked` (also when it was already gone). */
    revokeVolunteerKey: (_args, _params: HostParams) => {},
    /** Effect: start a Raft member as a new cluster of one; report `member.started` or `member.failed`. */
    bootstrapCluster: (_args, _params: HostParams) => {},
    /** Effect: restart the Raft member whose data the data directory holds; report `member.started` or `member.failed`. */
    restartMember: (_args, _params: HostParams) => {},
    /** Effect: start a Raft member that joins the existing cluster; report `member.started` or `member.failed`. */
    startMember: (_args, _params: HostParams) => {},
    /** Effect: write `/_mgmt/endpoints/<hostname>` = client URLs on the agent's lease. */
    advertiseEndpoint: (_args, _params: HostParams) => {},
    /** Effect: delete the endpoints key (before the member stops serving). */
    withdrawEndpoint: (_args, _params: HostParams) => {},
    /** Effect: hand leadership to another voter; report `leadership.changed`. */
    transferLeadership: (_args, _params: HostParams) => {},
    /** Effect: leave the Raft group, close the server and free its ports; report `member.stopped`. Idempotent. */
    stopMember: (_args, _params: StopMemberParams) => {},

    recordCluster: assign(({ context, event }) => {
      if (event.type !== 'cluster.observed') return {};
      return {
        voters: event.voters,
        idealClusterSize: event.idealClusterSize,
        otherVolunteers: event.otherVolunteers ?? context.otherVolunteers,
        learners: event.learners ?? context.learners,
        knownEndpoints: event.endpoints ?? context.knownEndpoints,
      };
    }),
    recordNomination: assign(({ event }) => ({ nominationPresent: event.type === 'nomination.received' })),
    recordLeadership: assign(({ event }) => (event.type === 'leadership.changed' ? { isLeader: event.isLeader } : {})),
    explainVolunteerWaiting: assign(({ context }) => ({ reason: volunteerWaitingReason(context) })),
    explainPeerRunning: assign(({ context }) => ({ reason: peerRunningReason(context) })),
    explain: assign((_args, params: { reason: string }) => ({ reason: params.reason })),
    fail: assign((_args, params: { error: Error }) => ({ error: params.error, reason: `failed: ${params.error.message}` })),
    forgetMember: assign({ member: 'none' }),
    /** The one start of a bootstrapping or restarting member failed: the agent cannot go on. */
    failFirstStart: assign(({ event }) => {
      const error = new MemberStartError(1, { cause: new Error(event.type === 'member.failed' ? event.error : 'member failed') });
      return { error, reason: `failed: ${error.message}` };
    }),
  },
  guards: lifecycleGuards,
  delays: lifecycleDelays,
}).createMachine({
  id: 'lifecycle',
  context: ({ input }) => initialLifecycleContext(input),
  output: ({ context }) => ({ reason: context.reason, error: context.error }),
  initial: 'starting',
  on: {
    'cluster.observed': { actions: 'recordCluster' },
    'leadership.changed': { actions: 'recordLeadership' },
    // The nomination key is a level, not an edge: the last report is kept everywhere and acted on
    // wherever the agent can act (a key still present after the old member stopped starts a new one).
    'nomination.received': { actions: 'recordNomination' },
    'nomination.revoked': { actions: 'recordNomination' },
    'shutdown.requested': {
      target: '.leaving',
      actions: assign({ shutdownRequested: true, volunteering: false }),
    },
  },
  states: {
    starting: {
      always: [
        {
          guard: not('hasValidHostname'),
          target: 'failed',
          actions: { type: 'fail', params: ({ context }) => ({ error: new InvalidHostnameError(context.hostname) }) },
        },
        { guard: 'hasMemberData', target: 'restarting' },
        { guard: 'hasSeeds', target: 'client' },
        // Without seeds, a host that once belonged to a cluster reconnects to it: never a second cluster.
        { guard: 'belongsToCluster', target: 'client' },
        {
          guard: 'isNoServer',
          target: 'failed',
          actions: { type: 'fail', params: () => ({ error: new NothingToJoinError() }) },
        },
        { target: 'bootstrapping' },
      ],
    },

    bootstrapping: {
      entry: [
        assign({ member: 'starting' }),
        { type: 'explain', params: { reason: 'bootstrapping: starting a cluster of one' } },
        { type: 'bootstrapCluster', params: hostParams },
      ],
      on: {
        'member.started': {
          target: '#lifecycle.peer.running',
          actions: [
            assign({ member: 'running', isVoter: true, isLeader: true, voters: 1, volunteered: true }),
            { type: 'writeVolunteerKey', params: hostParams },
          ],
        },
        'member.failed': { target: 'failed', actions: ['forgetMember', 'failFirstStart'] },
      },
    },

    // The member's data is on disk: it is (or was) a member of its cluster. Restart it; if the cluster removed it
    // meanwhile, the agent finds out from the others (member.removed) and volunteers again.
    restarting: {
      entry: [
        assign({ member: 'starting' }),
        { type: 'explain', params: { reason: 'restarting: the raft member from its data directory' } },
        { type: 'restartMember', params: hostParams },
      ],
      on: {
        'member.started': {
          target: '#lifecycle.peer.joining',
          actions: [assign({ member: 'running', volunteered: true }), { type: 'writeVolunteerKey', params: hostParams }],
        },
        'member.failed': { target: 'failed', actions: ['forgetMember', 'failFirstStart'] },
      },
    },

    client: {
      initial: 'connecting',
      on: {
        'hostname.duplicated': {
          target: 'failed',
          actions: { type: 'fail', params: ({ context }) => ({ error: new DuplicateHostnameError(context.hostname) }) },
        },
      },
      states: {
        connecting: {
          entry: [
            assign(({ context }) => {
              const seed = seedForAttempt(context, context.connectAttempts);
              const target = seed === '' ? 'the cluster (no seed or known endpoint yet)' : seed;
              return { reason: `client: connecting to ${target} (attempt ${context.connectAttempts + 1})` };
            }),
            {
              type: 'connectToSeed',
              params: ({ context }) => ({
                seed: seedForAttempt(context, context.connectAttempts),
                attempt: context.connectAttempts,
              }),
            },
          ],
          on: {
            'seed.connected': {
              target: 'connected',
              actions: assign(({ event }) => ({ connectedSeed: event.seed, connectAttempts: 0 })),
            },
            'seed.unreachable': {
              target: 'retrying',
              actions: assign(({ context }) => ({ connectAttempts: context.connectAttempts + 1 })),
            },
            // --bootstrap-expect: enough hosts answered and this one is chosen to start the cluster.
            'bootstrap.elected': { guard: 'mayBootstrap', target: '#lifecycle.bootstrapping' },
          },
        },
        retrying: {
          entry: assign(({ event }) => ({
            reason: `client: no answer from ${event.type === 'seed.unreachable' ? event.seed : 'the seed'}; retrying`,
          })),
          after: { connectRetryDelay: { target: 'connecting' } },
        },
        connected: {
          entry: assign(({ context }) => ({ reason: clientConnectedReason(context) })),
          always: { guard: 'wantsToVolunteer', target: '#lifecycle.volunteer' },
          on: { 'connection.lost': { target: 'connecting' } },
        },
      },
    },

    volunteer: {
      initial: 'registering',
      always: { guard: 'isNominated', target: 'nominated' },
      on: {
        'hostname.duplicated': {
          target: '.contested',
          // The grace the agent gives (its fleet's lease TTL), before the contested state's timer starts.
          actions: assign(({ context, event }) =>
            event.graceMs !== undefined && event.graceMs > 0 ? { timing: { ...context.timing, duplicateHostnameGraceMs: event.graceMs } } : {},
          ),
        },
        'connection.lost': { target: '#lifecycle.client.connecting' },
      },
      states: {
        registering: {
          entry: [
            assign({ volunteered: true }),
            { type: 'explain', params: { reason: 'volunteer: writing the volunteer key' } },
            { type: 'writeVolunteerKey', params: hostParams },
          ],
          on: {
            'volunteer.registered': { target: 'waiting', actions: assign({ volunteerAttempts: 0 }) },
            'volunteer.failed': {
              target: 'retrying',
              actions: assign(({ context }) => ({ volunteerAttempts: context.volunteerAttempts + 1 })),
            },
          },
        },
        retrying: {
          entry: assign(({ event }) => ({
            reason: `volunteer: could not write the volunteer key (${event.type === 'volunteer.failed' ? event.error : 'error'}); retrying`,
          })),
          after: { volunteerRetryDelay: { target: 'registering' } },
        },
        // The key is held by another lease: another agent with this hostname, or this host's previous
        // run whose lease has not expired yet. Keep trying for a grace period before calling it a duplicate.
        contested: {
          initial: 'waiting',
          entry: assign(({ context }) => ({
            reason: `volunteer: hostname ${context.hostname} is held by another lease; waiting for it to expire`,
          })),
          on: { 'hostname.duplicated': {} },
          after: {
            duplicateHostnameGrace: {
              target: '#lifecycle.failed',
              actions: { type: 'fail', params: ({ context }) => ({ error: new DuplicateHostnameError(context.hostname) }) },
            },
          },
          states: {
            waiting: {
              entry: assign(({ context }) => ({ volunteerAttempts: context.volunteerAttempts + 1 })),
              after: { volunteerRetryDelay: { target: 'registering' } },
            },
            registering: {
              entry: { type: 'writeVolunteerKey', params: hostParams },
              on: {
                'volunteer.registered': { target: '#lifecycle.volunteer.waiting', actions: assign({ volunteerAttempts: 0 }) },
                'hostname.duplicated': { target: 'waiting' },
                'volunteer.failed': { target: 'waiting' },
              },
            },
          },
        },
        waiting: {
          entry: 'explainVolunteerWaiting',
          on: {
            'cluster.observed': { actions: ['recordCluster', 'explainVolunteerWaiting'] },
            'lease.lost': { target: 'registering' },
          },
        },
      },
    },

    nominated: {
      initial: 'starting',
      entry: assign(({ context }) => ({
        nominations: context.nominations + 1,
        memberStartAttempts: 0,
        isVoter: false,
      })),
      on: {
        'nomination.revoked': { target: 'unnominated', actions: 'recordNomination' },
        'member.removed': { target: 'unnominated' },
        'member.promoted': { actions: assign({ isVoter: true }) },
      },
      states: {
        starting: {
          entry: [
            assign(({ context }) => ({
              member: 'starting' as const,
              memberStartAttempts: context.memberStartAttempts + 1,
              reason: `nominated: starting the raft member (attempt ${context.memberStartAttempts + 1})`,
            })),
            { type: 'startMember', params: hostParams },
          ],
          on: {
            'member.started': [
              { guard: 'isVoter', target: '#lifecycle.peer.running', actions: assign({ member: 'running' }) },
              { target: '#lifecycle.peer.joining', actions: assign({ member: 'running' }) },
            ],
            'member.failed': [
              { guard: 'hasStartAttemptsLeft', target: 'retrying', actions: assign({ member: 'none' }) },
              {
                target: '#lifecycle.failed',
                actions: [
                  assign({ member: 'none' }),
                  {
                    type: 'fail',
                    params: ({ context, event }) => ({
                      error: new MemberStartError(context.memberStartAttempts, { cause: new Error(event.error) }),
                    }),
                  },
                ],
              },
            ],
          },
        },
        retrying: {
          entry: assign(({ event }) => ({
            reason: `nominated: the raft member failed to start (${event.type === 'member.failed' ? event.error : 'error'}); retrying`,
          })),
          after: { memberStartRetryDelay: { target: 'starting' } },
        },
      },
    },

    peer: {
      initial: 'joining',
      on: {
        'nomination.revoked': { target: 'unnominated', actions: 'recordNomination' },
        'member.removed': { target: 'unnominated' },
        'member.failed': {
          target: 'failed',
          actions: [
            assign({ member: 'none' }),
            { type: 'fail', params: ({ event }) => ({ error: new MemberFailedError(event.error) }) },
          ],
        },
      },
      states: {
        joining: {
          entry: { type: 'explain', params: { reason: 'peer: joining as a learner, waiting to be promoted' } },
          on: { 'member.promoted': { target: 'running', actions: assign({ isVoter: true }) } },
        },
        running: {
          entry: ['explainPeerRunning', { type: 'advertiseEndpoint', params: hostParams }],
          on: {
            'cluster.observed': { actions: ['recordCluster', 'explainPeerRunning'] },
            'leadership.changed': { actions: ['recordLeadership', 'explainPeerRunning'] },
            'lease.lost': {
              actions: [
                { type: 'writeVolunteerKey', params: hostParams },
                { type: 'advertiseEndpoint', params: hostParams },
              ],
            },
          },
        },
      },
    },

    unnominated: {
      initial: 'stopping',
      states: {
        stopping: {
          entry: [
            assign({ member: 'stopping', isVoter: false, isLeader: false }),
            { type: 'explain', params: { reason: 'unnominated: leaving the raft group and stopping the server' } },
            { type: 'withdrawEndpoint', params: hostParams },
            { type: 'stopMember', params: ({ context }) => ({ hostname: context.hostname, force: false }) },
          ],
          on: {
            'member.stopped': {
              target: '#lifecycle.client.connecting',
              actions: assign({ member: 'none', connectAttempts: 0 }),
            },
          },
        },
      },
    },

    leaving: {
      initial: 'graceful',
      on: {
        'shutdown.requested': {
          target: 'stopped',
          actions: [
            { type: 'explain', params: { reason: 'stopped: forced by a second shutdown request' } },
            enqueueActions(({ context, enqueue, check }) => {
              if (check('hasMember')) enqueue({ type: 'stopMember', params: { hostname: context.hostname, force: true } });
            }),
          ],
        },
        'member.stopped': { actions: assign({ member: 'none' }) },
        'volunteer.revoked': { actions: assign({ volunteered: false }) },
      },
      states: {
        graceful: {
          initial: 'handingOver',
          after: {
            shutdownTimeout: {
              target: 'stoppingMember',
              actions: { type: 'explain', params: { reason: 'leaving: timed out waiting to be un-nominated; stopping' } },
            },
          },
          states: {
            handingOver: {
              always: { guard: not('isLeaderWithPeers'), target: 'revoking' },
              entry: [
                { type: 'explain', params: { reason: 'leaving: handing leadership to another voter' } },
                enqueueActions(({ context, enqueue, check }) => {
                  if (check('isLeaderWithPeers')) enqueue({ type: 'transferLeadership', params: hostParams({ context }) });
                }),
              ],
              // A transfer can fail (its target was being removed, or lagged): ask again until it happens.
              after: { transferRetryDelay: { target: 'handingOver', reenter: true } },
            },
            revoking: {
              always: { guard: not('hasVolunteered'), target: 'awaitingRemoval' },
              entry: [
                { type: 'explain', params: { reason: 'leaving: revoking the volunteer key' } },
                enqueueActions(({ context, enqueue, check }) => {
                  if (check('hasVolunteered')) enqueue({ type: 'revokeVolunteerKey', params: hostParams({ context }) });
                }),
              ],
            },
            awaitingRemoval: {
              always: { guard: not('mustAwaitRemoval'), target: '#lifecycle.leaving.stoppingMember' },
              entry: { type: 'explain', params: { reason: 'leaving: waiting to be un-nominated' } },
              on: {
                'nomination.revoked': { target: '#lifecycle.leaving.stoppingMember', actions: 'recordNomination' },
                'member.removed': { target: '#lifecycle.leaving.stoppingMember' },
              },
            },
          },
        },
        stoppingMember: {
          always: { guard: not('hasMember'), target: '#lifecycle.stopped' },
          entry: [
            { type: 'explain', params: { reason: 'leaving: stopping the raft member' } },
            enqueueActions(({ context, enqueue, check }) => {
              if (!check('isMemberStopNeeded')) return;
              enqueue({ type: 'withdrawEndpoint', params: hostParams({ context }) });
              enqueue({ type: 'stopMember', params: { hostname: context.hostname, force: false } });
              enqueue.assign({ member: 'stopping' });
            }),
          ],
        },
      },
    },

    stopped: {
      type: 'final',
      entry: assign(({ context }) => ({
        reason: context.reason.startsWith('stopped') ? context.reason : 'stopped: left the cluster cleanly',
      })),
    },

    failed: { type: 'final' },
  },
});
