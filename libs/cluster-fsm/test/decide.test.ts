/**
 * Proves the nominator's decision rules one scenario at a time: growth goes
 * nominate -> add learner -> promote once caught up and stable; quitters,
 * dead hosts and extras are removed without ever losing quorum; the leader
 * hands over leadership before it can be removed; nominated keys follow
 * membership; nothing happens while a change is pending or before the
 * leader has committed in its term.
 */
import { describe, expect, it } from 'vitest';
import { decideNext } from '../src/nominator/decide.js';
import { DEFAULT_NOMINATOR_POLICY } from '../src/nominator/view.js';
import { learner, urlsOf, viewOf, voter, without } from './views.js';

const policy = DEFAULT_NOMINATOR_POLICY;

describe('decideNext: preconditions', () => {
  it('does nothing before the leader committed an entry of its term', () => {
    const view = viewOf([voter('h1', '1')], { leaderCommittedInTerm: false }, ['h2']);
    expect(decideNext(view)).toMatchObject({ kind: 'none', reason: expect.stringContaining('commit an entry') });
  });

  it('does nothing while a membership change is pending', () => {
    const view = viewOf([voter('h1', '1')], { confChangePending: true }, ['h2']);
    expect(decideNext(view)).toMatchObject({ kind: 'none', reason: expect.stringContaining('pending') });
  });

  it('does nothing without a healthy quorum', () => {
    const dead = { lastHeardTicksAgo: policy.aliveWithinTicks + 1 };
    const view = viewOf([voter('h1', '1'), voter('h2', '2', dead), voter('h3', '3', dead)]);
    expect(decideNext(view)).toMatchObject({ kind: 'none', reason: expect.stringContaining('no healthy quorum') });
  });

  it('refuses a view it cannot trust instead of throwing', () => {
    expect(decideNext(viewOf([voter('h1', '1')], { idealClusterSize: 0 })).reason).toContain('refusing a bad view');
    expect(decideNext(viewOf([voter('h1', '1'), voter('h2', '1')])).reason).toContain('appears twice');
  });

  it('leaves decisions to others when the leader is not a voter', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2')], { leaderId: '9' });
    expect(decideNext(view).kind).toBe('none');
  });
});

describe('decideNext: growth', () => {
  it('nominates the first volunteer by name when below the ideal size', () => {
    const view = viewOf([voter('h1', '1')], {}, ['h3', 'h2']);
    expect(decideNext(view)).toMatchObject({ kind: 'nominate', hostname: 'h2', peerUrls: urlsOf('h2') });
  });

  it('adds a nominated volunteer as a learner', () => {
    const view = viewOf([voter('h1', '1')], {}, ['h2']);
    view.nominated['h2'] = urlsOf('h2');
    expect(decideNext(view)).toMatchObject({ kind: 'addLearner', hostname: 'h2', peerUrls: urlsOf('h2') });
  });

  it('waits for a learner below 90% of the leader index', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 89 })], { idealClusterSize: 2 }, ['h3']);
    expect(decideNext(view)).toMatchObject({ kind: 'none', reason: expect.stringContaining('waiting for learner h2') });
  });

  it('nominates the next volunteer while a learner catches up', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 89 })], {}, ['h3']);
    expect(decideNext(view)).toMatchObject({ kind: 'nominate', hostname: 'h3' });
  });

  it('waits for a caught-up learner until it has been healthy for the stabilization time', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { healthyForTicks: policy.stabilizationTicks - 1 })]);
    expect(decideNext(view).kind).toBe('none');
  });

  it('does not promote a stable learner that has not been heard from just now', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { lastHeardTicksAgo: policy.freshWithinTicks + 1 })]);
    expect(decideNext(view).kind).toBe('none');
  });

  it('promotes a learner that is caught up and stable', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 90 })]);
    expect(decideNext(view)).toMatchObject({ kind: 'promoteLearner', memberId: '2', hostname: 'h2' });
  });

  it('adds the next nominee as a learner while another catches up', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 10 })], { idealClusterSize: 5 }, ['h3']);
    view.nominated['h3'] = urlsOf('h3');
    expect(decideNext(view)).toMatchObject({ kind: 'addLearner', hostname: 'h3' });
  });

  it('adds no more learners than the ideal size has room for, and keeps only that many nominations', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 10 })], { idealClusterSize: 3 }, ['h3', 'h4']);
    view.nominated['h3'] = urlsOf('h3');
    view.nominated['h4'] = urlsOf('h4');
    expect(decideNext(view)).toMatchObject({ kind: 'unnominate', hostname: 'h4' });
    delete view.nominated['h4'];
    expect(decideNext(view)).toMatchObject({ kind: 'addLearner', hostname: 'h3' });
    const full = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 10 }), learner('h3', '3', { matchIndex: 10 })], { idealClusterSize: 3 }, ['h4']);
    expect(decideNext(full)).toMatchObject({ kind: 'none', reason: expect.stringContaining('waiting for learner h2') });
  });

  it('promotes a ready learner even when another one sorted before it is still catching up', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { matchIndex: 10 }), learner('h3', '3')], { idealClusterSize: 3 });
    expect(decideNext(view)).toMatchObject({ kind: 'promoteLearner', hostname: 'h3' });
  });

  it('records a member without a nomination key (the bootstrapped first agent)', () => {
    const view = viewOf([voter('h1', '1')], { nominated: {} });
    expect(decideNext(view)).toMatchObject({ kind: 'nominate', hostname: 'h1' });
  });

  it('rests at the ideal size', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3')], {}, ['h4']);
    expect(decideNext(view)).toMatchObject({ kind: 'none', reason: 'cluster at ideal size 3/3' });
  });
});

describe('decideNext: shrinking and replacing', () => {
  it('removes an extra voter (never the leader), then deletes its nomination', () => {
    const members = [voter('h1', '1'), voter('h2', '2'), voter('h3', '3')];
    const view = viewOf(members, { idealClusterSize: 2 });
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '3', hostname: 'h3' });
    const after = viewOf(members.slice(0, 2), { idealClusterSize: 2 });
    after.nominated['h3'] = urlsOf('h3');
    after.volunteers['h3'] = urlsOf('h3');
    expect(decideNext(after)).toMatchObject({ kind: 'unnominate', hostname: 'h3' });
  });

  it('un-nominates a removed host that still runs its old member before nominating it again', () => {
    // h3 was removed as an extra; the ideal size grew back before its nomination was deleted.
    const view = viewOf([voter('h1', '1'), voter('h2', '2')], {}, ['h3']);
    view.nominated['h3'] = urlsOf('h3');
    view.endpoints['h3'] = ['http://h3:2379'];
    expect(decideNext(view)).toMatchObject({ kind: 'unnominate', hostname: 'h3', reason: expect.stringContaining('removed member') });
    delete view.nominated['h3'];
    expect(decideNext(view)).toMatchObject({ kind: 'none' });
    delete view.endpoints['h3'];
    expect(decideNext(view)).toMatchObject({ kind: 'nominate', hostname: 'h3' });
  });

  it('removes a quitter whose volunteer key is gone', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3')]);
    view.volunteers = without(view.volunteers, 'h2');
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '2', reason: expect.stringContaining('quit') });
  });

  it('removes a dead member (lease gone, not heard from) before anything else', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3', { lastHeardTicksAgo: 500 })], {}, ['h4']);
    view.volunteers = without(view.volunteers, 'h3');
    view.endpoints = without(view.endpoints, 'h3');
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '3', reason: expect.stringContaining('dead') });
  });

  it('replaces a voter cut off from its peers for long even while its lease lives', () => {
    const cutOff = { lastHeardTicksAgo: policy.unreachableVoterTicks + 1 };
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3', cutOff)], {}, ['h4']);
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '3', reason: expect.stringContaining('unreachable') });
    // Not yet removed, but failed (past the failure timeout): a replacement is nominated beside it (issue 22).
    view.members[2] = voter('h3', '3', { lastHeardTicksAgo: policy.unreachableVoterTicks });
    expect(decideNext(view)).toMatchObject({ kind: 'nominate', hostname: 'h4', reason: expect.stringContaining('replacing failed h3') });
  });

  it('then nominates a volunteer in the dead member\'s place', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2')], {}, ['h4']);
    view.nominated['h3'] = urlsOf('h3');
    expect(decideNext(view)).toMatchObject({ kind: 'unnominate', hostname: 'h3' });
    delete view.nominated['h3'];
    expect(decideNext(view)).toMatchObject({ kind: 'nominate', hostname: 'h4' });
  });

  it('does not remove a healthy quitter when that would leave the rest without a healthy majority', () => {
    // 3 voters: h3 silent but still holding its lease, h2 quits. Removing h2 leaves {h1, h3} with 1 healthy of 2.
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3', { lastHeardTicksAgo: 500 })]);
    view.volunteers = without(view.volunteers, 'h2');
    expect(decideNext(view).kind).not.toBe('removeMember');
  });

  it('does not remove a live voter next to one that has gone silent but is not yet declared dead', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2', { lastHeardTicksAgo: policy.freshWithinTicks + 1 }), voter('h3', '3')]);
    view.volunteers = without(view.volunteers, 'h3');
    expect(decideNext(view).kind).toBe('none');
  });

  it('in a 2-voter cluster removes the other member only while it is healthy', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2')]);
    view.volunteers = without(view.volunteers, 'h2');
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '2' });
    view.members[1] = voter('h2', '2', { lastHeardTicksAgo: 500 });
    expect(decideNext(view).kind).toBe('none');
  });

  it('drops a learner that never answers', () => {
    const view = viewOf([voter('h1', '1'), learner('h2', '2', { lastHeardTicksAgo: policy.learnerTimeoutTicks + 1, matchIndex: 0 })]);
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '2', reason: expect.stringContaining('not heard') });
  });

  it('drops a learner that is not needed any more', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), learner('h3', '3')], { idealClusterSize: 2 });
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '3' });
  });

  it('never removes below one voter, even with an ideal size of 1', () => {
    const view = viewOf([voter('h1', '1')], { idealClusterSize: 1 });
    expect(decideNext(view).kind).toBe('none');
  });
});

describe('decideNext: the leader leaves last', () => {
  it('hands leadership to the most up-to-date healthy voter when the leader quits', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2', { matchIndex: 98 }), voter('h3', '3', { matchIndex: 99 })]);
    view.volunteers = without(view.volunteers, 'h1');
    expect(decideNext(view)).toMatchObject({ kind: 'transferLeadership', toMemberId: '3', hostname: 'h3' });
  });

  it('removes other quitters before handing over', () => {
    const view = viewOf([voter('h1', '1'), voter('h2', '2'), voter('h3', '3')]);
    view.volunteers = without(view.volunteers, 'h1', 'h3');
    expect(decideNext(view)).toMatchObject({ kind: 'removeMember', memberId: '3' });
  });

  it('stays when it is the last member', () => {
    const view = viewOf([voter('h1', '1')]);
    view.volunteers = {};
    expect(decideNext(view)).toMatchObject({ kind: 'none', reason: expect.stringContaining('last member') });
  });
});
