/**
 * Proves the agent lifecycle, scenario by scenario, by playing the agent:
 * each test sends the facts an agent would report and checks the state, the
 * effects asked for and the `reason` shown by `mgmt status`. Time is a
 * SimulatedClock. Covers bootstrap, seeds with backoff, --no-server,
 * volunteering, nomination through learner to voter, un-nomination and
 * re-nomination in the same process, duplicate hostnames, member start
 * failures, and clean, timed-out and forced shutdown.
 */
import { initialTransition, transition } from 'xstate';
import { describe, expect, it } from 'vitest';
import { DuplicateHostnameError, MemberStartError, NothingToJoinError } from '../src/errors.js';
import { InvalidHostnameError } from '../src/keys.js';
import { lifecycleMachine } from '../src/lifecycle/machine.js';
import type { LifecycleHarness } from './lifecycle-harness.js';
import { startLifecycle } from './lifecycle-harness.js';

const SEEDS = ['http://a:2379', 'http://b:2379'];

/** Drives a fresh seeded agent to `volunteer.waiting`. */
function volunteerWaiting(): LifecycleHarness {
  const h = startLifecycle({ seeds: SEEDS });
  h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
  h.actor.send({ type: 'volunteer.registered' });
  h.takeEffects();
  return h;
}

/** Drives a fresh seeded agent to `peer.running` as a follower in a 3-voter cluster. */
function runningPeer(): LifecycleHarness {
  const h = volunteerWaiting();
  h.actor.send({ type: 'nomination.received' });
  h.actor.send({ type: 'member.started' });
  h.actor.send({ type: 'member.promoted' });
  h.actor.send({ type: 'cluster.observed', voters: 3, idealClusterSize: 3 });
  h.takeEffects();
  return h;
}

const context = (h: LifecycleHarness) => h.actor.getSnapshot().context;

describe('lifecycle: start', () => {
  it('bootstraps a cluster of one without seeds, then volunteers and advertises itself', () => {
    const h = startLifecycle();
    expect(h.state()).toBe('bootstrapping');
    expect(h.takeEffects()).toEqual(['bootstrapCluster']);
    h.actor.send({ type: 'member.started' });
    expect(h.state()).toBe('peer.running');
    expect(h.takeEffects()).toEqual(['writeVolunteerKey', 'advertiseEndpoint']);
    expect(context(h).reason).toBe('peer: running as leader');
    h.actor.send({ type: 'cluster.observed', voters: 1, idealClusterSize: 5 });
    expect(context(h).reason).toBe('peer: running as leader, cluster 1/5');
  });

  it('restarts the member its data directory holds, with or without seeds, instead of bootstrapping', () => {
    for (const seeds of [[], SEEDS]) {
      const h = startLifecycle({ seeds, hasMemberData: true });
      expect(h.state()).toBe('restarting');
      expect(h.takeEffects()).toEqual(['restartMember']);
      h.actor.send({ type: 'member.started' });
      expect(h.state()).toBe('peer.joining');
      h.actor.send({ type: 'member.promoted' });
      expect(h.state()).toBe('peer.running');
    }
  });

  it('never bootstraps a second cluster when the data directory belongs to one: reconnects through the known members', () => {
    const h = startLifecycle({ seeds: [], knownCluster: { clusterId: 'c1', endpoints: ['http://b:2379'] } });
    expect(h.state()).toBe('client.connecting');
    expect(context(h).reason).toContain('http://b:2379');
    expect(h.takeEffects()).toEqual(['connectToSeed']);
    // Even a (mistaken) election to bootstrap is refused.
    h.actor.send({ type: 'bootstrap.elected', hosts: ['h1'] });
    expect(h.state()).toBe('client.connecting');
    h.actor.send({ type: 'seed.connected', seed: 'http://b:2379' });
    expect(h.state()).toBe('volunteer.registering');
  });

  it('--bootstrap-expect: bootstraps only when elected while connecting', () => {
    const h = startLifecycle({ seeds: SEEDS });
    expect(h.state()).toBe('client.connecting');
    h.actor.send({ type: 'bootstrap.elected', hosts: ['h1', 'h2', 'h3'] });
    expect(h.state()).toBe('bootstrapping');
    expect(h.takeEffects()).toContain('bootstrapCluster');
  });

  it('is pure: transitions return the effects to perform as data', () => {
    const input = { hostname: 'h1', seeds: ['http://a:2379'], peerUrls: ['http://h1:2380'], clientUrls: ['http://h1:2379'] };
    const [start, startEffects] = initialTransition(lifecycleMachine, input);
    expect(start.value).toEqual({ client: 'connecting' });
    expect(startEffects.map((a) => a.type)).toContain('connectToSeed');
    const [next, effects] = transition(lifecycleMachine, start, { type: 'seed.connected', seed: 'http://a:2379' });
    expect(next.value).toEqual({ volunteer: 'registering' });
    const write = effects.find((a) => a.type === 'writeVolunteerKey');
    expect(write?.params).toEqual({ hostname: 'h1', peerUrls: ['http://h1:2380'], clientUrls: ['http://h1:2379'] });
  });

  it('fails with a clear error for a hostname that cannot name a key', () => {
    const h = startLifecycle({ hostname: 'a/b', seeds: SEEDS });
    expect(h.state()).toBe('failed');
    expect(context(h).error).toBeInstanceOf(InvalidHostnameError);
    expect(h.takeEffects()).toEqual([]);
  });

  it('fails with a clear error for --no-server without seeds', () => {
    const h = startLifecycle({ noServer: true });
    expect(h.state()).toBe('failed');
    expect(context(h).error).toBeInstanceOf(NothingToJoinError);
    expect(h.actor.getSnapshot().output?.error).toBeInstanceOf(NothingToJoinError);
  });

  it('tries every seed in turn, backing off longer after each full round', () => {
    const h = startLifecycle({ seeds: SEEDS });
    const seedsTried = () => h.effects.filter((e) => e.type === 'connectToSeed').map((e) => (e.params as { seed: string }).seed);
    expect(h.state()).toBe('client.connecting');
    h.actor.send({ type: 'seed.unreachable', seed: 'http://a:2379' });
    expect(h.state()).toBe('client.retrying');
    h.clock.increment(249);
    expect(h.state()).toBe('client.retrying');
    h.clock.increment(1);
    expect(seedsTried()).toEqual(['http://a:2379', 'http://b:2379']);
    h.actor.send({ type: 'seed.unreachable', seed: 'http://b:2379' });
    h.clock.increment(250);
    h.actor.send({ type: 'seed.unreachable', seed: 'http://a:2379' });
    // Second round: the delay doubles.
    h.clock.increment(499);
    expect(h.state()).toBe('client.retrying');
    h.clock.increment(1);
    expect(seedsTried()).toEqual(['http://a:2379', 'http://b:2379', 'http://a:2379', 'http://b:2379']);
    h.actor.send({ type: 'seed.connected', seed: 'http://b:2379' });
    expect(h.state()).toBe('volunteer.registering');
    expect(context(h).connectedSeed).toBe('http://b:2379');
  });

  it('stays a client with --no-server and never writes a volunteer key', () => {
    const h = startLifecycle({ seeds: SEEDS, noServer: true });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    expect(h.state()).toBe('client.connected');
    expect(context(h).reason).toContain('--no-server');
    h.actor.send({ type: 'nomination.received' });
    expect(h.state()).toBe('client.connected');
    expect(h.takeEffects()).toEqual(['connectToSeed']);
  });
});

describe('lifecycle: volunteer to peer', () => {
  it('volunteers, shows why it waits, and retries a failed key write', () => {
    const h = startLifecycle({ seeds: SEEDS });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    expect(h.takeEffects()).toEqual(['connectToSeed', 'writeVolunteerKey']);
    expect(h.effects[1]?.params).toEqual({
      hostname: 'h1',
      peerUrls: ['http://127.0.0.1:2380'],
      clientUrls: ['http://127.0.0.1:2379'],
    });
    h.actor.send({ type: 'volunteer.failed', error: 'lease not found' });
    expect(h.state()).toBe('volunteer.retrying');
    h.clock.increment(500);
    expect(h.takeEffects()).toEqual(['writeVolunteerKey']);
    h.actor.send({ type: 'volunteer.registered' });
    h.actor.send({ type: 'cluster.observed', voters: 3, idealClusterSize: 3 });
    expect(h.state()).toBe('volunteer.waiting');
    expect(context(h).reason).toBe('volunteer: waiting, cluster full 3/3');
  });

  it('joins as a learner when nominated, advertises its endpoint once promoted', () => {
    const h = volunteerWaiting();
    h.actor.send({ type: 'nomination.received' });
    expect(h.state()).toBe('nominated.starting');
    expect(h.takeEffects()).toEqual(['startMember']);
    h.actor.send({ type: 'member.started' });
    expect(h.state()).toBe('peer.joining');
    expect(context(h).reason).toContain('learner');
    h.actor.send({ type: 'member.promoted' });
    expect(h.state()).toBe('peer.running');
    expect(h.takeEffects()).toEqual(['advertiseEndpoint']);
    h.actor.send({ type: 'leadership.changed', isLeader: true });
    expect(context(h).reason).toContain('leader');
  });

  it('goes straight to running when promotion was seen before the member reported started', () => {
    const h = volunteerWaiting();
    h.actor.send({ type: 'nomination.received' });
    h.actor.send({ type: 'member.promoted' });
    h.actor.send({ type: 'member.started' });
    expect(h.state()).toBe('peer.running');
  });

  it('fails with DuplicateHostnameError when another lease keeps the hostname past the grace period', () => {
    const h = startLifecycle({ seeds: SEEDS });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    h.actor.send({ type: 'hostname.duplicated' });
    expect(h.state()).toBe('volunteer.contested.waiting');
    expect(context(h).reason).toContain('held by another lease');
    for (let elapsed = 0; elapsed < 29_000; elapsed += 1_000) {
      h.clock.increment(1_000);
      if (h.state() === 'volunteer.contested.registering') h.actor.send({ type: 'hostname.duplicated' });
    }
    expect(h.state()).not.toBe('failed');
    h.clock.increment(1_000);
    expect(h.state()).toBe('failed');
    expect(context(h).error).toBeInstanceOf(DuplicateHostnameError);
    expect(context(h).reason).toContain('--hostname');
    expect(h.actor.getSnapshot().status).toBe('done');
  });

  it('waits the grace the duplicate report gives (the longer lease TTL of a fleet) before failing', () => {
    const h = startLifecycle({ seeds: SEEDS });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    h.actor.send({ type: 'hostname.duplicated', graceMs: 61_000 });
    expect(h.state()).toBe('volunteer.contested.waiting');
    for (let elapsed = 0; elapsed < 60_000; elapsed += 1_000) {
      h.clock.increment(1_000);
      if (h.state() === 'volunteer.contested.registering') h.actor.send({ type: 'hostname.duplicated', graceMs: 61_000 });
    }
    expect(h.state()).not.toBe('failed');
    h.clock.increment(1_000);
    expect(h.state()).toBe('failed');
    expect(context(h).error).toBeInstanceOf(DuplicateHostnameError);
  });

  it('takes the hostname once the lease of its own previous run expires', () => {
    const h = startLifecycle({ seeds: SEEDS });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    h.actor.send({ type: 'hostname.duplicated' });
    h.clock.increment(500);
    expect(h.state()).toBe('volunteer.contested.registering');
    h.actor.send({ type: 'volunteer.registered' });
    expect(h.state()).toBe('volunteer.waiting');
    h.clock.increment(60_000);
    expect(h.state()).toBe('volunteer.waiting');
  });

  it('retries a member that fails to start, then gives up with MemberStartError', () => {
    const h = startLifecycle({ seeds: SEEDS, timing: { maxMemberStartAttempts: 2 } });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    h.actor.send({ type: 'volunteer.registered' });
    h.actor.send({ type: 'nomination.received' });
    h.actor.send({ type: 'member.failed', error: 'listen EADDRINUSE' });
    expect(h.state()).toBe('nominated.retrying');
    expect(context(h).reason).toContain('EADDRINUSE');
    h.clock.increment(1_000);
    expect(h.state()).toBe('nominated.starting');
    h.actor.send({ type: 'member.failed', error: 'listen EADDRINUSE' });
    expect(h.state()).toBe('failed');
    expect(context(h).error).toBeInstanceOf(MemberStartError);
  });

  it('ignores facts that mean nothing where it is', () => {
    const h = volunteerWaiting();
    for (const type of ['member.started', 'member.promoted', 'member.stopped', 'member.removed', 'nomination.revoked'] as const) {
      h.actor.send({ type });
      expect(h.state()).toBe('volunteer.waiting');
    }
    expect(h.takeEffects()).toEqual([]);
  });
});

describe('lifecycle: un-nomination', () => {
  it('leaves the raft group, stops the server, and becomes a volunteer client again', () => {
    const h = runningPeer();
    h.actor.send({ type: 'nomination.revoked' });
    expect(h.state()).toBe('unnominated.stopping');
    expect(h.takeEffects()).toEqual(['withdrawEndpoint', 'stopMember']);
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('client.connecting');
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    expect(h.state()).toBe('volunteer.registering');
  });

  it('is un-nominated by removal from the membership too', () => {
    const h = runningPeer();
    h.actor.send({ type: 'member.removed' });
    expect(h.state()).toBe('unnominated.stopping');
  });

  it('can be nominated again in the same process, starting only after the old member stopped', () => {
    const h = runningPeer();
    h.actor.send({ type: 'nomination.revoked' });
    h.takeEffects();
    // The nominator re-nominates before the old server is down: no second start yet (no EADDRINUSE).
    h.actor.send({ type: 'nomination.received' });
    expect(h.state()).toBe('unnominated.stopping');
    expect(h.takeEffects()).toEqual([]);
    h.actor.send({ type: 'member.stopped' });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    expect(h.state()).toBe('nominated.starting');
    expect(h.takeEffects()).toEqual(['connectToSeed', 'writeVolunteerKey', 'startMember']);
    expect(context(h).nominations).toBe(2);
    h.actor.send({ type: 'member.started' });
    h.actor.send({ type: 'member.promoted' });
    expect(h.state()).toBe('peer.running');
  });

  it('starts a new member when its nomination is still there after the removed one stopped', () => {
    // Removed from the membership while the nominated key stays: the leader wants this host back.
    const h = runningPeer();
    h.actor.send({ type: 'member.removed' });
    h.actor.send({ type: 'member.stopped' });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    expect(h.state()).toBe('nominated.starting');
  });

  it('forgets a re-nomination that was revoked again while stopping', () => {
    const h = runningPeer();
    h.actor.send({ type: 'nomination.revoked' });
    h.actor.send({ type: 'nomination.received' });
    h.actor.send({ type: 'nomination.revoked' });
    h.actor.send({ type: 'member.stopped' });
    h.actor.send({ type: 'seed.connected', seed: 'http://a:2379' });
    expect(h.state()).toBe('volunteer.registering');
  });
});

describe('lifecycle: shutdown', () => {
  it('as leader: hands over leadership, revokes the volunteer key, waits to be un-nominated, stops', () => {
    const h = runningPeer();
    h.actor.send({ type: 'leadership.changed', isLeader: true });
    h.actor.send({ type: 'shutdown.requested' });
    expect(h.state()).toBe('leaving.graceful.handingOver');
    expect(h.takeEffects()).toEqual(['transferLeadership']);
    h.actor.send({ type: 'leadership.changed', isLeader: false });
    expect(h.state()).toBe('leaving.graceful.revoking');
    expect(h.takeEffects()).toEqual(['revokeVolunteerKey']);
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.graceful.awaitingRemoval');
    expect(context(h).reason).toBe('leaving: waiting to be un-nominated');
    h.actor.send({ type: 'member.removed' });
    expect(h.state()).toBe('leaving.stoppingMember');
    expect(h.takeEffects()).toEqual(['withdrawEndpoint', 'stopMember']);
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('stopped');
    expect(h.actor.getSnapshot().output).toEqual({ reason: 'stopped: left the cluster cleanly', error: undefined });
  });

  it('as a follower skips the hand-over', () => {
    const h = runningPeer();
    h.actor.send({ type: 'shutdown.requested' });
    expect(h.state()).toBe('leaving.graceful.revoking');
    expect(h.takeEffects()).toEqual(['revokeVolunteerKey']);
  });

  it('stops after the timeout when nobody un-nominates it', () => {
    const h = runningPeer();
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    h.clock.increment(29_999);
    expect(h.state()).toBe('leaving.graceful.awaitingRemoval');
    h.clock.increment(1);
    expect(h.state()).toBe('leaving.stoppingMember');
    expect(context(h).reason).toBe('leaving: stopping the raft member');
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('stopped');
  });

  it('forces on a second request', () => {
    const h = runningPeer();
    h.actor.send({ type: 'shutdown.requested' });
    h.takeEffects();
    h.actor.send({ type: 'shutdown.requested' });
    expect(h.state()).toBe('stopped');
    expect(h.effects.at(-1)).toEqual({ type: 'stopMember', params: { hostname: 'h1', force: true } });
    expect(h.actor.getSnapshot().output?.reason).toContain('forced');
  });

  it('as the sole member does not wait for an un-nomination that cannot come', () => {
    const h = startLifecycle();
    h.actor.send({ type: 'member.started' });
    h.takeEffects();
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.stoppingMember');
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('stopped');
  });

  it('as the last voter waits for a volunteer to take the cluster over', () => {
    const h = startLifecycle();
    h.actor.send({ type: 'member.started' });
    h.actor.send({ type: 'cluster.observed', voters: 1, idealClusterSize: 3, otherVolunteers: 1 });
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.graceful.awaitingRemoval');
    // The volunteer was promoted: now a leader with a peer, it hands over first.
    h.actor.send({ type: 'cluster.observed', voters: 2, idealClusterSize: 3, otherVolunteers: 1 });
    h.actor.send({ type: 'member.removed' });
    expect(h.state()).toBe('leaving.stoppingMember');
  });

  it('as the last voter waits while a learner is in the configuration, though no volunteer key is left', () => {
    const h = startLifecycle();
    h.actor.send({ type: 'member.started' });
    // A client deleted /_mgmt/: no volunteer key, but the configuration still holds a learner being promoted.
    h.actor.send({ type: 'cluster.observed', voters: 1, idealClusterSize: 3, otherVolunteers: 0, learners: 1 });
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.graceful.awaitingRemoval');
  });

  it('after un-nomination reconnects through endpoints learnt from the cluster when it has no seeds', () => {
    const h = startLifecycle();
    h.actor.send({ type: 'member.started' });
    h.actor.send({ type: 'cluster.observed', voters: 3, idealClusterSize: 3, endpoints: ['http://h2:2379'] });
    h.actor.send({ type: 'nomination.revoked' });
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('client.connecting');
    expect(h.effects.at(-1)).toEqual({ type: 'connectToSeed', params: { seed: 'http://h2:2379', attempt: 0 } });
  });

  it('as a client still connecting stops at once, with nothing to revoke', () => {
    const h = startLifecycle({ seeds: SEEDS });
    h.takeEffects();
    h.actor.send({ type: 'shutdown.requested' });
    expect(h.state()).toBe('stopped');
    expect(h.takeEffects()).toEqual([]);
  });

  it('while un-nominated waits for the member already stopping, without stopping it twice', () => {
    const h = runningPeer();
    h.actor.send({ type: 'nomination.revoked' });
    h.takeEffects();
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.stoppingMember');
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('stopped');
    expect(h.takeEffects()).toEqual(['revokeVolunteerKey']);
  });

  it('with a member still starting does not wait to be removed', () => {
    const h = volunteerWaiting();
    h.actor.send({ type: 'nomination.received' });
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.stoppingMember');
    h.actor.send({ type: 'member.stopped' });
    expect(h.state()).toBe('stopped');
  });

  it('as a learner waits to be removed: it may be being promoted right now', () => {
    const h = volunteerWaiting();
    h.actor.send({ type: 'cluster.observed', voters: 1, idealClusterSize: 3 });
    h.actor.send({ type: 'nomination.received' });
    h.actor.send({ type: 'member.started' });
    h.actor.send({ type: 'shutdown.requested' });
    h.actor.send({ type: 'volunteer.revoked' });
    expect(h.state()).toBe('leaving.graceful.awaitingRemoval');
    h.actor.send({ type: 'member.removed' });
    expect(h.state()).toBe('leaving.stoppingMember');
  });

  it('as leader asks again to hand over when a transfer did not happen', () => {
    const h = runningPeer();
    h.actor.send({ type: 'leadership.changed', isLeader: true });
    h.actor.send({ type: 'shutdown.requested' });
    expect(h.takeEffects()).toEqual(['transferLeadership']);
    h.clock.increment(2_000);
    expect(h.state()).toBe('leaving.graceful.handingOver');
    expect(h.takeEffects()).toEqual(['transferLeadership']);
  });
});
