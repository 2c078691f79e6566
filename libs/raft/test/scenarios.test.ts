/**
 * Scenario tests for the cases that broke real implementations.
 */
import { describe, expect, it } from 'vitest';
import { ConfChangeType, ErrConfChangeRefused, ErrProposalDropped, MessageType, type Message } from '../src/index.js';
import { SimCluster } from '../src/sim/cluster.js';
import { storageWithTerms, termsOf } from './helpers.js';
import { coreOf } from '../src/internal.js';

/**
 * A cluster whose nodes only act when told (no ticks), on a prompt, lossless
 * network. The paper's figures are scripted step by step, so production's
 * extras (forget-leader's eager campaign on a crash, the leader's early send)
 * are off here; the random simulator runs them.
 */
function manual(voters: number[], opts: Partial<ConstructorParameters<typeof SimCluster>[0]> = {}): SimCluster {
  const c = new SimCluster({ seed: 7, voters, preVote: false, checkQuorum: false, productionOptions: false, ...opts });
  c.tickProbability = 0;
  return c;
}

describe('Figure 7: a new leader brings every follower log into line', () => {
  it('repairs missing, extra and conflicting entries', () => {
    const leader = [1, 1, 1, 4, 4, 5, 5, 6, 6, 6];
    const followers: Record<number, number[]> = {
      2: [1, 1, 1, 4, 4, 5, 5, 6, 6], // (a) missing one
      3: [1, 1, 1, 4], // (b) missing many
      4: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6], // (c) one extra uncommitted
      5: [1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7], // (d) extra entries of a later term
      6: [1, 1, 1, 4, 4, 4, 4], // (e) conflicting term-4 entries
      7: [1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3], // (f) many conflicting entries of old terms
    };
    const voters = [1, 2, 3, 4, 5, 6, 7];
    const c = manual(voters, {
      init: (id, s) => storageWithTerms(s, id === 1 ? leader : followers[id]!, 7, voters),
    });
    c.campaign(1);
    expect(c.core(1).role).toBe('leader');
    expect(c.core(1).term).toBe(8);
    c.settle();
    const want = [...leader, 8];
    for (const id of voters) expect(termsOf(c.node(id).storage)).toEqual(want);
    for (const id of voters) expect(c.core(id).raftLog.committed).toBe(11);
    expect(c.checker.violations).toEqual([]);
  });
});

describe('Figure 8: an entry of an earlier term is not committed by counting replicas', () => {
  function figure8(bugs: { commitPreviousTermEntries?: boolean }): SimCluster {
    const voters = [1, 2, 3, 4, 5];
    const c = manual(voters, { bugs, maxSizePerMsg: 1 });
    // (a) S1 leads term 2 and replicates its entry at index 2 to S2 only.
    c.net.filter = (m: Message) => !(m.type === MessageType.MSG_APP && m.from === 1 && m.to !== 2);
    c.campaign(1);
    expect(c.core(1).term).toBe(2);
    expect(termsOf(c.node(2).storage)).toEqual([1, 2]);
    // (b) S1 crashes; S5 leads term 3 (votes of S3, S4) and appends index 2 in term 3, replicated nowhere.
    c.crash(1);
    c.net.filter = (m: Message) => !(m.type === MessageType.MSG_APP && m.from === 5);
    c.campaign(5);
    expect(c.core(5).role).toBe('leader');
    expect(c.core(5).term).toBe(3);
    // (c) S5 crashes, S1 restarts and leads term 4; it replicates its index-2
    // entry (term 2) to S3, so it is on a majority, but the term-4 entry is held back.
    c.crash(5);
    c.restart(1);
    c.net.transform = (m: Message) =>
      m.type === MessageType.MSG_APP && m.from === 1 ? { ...m, entries: m.entries.filter((e) => e.term !== 4) } : m;
    c.net.filter = (m: Message) => !(m.type === MessageType.MSG_APP && m.from === 1 && m.to !== 2 && m.to !== 3);
    for (let k = 0; k < 3 && c.core(1).role !== 'leader'; k++) c.campaign(1);
    expect(c.core(1).role).toBe('leader');
    expect(c.core(1).term).toBe(4);
    c.settle();
    expect(termsOf(c.node(3).storage)).toEqual([1, 2]);
    // (d) S1 crashes; S5 restarts and, with a term-3 last entry, wins and overwrites index 2.
    c.crash(1);
    c.restart(5);
    c.net.filter = undefined;
    c.net.transform = undefined;
    for (let k = 0; k < 4 && c.core(5).role !== 'leader' && c.checker.ok; k++) c.campaign(5);
    c.settle();
    return c;
  }

  it('a correct leader does not commit it, and the overwrite loses nothing', () => {
    const c = figure8({});
    expect(c.checker.violations).toEqual([]);
    expect(c.core(5).role).toBe('leader');
    expect(termsOf(c.node(3).storage).slice(0, 2)).toEqual([1, 3]);
  });

  it('the checkers catch a leader that commits an earlier-term entry by counting', () => {
    const c = figure8({ commitPreviousTermEntries: true });
    expect(c.checker.violations.length).toBeGreaterThan(0);
    expect(c.checker.violations[0]).toMatch(/leader completeness|committed entry lost|state machine safety/);
  });
});

describe('a disruptive rejoining server', () => {
  it('with pre-vote and check-quorum, a partitioned node that comes back does not depose the leader', () => {
    const c = new SimCluster({ seed: 11, voters: [1, 2, 3], preVote: true, checkQuorum: true });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    const leader = c.leader()!.id;
    const term = c.core(leader).term;
    const other = [1, 2, 3].find((x) => x !== leader)!;
    c.net.isolate(other, [1, 2, 3]);
    c.run(200); // many election timeouts while cut off
    expect(c.core(other).term).toBe(term); // pre-vote never wins, so the term does not grow
    c.net.heal();
    c.run(100);
    expect(c.leader()!.id).toBe(leader);
    expect(c.core(leader).term).toBe(term);
    expect(c.core(other).lead).toBe(leader);
    expect(c.checker.violations).toEqual([]);
  });

  it('with check-quorum, voters ignore a higher-term campaign while their leader lease holds', () => {
    const c = new SimCluster({ seed: 12, voters: [1, 2, 3], preVote: false, checkQuorum: true });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    const leader = c.leader()!.id;
    const [a, b] = [1, 2, 3].filter((x) => x !== leader) as [number, number];
    // a campaigns out of the blue (e.g. after a one-way partition): b, in lease, ignores it.
    c.raw(a).campaign();
    c.settle(5);
    expect(c.core(b).lead).toBe(leader);
    expect(c.core(b).vote).not.toBe(a);
  });

  it('followers that forget a dead leader elect a new one without waiting out its lease', () => {
    const c = new SimCluster({ seed: 14, voters: [1, 2, 3], preVote: true, checkQuorum: true });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    c.run(10); // the followers hear from the new leader
    const leader = c.leader()!.id;
    const [a, b] = [1, 2, 3].filter((x) => x !== leader) as [number, number];
    c.net.isolate(leader, [1, 2, 3]);
    // Both followers learn the leader is gone (its connections closed) and forget it; a campaigns at once.
    expect(c.raw(a).forgetLeader()).toBe(true);
    expect(c.raw(b).forgetLeader()).toBe(true);
    expect(c.raw(b).forgetLeader()).toBe(false); // nothing left to forget
    const elapsedBefore = c.core(b).electionElapsed;
    c.raw(a).campaign();
    expect(c.runUntil(() => c.core(b).lead === a, 100)).toBe(true);
    expect(c.core(a).role).toBe('leader');
    // b granted while the old leader's lease would still have held.
    expect(elapsedBefore).toBeLessThan(c.core(b).electionTimeout);
    expect(c.checker.violations).toEqual([]);
  });

  it('a follower that forgets a live leader follows it again at its next heartbeat', () => {
    const c = new SimCluster({ seed: 15, voters: [1, 2, 3], preVote: true, checkQuorum: true });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    c.run(10); // the followers hear from the new leader
    const leader = c.leader()!.id;
    const a = [1, 2, 3].find((x) => x !== leader)!;
    const term = c.core(leader).term;
    expect(c.raw(a).forgetLeader()).toBe(true);
    c.raw(a).campaign(); // the other follower is still in the lease: the pre-vote fails
    c.run(20);
    expect(c.leader()!.id).toBe(leader);
    expect(c.core(leader).term).toBe(term);
    expect(c.core(a).lead).toBe(leader);
  });

  it('a leader cut off from a quorum steps down (check-quorum)', () => {
    const c = new SimCluster({ seed: 13, voters: [1, 2, 3], preVote: true, checkQuorum: true });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    const leader = c.leader()!.id;
    c.net.isolate(leader, [1, 2, 3]);
    c.run(40);
    expect(c.core(leader).role).not.toBe('leader');
  });
});

describe('membership changes', () => {
  function stableCluster(seed: number, voters = [1, 2, 3], extra: Partial<ConstructorParameters<typeof SimCluster>[0]> = {}): SimCluster {
    const c = new SimCluster({ seed, voters, ...extra });
    const ok = c.runUntil(() => {
      const l = c.leader();
      return l !== undefined && coreOf(l.raw!).committedEntryInCurrentTerm() && coreOf(l.raw!).raftLog.applied >= coreOf(l.raw!).pendingConfIndex;
    }, 300);
    expect(ok).toBe(true);
    return c;
  }

  it('the single-server change rules: no change before the leader commits in its term, one change at a time', () => {
    const c = manual([1, 2, 3]);
    // Hold back every append so the new leader cannot commit its term-2 entry.
    c.net.filter = (m) => m.type !== MessageType.MSG_APP;
    c.campaign(1);
    expect(c.core(1).role).toBe('leader');
    const err = (() => {
      try {
        c.raw(1).proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4 });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(ErrConfChangeRefused);
    // Let the leader commit an entry of its term: now one change is accepted...
    c.net.filter = undefined;
    c.raw(1).tick(); // a heartbeat round unpauses the probes
    c.settle();
    expect(c.core(1).committedEntryInCurrentTerm()).toBe(true);
    c.net.filter = (m) => m.type !== MessageType.MSG_APP;
    c.raw(1).proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4 });
    // ...but not a second one while the first is in flight.
    expect(() => c.raw(1).proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 5 })).toThrow(/conf-change-pending/);
    c.net.filter = undefined;
    c.addEmptyNode(4);
    c.raw(1).tick();
    c.settle();
    expect(c.raw(1).status().learners).toEqual([4]);
    // Once applied, the next change is accepted.
    c.raw(1).proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 5 });
    expect(c.checker.violations).toEqual([]);
  });

  it('the single-server change bug (raft-dev, 2015) replayed: a committed change is never lost', () => {
    // {1,2,3,4}. Leader 1 (term 2) appends "add 5" and crashes before sending
    // it. Leader 2 (term 3) removes 4. Then 1 comes back with its stale
    // change and campaigns: it must not win and overwrite the committed removal.
    const c = manual([1, 2, 3, 4]);
    c.campaign(1);
    c.settle();
    expect(c.core(1).role).toBe('leader');
    c.net.filter = (m) => m.from !== 1;
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: 5 })).toBe(true);
    c.settle();
    c.crash(1);
    c.net.filter = undefined;
    c.campaign(2);
    expect(c.core(2).role).toBe('leader');
    c.settle();
    expect(c.core(2).committedEntryInCurrentTerm()).toBe(true);
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: 4 })).toBe(true);
    c.settle();
    expect(c.raw(3).status().voters).toEqual([1, 2, 3]);
    c.restart(1);
    for (let k = 0; k < 3; k++) {
      c.raw(1).campaign();
      c.settle();
      expect(c.core(1).role).not.toBe('leader');
    }
    // (Without pre-vote, 1's campaigns disrupt the others' term; let the clock run.)
    // 1 learns the committed removal and drops its stale change.
    c.tickProbability = 1;
    expect(c.runUntil(() => c.leader() !== undefined && c.raw(1).status().voters.length === 3, 300)).toBe(true);
    expect(c.raw(1).status().voters).toEqual([1, 2, 3]);
    expect(c.checker.violations).toEqual([]);
  });

  it('removing the leader: it steps down, hands over, and the rest go on committing', () => {
    const c = stableCluster(21);
    const old = c.leader()!.id;
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: old })).toBe(true);
    const ok = c.runUntil(() => {
      const l = c.leader();
      return l !== undefined && l.id !== old && l.raw!.status().voters.length === 2;
    }, 300);
    expect(ok).toBe(true);
    const newLeader = c.leader()!.id;
    const rest = [1, 2, 3].filter((x) => x !== old);
    const id = c.put(rest.find((x) => x !== newLeader)!, 'k');
    expect(c.runUntil(() => (c.retryPending(10), c.isCompleted(id)), 200)).toBe(true);
    for (const x of rest) expect(c.raw(x).status().voters).toEqual(rest);
    expect(c.checker.violations).toEqual([]);
  });

  it('a learner promoted before it caught up is refused; after catching up it is promoted', () => {
    const c = stableCluster(22);
    for (let k = 0; k < 20; k++) c.put(c.leader()!.id, `k${k}`);
    c.run(10);
    // The learner is cut off, so it cannot catch up.
    c.net.isolate(4, [1, 2, 3]);
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4 })).toBe(true);
    c.addEmptyNode(4);
    expect(c.runUntil(() => c.leader()!.raw!.status().learners.includes(4) && coreOf(c.leader()!.raw!).raftLog.applied >= coreOf(c.leader()!.raw!).pendingConfIndex, 200)).toBe(true);
    const leader = c.leader()!.raw!;
    let refused: unknown;
    try {
      leader.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: 4 });
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(ErrProposalDropped);
    expect((refused as ErrProposalDropped).reason).toBe('learner-not-caught-up');
    // Heal: the learner catches up (match reaches the commit index), then promotion is accepted.
    c.net.heal();
    const caughtUp = c.runUntil(() => {
      const l = c.leader()!.raw!;
      const p = l.status().progress.find((x) => x.id === 4);
      return p !== undefined && p.match >= coreOf(l).raftLog.committed;
    }, 300);
    expect(caughtUp).toBe(true);
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: 4 })).toBe(true);
    expect(c.runUntil(() => c.leader()!.raw!.status().voters.includes(4) && c.raw(4).status().voters.includes(4), 300)).toBe(true);
    expect(c.checker.violations).toEqual([]);
  });

  it('a snapshot arriving during a membership change', () => {
    // Aggressive snapshots and compaction force the new member onto InstallSnapshot.
    const c = stableCluster(23, [1, 2, 3], { snapshotInterval: 3, snapshotKeep: 0 });
    for (let k = 0; k < 30; k++) c.put(c.leader()!.id, `k${k % 5}`);
    c.run(30);
    // Add learner 4, then while that change is in flight (not yet committed),
    // the log is compacted; 4 must get a snapshot whose ConfState predates or
    // includes the change, and then learn the rest from the log.
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4 })).toBe(true);
    c.addEmptyNode(4);
    for (let k = 0; k < 10; k++) c.put(c.leader()!.id, `k${k % 5}`);
    let sawSnap = false;
    const orig = c.net.filter;
    c.net.filter = (m) => {
      if (m.type === MessageType.MSG_SNAP && m.to === 4) sawSnap = true;
      return orig ? orig(m) : true;
    };
    expect(c.runUntil(() => c.node(4).confState.learners.includes(4), 300)).toBe(true);
    expect(sawSnap).toBe(true);
    // Promote 4 and remove 3 while 4 keeps installing snapshots.
    expect(c.runUntil(() => {
      const l = c.leader()!.raw!;
      const p = l.status().progress.find((x) => x.id === 4);
      return p !== undefined && p.match >= coreOf(l).raftLog.committed && coreOf(l).raftLog.applied >= coreOf(l).pendingConfIndex;
    }, 300)).toBe(true);
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: 4 })).toBe(true);
    expect(c.runUntil(() => c.raw(4).status().voters.includes(4), 300)).toBe(true);
    const l = c.leader()!;
    expect(c.node(4).kv.data).toEqual(l.kv.data);
    expect(c.checker.violations).toEqual([]);
  });

  it('a snapshot taken before an in-flight change reaches a lagging learner, then the change follows in the log', () => {
    const c = manual([1, 2, 3]);
    c.campaign(1);
    c.settle();
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4 })).toBe(true);
    c.addEmptyNode(4);
    c.net.isolate(4, [1, 2, 3]);
    c.settle();
    for (let k = 0; k < 5; k++) c.put(1, `k${k}`);
    c.settle();
    expect(c.raw(1).status().learners).toEqual([4]);
    // Remove 3: the entry stays on the leader, uncommitted.
    c.net.filter = (m) => !(m.type === MessageType.MSG_APP && m.from === 1);
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_REMOVE_NODE, nodeId: 3 })).toBe(true);
    c.settle();
    const leader = c.node(1);
    const confIndex = coreOf(leader.raw!).pendingConfIndex;
    expect(coreOf(leader.raw!).raftLog.committed).toBeLessThan(confIndex);
    // The leader snapshots and compacts at its applied index, below the change.
    leader.storage.createSnapshot(leader.applied, leader.confState, leader.kv.snapshot());
    leader.storage.compact(leader.applied);
    const snaps: Message[] = [];
    c.net.filter = undefined;
    c.net.heal();
    const orig = c.net.send.bind(c.net);
    c.net.send = (m, now) => (m.type === MessageType.MSG_SNAP && snaps.push(m), orig(m, now));
    for (let k = 0; k < 5; k++) {
      c.raw(1).tick();
      c.settle();
    }
    expect(snaps.length).toBeGreaterThan(0);
    const md = snaps[0]!.snapshot!.metadata;
    expect(md.index).toBeLessThan(confIndex);
    expect(md.confState.voters).toEqual([1, 2, 3]);
    expect(md.confState.learners).toEqual([4]);
    // The change committed after the snapshot and reached the learner through the log.
    expect(c.node(4).confState.voters).toEqual([1, 2]);
    expect(c.node(4).confState.learners).toEqual([4]);
    expect(c.node(4).applied).toBeGreaterThanOrEqual(confIndex);
    expect(c.node(4).kv.data).toEqual(leader.kv.data);
    expect(c.checker.violations).toEqual([]);
  });
});
