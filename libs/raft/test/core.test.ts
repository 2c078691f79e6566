/** Feature tests of the core, through RawNode and the manual cluster. */
import { describe, expect, it } from 'vitest';
import {
  ConfChangeType,
  EntryType,
  ErrProposalDropped,
  ErrStepLocalMsg,
  ErrStepPeerNotFound,
  ErrUncommittedSizeExceeded,
  MemoryStorage,
  MessageType,
  RawNode,
  ReadOnlyOption,
  bootstrapNewCluster,
  makeMessage,
  messageFromWire,
  mulberry32,
  prepareJoin,
  type Message,
  type RaftConfig,
} from '../src/index.js';
import { encodeMessage, decodeMessage } from '@mgmt/proto';
import { SimCluster } from '../src/sim/cluster.js';
import { coreOf } from '../src/internal.js';

function manual(voters: number[], opts: Partial<ConstructorParameters<typeof SimCluster>[0]> = {}): SimCluster {
  const c = new SimCluster({ seed: 3, voters, preVote: false, checkQuorum: false, ...opts });
  c.tickProbability = 0;
  return c;
}

function node(id: number, voters: number[], extra: Partial<RaftConfig> = {}): { raw: RawNode; storage: MemoryStorage } {
  const storage = new MemoryStorage();
  bootstrapNewCluster(storage, voters);
  return { raw: new RawNode({ id, electionTick: 10, heartbeatTick: 1, storage, random: mulberry32(id), ...extra }), storage };
}

describe('leader election', () => {
  it('randomizes election timeouts in [electionTick, 2*electionTick)', () => {
    const { raw } = node(1, [1, 2, 3]);
    const seen = new Set<number>();
    for (let k = 0; k < 200; k++) {
      coreOf(raw).resetRandomizedElectionTimeout();
      const t = coreOf(raw).randomizedElectionTimeout;
      expect(t).toBeGreaterThanOrEqual(10);
      expect(t).toBeLessThan(20);
      seen.add(t);
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it('a follower campaigns after its election timeout; a single voter elects itself', () => {
    const { raw } = node(1, [1]);
    for (let k = 0; k < 20 && coreOf(raw).role !== 'leader'; k++) raw.tick();
    expect(coreOf(raw).role).toBe('leader');
    expect(coreOf(raw).term).toBe(2);
  });

  it('pre-vote: a cut-off node does not bump its term', () => {
    const c = new SimCluster({ seed: 5, voters: [1, 2, 3], preVote: true, checkQuorum: true });
    c.net.isolate(3, [1, 2]);
    c.run(300);
    expect(c.core(3).term).toBeLessThanOrEqual(2);
    expect(c.core(3).role).toBe('pre-candidate');
  });

  it('without pre-vote, a cut-off node bumps its term over and over', () => {
    const c = new SimCluster({ seed: 5, voters: [1, 2, 3], preVote: false, checkQuorum: false });
    c.net.isolate(3, [1, 2]);
    c.run(300);
    expect(c.core(3).term).toBeGreaterThan(5);
  });

  it('a voter refuses a candidate whose log is behind (election restriction)', () => {
    const c = manual([1, 2, 3]);
    c.campaign(1);
    c.raw(1).propose(new TextEncoder().encode('1|a|x'));
    c.net.isolate(3, [1, 2]);
    c.settle();
    c.net.heal();
    c.crash(1);
    c.campaign(3); // 3 lacks the entry: 2 refuses
    expect(c.core(3).role).not.toBe('leader');
    c.campaign(2);
    expect(c.core(2).role).toBe('leader');
  });
});

describe('log replication', () => {
  it('batches proposals made between two Readys into one MsgApp per follower', () => {
    const c = manual([1, 2, 3]);
    c.campaign(1);
    const sent: Message[] = [];
    const orig = c.net.send.bind(c.net);
    c.net.send = (m, now) => (sent.push(m), orig(m, now));
    const l = c.raw(1);
    for (let k = 0; k < 100; k++) l.propose(new TextEncoder().encode(`${k + 1}|k|v`));
    c.settle();
    const apps = sent.filter((m) => m.type === MessageType.MSG_APP && m.entries.length > 0);
    expect(apps).toHaveLength(2);
    expect(apps.every((m) => m.entries.length === 100)).toBe(true);
    expect(c.core(2).raftLog.committed).toBe(c.core(1).raftLog.lastIndex());
  });

  it('pipelines up to maxInflightMsgs appends, bounded by maxSizePerMsg, and waits for acks', () => {
    const c = manual([1, 2], { maxInflightMsgs: 3, maxSizePerMsg: 1 });
    c.campaign(1);
    c.settle();
    c.net.filter = (m) => m.type !== MessageType.MSG_APP_RESP; // no acks: the pipeline fills
    const sent: Message[] = [];
    const orig = c.net.send.bind(c.net);
    c.net.send = (m, now) => (sent.push(m), orig(m, now));
    for (let k = 0; k < 10; k++) c.raw(1).propose(new TextEncoder().encode(`${k + 1}|k|v`));
    c.settle();
    const apps = sent.filter((m) => m.type === MessageType.MSG_APP && m.to === 2 && m.entries.length > 0);
    expect(apps).toHaveLength(3);
    expect(apps.every((m) => m.entries.length === 1)).toBe(true);
    // Acks free the window and the rest flows.
    c.net.filter = undefined;
    c.raw(1).tick();
    c.settle(400);
    expect(c.core(2).raftLog.lastIndex()).toBe(c.core(1).raftLog.lastIndex());
  });

  it('bounds in-flight bytes (maxInflightBytes)', () => {
    const c = manual([1, 2], { maxInflightMsgs: 100, maxSizePerMsg: 1, maxInflightBytes: 100 });
    c.campaign(1);
    c.settle();
    c.net.filter = (m) => m.type !== MessageType.MSG_APP_RESP;
    const sent: Message[] = [];
    const orig = c.net.send.bind(c.net);
    c.net.send = (m, now) => (sent.push(m), orig(m, now));
    for (let k = 0; k < 20; k++) c.raw(1).propose(new Uint8Array(40));
    c.settle();
    const apps = sent.filter((m) => m.type === MessageType.MSG_APP && m.entries.length > 0);
    // 52 bytes per entry: the window closes after the second message.
    expect(apps).toHaveLength(2);
  });

  it('forwards proposals from followers to the leader', () => {
    const c = manual([1, 2, 3]);
    c.campaign(1);
    c.settle();
    const id = c.put(3, 'x');
    c.settle();
    expect(c.isCompleted(id)).toBe(true);
    expect(c.node(1).kv.get('x')).toBe(`v${id}`);
  });

  it('drops proposals without a leader, with a typed error', () => {
    const { raw } = node(1, [1, 2, 3]);
    expect(() => raw.propose(new Uint8Array([1]))).toThrow(ErrProposalDropped);
    const { raw: r2 } = node(2, [1, 2, 3], { disableProposalForwarding: true });
    coreOf(r2).becomeFollower(2, 1);
    try {
      r2.propose(new Uint8Array([1]));
      expect.unreachable();
    } catch (e) {
      expect((e as ErrProposalDropped).reason).toBe('forwarding-disabled');
    }
  });

  it('refuses proposals past maxUncommittedEntriesSize, and accepts again after commit', () => {
    const c = manual([1, 2, 3], { maxUncommittedEntriesSize: 1000 });
    c.campaign(1);
    c.settle();
    c.crash(2);
    c.crash(3);
    const l = c.raw(1);
    let accepted = 0;
    let err: unknown;
    for (let k = 0; k < 100; k++) {
      try {
        l.propose(new Uint8Array(100));
        accepted++;
      } catch (e) {
        err = e;
        break;
      }
    }
    expect(err).toBeInstanceOf(ErrUncommittedSizeExceeded);
    expect(err).toBeInstanceOf(ErrProposalDropped);
    expect(accepted).toBe(10);
    c.restart(2);
    c.restart(3);
    for (let k = 0; k < 5; k++) {
      l.tick();
      c.settle();
    }
    expect(coreOf(l).raftLog.committed).toBe(coreOf(l).raftLog.lastIndex());
    expect(() => l.propose(new Uint8Array(100))).not.toThrow();
  });

  it('commits only with a quorum and applies committed entries in order on every node', () => {
    const c = manual([1, 2, 3, 4, 5]);
    c.campaign(1);
    c.settle();
    c.crash(4);
    c.crash(5);
    const id = c.put(1, 'q');
    c.settle();
    expect(c.isCompleted(id)).toBe(true); // 3 of 5
    c.crash(3);
    const id2 = c.put(1, 'q');
    c.settle();
    expect(c.isCompleted(id2)).toBe(false); // 2 of 5: no quorum
    c.restart(3);
    c.raw(1).tick();
    c.settle();
    expect(c.isCompleted(id2)).toBe(true);
    expect(c.node(3).kv.get('q')).toBe(`v${id2}`);
  });
});

describe('snapshots and compaction', () => {
  it('a follower that fell behind the compacted log catches up by InstallSnapshot', () => {
    const c = new SimCluster({ seed: 9, voters: [1, 2, 3], snapshotInterval: 5, snapshotKeep: 1 });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    const lag = [1, 2, 3].find((x) => x !== c.leader()!.id)!;
    c.crash(lag);
    for (let k = 0; k < 40; k++) {
      c.put(c.leader()!.id, `k${k % 3}`);
      c.step();
    }
    c.run(20);
    const leader = c.leader()!;
    expect(leader.storage.firstIndex()).toBeGreaterThan(c.node(lag).storage.lastIndex() + 1);
    let snaps = 0;
    const orig = c.net.send.bind(c.net);
    c.net.send = (m, now) => (m.type === MessageType.MSG_SNAP && m.to === lag && snaps++, orig(m, now));
    c.restart(lag);
    c.run(60);
    expect(snaps).toBeGreaterThan(0);
    expect(c.node(lag).kv.data).toEqual(leader.kv.data);
    expect(c.checker.violations).toEqual([]);
  });
});

describe('leadership transfer', () => {
  it('TimeoutNow hands leadership to an up-to-date follower; proposals are refused meanwhile', () => {
    const c = new SimCluster({ seed: 31, voters: [1, 2, 3] });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    const from = c.leader()!.id;
    const to = [1, 2, 3].find((x) => x !== from)!;
    c.net.isolate(to, [1, 2, 3]);
    c.raw(from).transferLeadership(to);
    expect(() => c.raw(from).propose(new Uint8Array([1]))).toThrow(/leadership-transfer/);
    c.net.heal();
    expect(c.runUntil(() => c.leader()?.id === to, 100)).toBe(true);
    expect(c.checker.violations).toEqual([]);
  });

  it('a transfer that cannot finish is abandoned after an election timeout', () => {
    const c = new SimCluster({ seed: 32, voters: [1, 2, 3] });
    expect(c.runUntil(() => c.leader() !== undefined, 300)).toBe(true);
    const from = c.leader()!.id;
    const to = [1, 2, 3].find((x) => x !== from)!;
    c.crash(to);
    c.raw(from).transferLeadership(to);
    expect(c.core(from).leadTransferee).toBe(to);
    c.run(25);
    expect(c.core(from).leadTransferee).toBe(0);
    expect(c.leader()!.id).toBe(from);
  });
});

describe('ReadIndex', () => {
  it('serves linearizable reads on the leader and on followers', () => {
    const c = manual([1, 2, 3]);
    c.campaign(1);
    c.settle();
    const w = c.put(1, 'r');
    c.settle();
    expect(c.isCompleted(w)).toBe(true);
    const r1 = c.get(1, 'r')!;
    const r2 = c.get(3, 'r')!;
    c.settle();
    const h = new Map(c.history.map((x) => [x.id, x]));
    expect(h.get(r1)!.respond).not.toBe(Infinity);
    expect(h.get(r1)!.value).toBe(`v${w}`);
    expect(h.get(r2)!.value).toBe(`v${w}`);
  });

  it('needs a quorum of heartbeats: a cut-off leader cannot answer', () => {
    const c = manual([1, 2, 3]);
    c.campaign(1);
    c.settle();
    c.net.isolate(1, [2, 3]);
    const r = c.get(1, 'r')!;
    c.settle();
    expect(c.history.find((x) => x.id === r)!.respond).toBe(Infinity);
  });

  it('a new leader defers reads until it has committed an entry of its term', () => {
    const c = manual([1, 2, 3]);
    c.net.filter = (m) => m.type !== MessageType.MSG_APP;
    c.campaign(1);
    const r = c.get(1, 'r')!;
    c.settle();
    expect(c.core(1).pendingReadIndexMessages).toHaveLength(1);
    expect(c.history.find((x) => x.id === r)!.respond).toBe(Infinity);
    c.net.filter = undefined;
    c.raw(1).tick();
    c.settle();
    expect(c.history.find((x) => x.id === r)!.respond).not.toBe(Infinity);
  });

  it('a sole voter answers at once even while a learner is unreachable', () => {
    const c = manual([1]);
    c.campaign(1);
    c.settle();
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 2 })).toBe(true);
    c.settle();
    c.net.isolate(2, [1]);
    const r = c.get(1, 'r')!;
    c.settle();
    expect(c.history.find((x) => x.id === r)!.respond).not.toBe(Infinity);
  });

  it('lease-based reads answer at once (needs check-quorum)', () => {
    const c = manual([1, 2, 3], { readOnlyOption: ReadOnlyOption.LeaseBased, checkQuorum: true });
    c.campaign(1);
    c.settle();
    c.net.isolate(1, [2, 3]);
    const r = c.get(1, 'r')!;
    c.settle();
    expect(c.history.find((x) => x.id === r)!.respond).not.toBe(Infinity);
  });
});

describe('RawNode API', () => {
  it('refuses local message types and answers from unknown peers', () => {
    const { raw } = node(1, [1, 2, 3]);
    expect(() => raw.step(makeMessage({ type: MessageType.MSG_HUP, from: 2, term: 1 }))).toThrow(ErrStepLocalMsg);
    expect(() => raw.step(makeMessage({ type: MessageType.MSG_APP_RESP, from: 9, to: 1, term: 1 }))).toThrow(ErrStepPeerNotFound);
  });

  it('Ready carries hard state, entries, committed entries and messages; advance acknowledges', () => {
    const { raw, storage } = node(1, [1]);
    raw.campaign();
    expect(raw.hasReady()).toBe(true);
    const rd = raw.ready();
    expect(rd.softState).toEqual({ lead: 1, role: 'leader' });
    expect(rd.hardState).toMatchObject({ term: 2, vote: 1, commit: 2 });
    expect(rd.entries.map((e) => [e.index, e.term])).toEqual([[2, 2]]);
    expect(rd.committedEntries.map((e) => e.index)).toEqual([2]);
    expect(rd.mustSync).toBe(true);
    storage.append(rd.entries);
    storage.setHardState(rd.hardState!);
    raw.advance(rd);
    expect(raw.hasReady()).toBe(false);
    raw.propose(new Uint8Array([7]));
    const rd2 = raw.ready();
    expect(rd2.entries).toHaveLength(1);
    expect(rd2.committedEntries).toHaveLength(1);
    expect(rd2.hardState?.commit).toBe(3);
    expect(rd2.mustSync).toBe(true);
    raw.advance(rd2);
    expect(raw.status()).toMatchObject({ id: 1, term: 2, commit: 3, applied: 3, lead: 1, role: 'leader' });
    expect(raw.status().progress[0]).toMatchObject({ id: 1, match: 3, state: 'replicate' });
  });

  it('messages it emits encode on the wire and decode back', () => {
    const c = manual([1, 2]);
    const sent: Message[] = [];
    const orig = c.net.send.bind(c.net);
    c.net.send = (m, now) => (sent.push(m), orig(m, now));
    c.campaign(1);
    c.put(1, 'w');
    c.settle();
    expect(sent.length).toBeGreaterThan(3);
    for (const m of sent) {
      const back = messageFromWire(decodeMessage(encodeMessage(m)));
      expect(back.type).toBe(m.type);
      expect(back.entries.map((e) => [e.index, e.term, e.type, [...e.data]])).toEqual(m.entries.map((e) => [e.index, e.term, e.type, [...e.data]]));
      expect([back.term, back.index, back.logTerm, back.commit, back.reject]).toEqual([m.term, m.index, m.logTerm, m.commit, m.reject]);
    }
  });

  it('bootstrap: the first agent is sole voter; a joiner starts empty and learns the config', () => {
    const c = manual([1]);
    c.campaign(1);
    c.settle();
    expect(c.core(1).role).toBe('leader');
    const joiner = c.addEmptyNode(2);
    expect(() => prepareJoin(joiner.storage)).not.toThrow();
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 2 })).toBe(true);
    c.settle();
    c.raw(1).tick();
    c.settle();
    expect(c.raw(2).status().learners).toEqual([2]);
    expect(c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_NODE, nodeId: 2 })).toBe(true);
    c.settle();
    expect(c.raw(2).status().voters).toEqual([1, 2]);
    expect(() => bootstrapNewCluster(c.node(1).storage, [1])).toThrow();
  });

  it('is deterministic: the same seed gives the same run', () => {
    const run = (): string => {
      const c = new SimCluster({ seed: 77, voters: [1, 2, 3] });
      c.tickProbability = 0.9;
      c.net.faults = { drop: 0.1, duplicate: 0.1, minDelay: 1, maxDelay: 4 };
      for (let k = 0; k < 200; k++) {
        if (k % 3 === 0) c.put((k % 3) + 1, 'a');
        c.step();
      }
      return JSON.stringify([...c.nodes.values()].map((n) => [n.raw!.status(), n.storage.lastIndex()]));
    };
    expect(run()).toBe(run());
  });

  it('conf change entries are typed ENTRY_CONF_CHANGE in the log', () => {
    const c = manual([1]);
    c.campaign(1);
    c.settle();
    c.proposeConfChange({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 2 });
    c.addEmptyNode(2);
    c.settle();
    const s = c.node(1).storage;
    expect(s.entries(s.lastIndex(), s.lastIndex() + 1, Infinity)[0]!.type).toBe(EntryType.ENTRY_CONF_CHANGE);
  });
});
