/**
 * Proves a member whose volunteer key was deleted by someone else is not
 * removed: the nominator counts it as volunteering until the key has been
 * missing for `volunteerGraceTicks` (its agent re-creates the key well
 * before), a member that really quit is still removed after the grace, and
 * a dead member is replaced without waiting for it. A learner in its grace is
 * kept but not promoted.
 */
import { createActor, fromPromise, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { decideNext } from '../src/nominator/decide.js';
import type { ChangeDecision } from '../src/nominator/decision.js';
import { nominatorMachine } from '../src/nominator/machine.js';
import { DEFAULT_NOMINATOR_POLICY, type ClusterView } from '../src/nominator/view.js';
import { trackMissingVolunteers, withVolunteerGrace } from '../src/nominator/volunteer-grace.js';
import { learner, viewOf, voter, without } from './views.js';

const policy = DEFAULT_NOMINATOR_POLICY;

/** Three healthy voters at `tick`, with the volunteer keys of `gone` deleted (the spare h4 volunteers too). */
function view(tick: number, gone: string[]): ClusterView {
  const v = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3')], { tick, idealClusterSize: 3 }, ['h4']);
  const volunteers = { ...v.volunteers };
  for (const name of gone) delete volunteers[name];
  return { ...v, volunteers };
}

describe('volunteer grace', () => {
  it('keeps a member whose volunteer key was deleted a moment ago', () => {
    const v = view(1000, ['h2', 'h3', 'h4']);
    expect(decideNext(v).kind).toBe('removeMember');
    const since = trackMissingVolunteers({}, v);
    expect(since).toEqual({ h2: 1000, h3: 1000 });
    const graced = withVolunteerGrace(v, since, policy);
    expect(Object.keys(graced.volunteers).sort()).toEqual(['h1', 'h2', 'h3']);
    expect(decideNext(graced).kind).toBe('none');
  });

  it('counts a member as having quit once its key stayed missing for the grace', () => {
    let since = trackMissingVolunteers({}, view(1000, ['h3']));
    const later = view(1000 + policy.volunteerGraceTicks, ['h3']);
    since = trackMissingVolunteers(since, later);
    expect(since).toEqual({ h3: 1000 });
    const d = decideNext(withVolunteerGrace(later, since, policy));
    expect(d).toMatchObject({ kind: 'removeMember', hostname: 'h3' });
  });

  it('gives no grace to a dead member: its lease expired with its key and it is not heard from', () => {
    const v = view(1000, ['h3']);
    const dead = { ...v, members: v.members.map((m) => (m.name === 'h3' ? { ...m, lastHeardTicksAgo: policy.aliveWithinTicks + 1 } : m)) };
    const d = decideNext(withVolunteerGrace(dead, trackMissingVolunteers({}, dead), policy));
    expect(d).toMatchObject({ kind: 'removeMember', hostname: 'h3' });
  });

  it('gives no grace to a member whose agent says it is leaving (it revoked its key itself)', () => {
    const v = { ...view(1000, ['h3']), leaving: ['h3'] };
    const d = decideNext(withVolunteerGrace(v, trackMissingVolunteers({}, v), policy));
    expect(d).toMatchObject({ kind: 'removeMember', hostname: 'h3' });
  });

  // CI netns cut-off test: the agents' clients sat on the cut-off leader, every lease expired, and the new
  // leader removed a healthy voter 3 s later as if it had quit.
  it('keeps a live voter whose agent lost its whole lease for the longer grace, then removes it', () => {
    const at = (tick: number) => ({ ...view(tick, ['h3']), leaseLost: ['h3'] });
    let since = trackMissingVolunteers({}, at(1000));
    const afterShortGrace = at(1000 + policy.volunteerGraceTicks);
    since = trackMissingVolunteers(since, afterShortGrace);
    expect(decideNext(withVolunteerGrace(afterShortGrace, since, policy)).kind).toBe('none');
    const afterLongGrace = at(1000 + policy.lostLeaseGraceTicks);
    since = trackMissingVolunteers(since, afterLongGrace);
    expect(decideNext(withVolunteerGrace(afterLongGrace, since, policy))).toMatchObject({ kind: 'removeMember', hostname: 'h3' });
  });

  it('gives a dead voter whose lease was lost no grace', () => {
    const v = { ...view(1000, ['h3']), leaseLost: ['h3'] };
    const dead = { ...v, members: v.members.map((m) => (m.name === 'h3' ? { ...m, lastHeardTicksAgo: policy.aliveWithinTicks + 1 } : m)) };
    expect(decideNext(withVolunteerGrace(dead, trackMissingVolunteers({}, dead), policy))).toMatchObject({ kind: 'removeMember', hostname: 'h3' });
  });

  // cluster.property seeds 1 and 5: a leaving learner (its key revoked, its status not yet saying so) was
  // promoted in its grace while the last voter left too, and the new 2-voter configuration had no quorum.
  it('keeps a learner whose volunteer key is missing but does not promote it until the key is back', () => {
    const v = viewOf([voter('h1', '1'), learner('h2', '2')], { idealClusterSize: 2 });
    expect(decideNext(v)).toMatchObject({ kind: 'promoteLearner', hostname: 'h2' });
    const missing = { ...v, volunteers: without(v.volunteers, 'h2') };
    const graced = withVolunteerGrace(missing, trackMissingVolunteers({}, missing), policy);
    expect(graced.volunteersByGrace).toEqual(['h2']);
    expect(decideNext(graced).kind).toBe('none');
  });

  it('forgets the missing time once the key is back', () => {
    const since = trackMissingVolunteers(trackMissingVolunteers({}, view(1000, ['h2'])), view(1005, []));
    expect(since).toEqual({});
  });

  it('in the machine: a deleted-then-restored volunteer key changes nothing', async () => {
    const clock = new SimulatedClock();
    const applied: ChangeDecision[] = [];
    const machine = nominatorMachine.provide({
      actors: { applyDecision: fromPromise<void, ChangeDecision>(async ({ input }) => void applied.push(input)) },
    });
    const actor = createActor(machine, { input: {}, clock }).start();
    actor.send({ type: 'view.updated', view: view(1000, []) });
    actor.send({ type: 'view.updated', view: view(1001, ['h1', 'h2', 'h3', 'h4']) });
    actor.send({ type: 'view.updated', view: view(1010, ['h2']) });
    actor.send({ type: 'view.updated', view: view(1011, []) });
    await Promise.resolve();
    expect(applied).toEqual([]);
    actor.stop();
  });
});
