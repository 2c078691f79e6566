/**
 * Proves the status summaries are plain data that say where an agent is,
 * why, and which chart nodes to light: a waiting volunteer, a failed agent
 * with its error, and a nominator applying a change.
 */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { nominatorMachine } from '../src/nominator/machine.js';
import { lifecycleStatus, nominatorStatus } from '../src/status.js';
import { startLifecycle } from './lifecycle-harness.js';
import { viewOf, voter } from './views.js';

describe('status', () => {
  it('summarizes a waiting volunteer', () => {
    const h = startLifecycle({ seeds: ['http://a:2379'] });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    h.actor.send({ type: 'volunteer.registered' });
    h.actor.send({ type: 'cluster.observed', voters: 3, idealClusterSize: 3 });
    const status = lifecycleStatus(h.actor.getSnapshot());
    expect(status).toEqual({
      hostname: 'h1',
      state: 'volunteer.waiting',
      activeStateIds: ['lifecycle.volunteer', 'lifecycle.volunteer.waiting'],
      reason: 'volunteer: waiting, cluster full 3/3',
      member: 'none',
      isVoter: false,
      isLeader: false,
      nominations: 0,
      done: false,
      error: null,
    });
    expect(JSON.parse(JSON.stringify(status))).toEqual(status);
  });

  it('carries the error of a failed agent', () => {
    const h = startLifecycle({ seeds: ['http://a:2379'] });
    h.actor.send({ type: 'hostname.duplicated' });
    h.clock.increment(30_000);
    const status = lifecycleStatus(h.actor.getSnapshot());
    expect(status.state).toBe('failed');
    expect(status.done).toBe(true);
    expect(status.error?.name).toBe('DuplicateHostnameError');
  });

  it('summarizes the nominator', () => {
    const actor = createActor(nominatorMachine, { input: {} });
    actor.start();
    actor.send({ type: 'view.updated', view: viewOf([voter('h1', '1')], { idealClusterSize: 1 }) });
    expect(nominatorStatus(actor.getSnapshot())).toMatchObject({
      state: 'idle',
      activeStateIds: ['nominator.idle'],
      reason: 'none: cluster at ideal size 1/1',
      decision: { kind: 'none' },
      failures: 0,
      lastError: null,
    });
  });
});
