// Proves the driver's full-disk retry (through the clock seam), and a rule
// of the driver that the simulator on SimDisk found broken
// (replayed here as a small scripted case): a leader sends before its save
// only when what it sends does not rest on that save. With one voter (and
// a learner), the leader's own unsaved copy is the quorum, so the commit
// index covering it goes out only after the save (else the learner applies
// an entry the leader may still lose). The other rule it found (ReadIndex
// contexts differ per run of a member) is replayed by its seed in
// libs/wal/test/raft-sim.test.ts.
import { describe, expect, it } from 'vitest';
import { ConfChangeType, ManualClock, MemoryStorage, MessageType, RaftDriver, emptyConfState, mulberry32, type ReadySave } from '../src/index.js';

function member(seed: number): { driver: RaftDriver; clock: ManualClock; events: string[] } {
  const storage = new MemoryStorage();
  const cs = emptyConfState();
  cs.voters = [1];
  cs.learners = [2];
  storage.applySnapshot({ data: new Uint8Array(0), metadata: { index: 1, term: 1, confState: cs } });
  storage.setHardState({ term: 1, vote: 0, commit: 1 });
  const events: string[] = [];
  const save = storage.saveReady.bind(storage);
  storage.saveReady = (s: ReadySave) => {
    if (s.entries.length > 0) events.push(`save ${s.entries[0]!.index}-${s.entries[s.entries.length - 1]!.index}`);
    save(s);
  };
  const clock = new ManualClock();
  const driver = new RaftDriver({
    id: 1,
    storage,
    clock,
    random: mulberry32(seed),
    send: (m) => {
      if (m.type === MessageType.MSG_APP) events.push(`send app commit ${m.commit}`);
      if (m.type === MessageType.MSG_HEARTBEAT) events.push('send heartbeat');
      return true;
    },
    stateMachine: { applyEntry: () => {}, applyConfChange: () => {}, snapshotData: () => new Uint8Array(0), restore: () => {} },
  });
  return { driver, clock, events };
}

describe('the leader sends before its save only when it may', () => {
  it('one voter and a learner: the commit index of an unsaved entry goes out after the save', () => {
    const m = member(1);
    m.driver.campaign();
    m.clock.runDeferred();
    expect(m.driver.role).toBe('leader');
    m.events.length = 0;
    m.driver.propose(new Uint8Array([7]));
    m.clock.runDeferred();
    const saveAt = m.events.findIndex((e) => e.startsWith('save 3'));
    const commitAt = m.events.findIndex((e) => e === 'send app commit 3');
    expect(saveAt).toBeGreaterThanOrEqual(0);
    expect(commitAt).toBeGreaterThan(saveAt);
  });
});

describe('a full disk', () => {
  it('holds the Ready, sends nothing, and retries the same save on the clock until space returns', () => {
    const m = member(3);
    const storage = (m.driver as unknown as { storage: MemoryStorage }).storage;
    class DiskFull extends Error {}
    let full = false;
    let attempts = 0;
    const save = storage.saveReady.bind(storage);
    storage.saveReady = (s: ReadySave) => {
      attempts++;
      if (full) throw new DiskFull('ENOSPC');
      save(s);
    };
    const driver = new RaftDriver({
      id: 1,
      storage,
      clock: m.clock,
      random: mulberry32(3),
      send: (msg) => {
        m.events.push(`send ${msg.type}`);
        return true;
      },
      isDiskFull: (err) => err instanceof DiskFull,
      diskFullRetryMs: 1000,
      stateMachine: { applyEntry: () => m.events.push('apply'), applyConfChange: () => {}, snapshotData: () => new Uint8Array(0), restore: () => {} },
    });
    driver.campaign();
    m.clock.runDeferred();
    expect(driver.role).toBe('leader');
    full = true;
    attempts = 0;
    m.events.length = 0;
    driver.propose(new Uint8Array([9]));
    m.clock.runDeferred();
    m.clock.advance(3000); // three retries, all refused
    expect(attempts).toBe(4);
    expect(m.events).toEqual([]); // nothing sent, nothing applied while the disk is full
    expect(driver.isStopped).toBe(false);
    full = false; // space returns
    m.clock.advance(1000);
    m.clock.runDeferred();
    expect(m.events).toContain('apply');
    expect(driver.appliedIndex).toBe(3);
  });

  it('postpones a snapshot (the member goes on) and takes it once space returns', () => {
    const m = member(4);
    const storage = (m.driver as unknown as { storage: MemoryStorage }).storage;
    class DiskFull extends Error {}
    let full = true;
    const create = storage.createSnapshot.bind(storage);
    storage.createSnapshot = (...a: Parameters<MemoryStorage['createSnapshot']>) => {
      if (full) throw new DiskFull('ENOSPC');
      return create(...a);
    };
    const driver = new RaftDriver({
      id: 1,
      storage,
      clock: m.clock,
      random: mulberry32(4),
      send: () => true,
      isDiskFull: (err) => err instanceof DiskFull,
      snapshotEveryEntries: 2,
      snapshotCatchUpEntries: 0,
      stateMachine: { applyEntry: () => {}, applyConfChange: () => {}, snapshotData: () => new Uint8Array(0), restore: () => {} },
    });
    driver.campaign();
    m.clock.runDeferred();
    for (let k = 0; k < 3; k++) {
      driver.propose(new Uint8Array([k]));
      m.clock.runDeferred();
    }
    expect(driver.isStopped).toBe(false);
    expect(storage.snapshot().metadata.index).toBe(1);
    full = false;
    driver.propose(new Uint8Array([9]));
    m.clock.runDeferred();
    expect(storage.snapshot().metadata.index).toBe(driver.appliedIndex);
  });
});

describe('one membership change after another', () => {
  // The nominator proposes the next change as soon as the last one is
  // reported applied. Reported at apply (before the Ready's save), the core
  // had not advanced its applied index yet and refused the next change as
  // still pending; the nominator then backed off 0.5 s (issue 21).
  it('a change proposed as soon as the previous one is reported applied is accepted', () => {
    const m = member(5);
    m.driver.campaign();
    m.clock.runDeferred();
    expect(m.driver.role).toBe('leader');
    const results: string[] = [];
    m.driver.proposeConfChangeThen({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 3 }, (err) => {
      results.push(err ? `first failed: ${(err as Error).message}` : 'first applied');
      if (err) return;
      m.driver.proposeConfChangeThen({ type: ConfChangeType.CONF_CHANGE_ADD_LEARNER_NODE, nodeId: 4 }, (err2) => {
        results.push(err2 ? `second failed: ${(err2 as Error).message}` : 'second applied');
      });
    });
    for (let i = 0; i < 5 && results.length < 2; i++) m.clock.runDeferred();
    expect(results).toEqual(['first applied', 'second applied']);
  });
});

describe('heartbeat rounds (onBeat)', () => {
  it('tells its listeners once per leader heartbeat round, after the heartbeats went out, on the lazy clock and on manual ticks', () => {
    const m = member(5);
    const beats: number[] = [];
    const stop = m.driver.onBeat(() => {
      beats.push(m.clock.nowMs());
      m.events.push('beat');
    });
    m.driver.tick(); // a follower's tick: no round
    expect(beats).toHaveLength(0);
    m.driver.campaign();
    m.clock.runDeferred();
    expect(m.driver.role).toBe('leader');
    // Manual ticks (the simulators): one round every heartbeatTicks ticks.
    for (let i = 0; i < 10; i++) m.driver.tick();
    m.clock.runDeferred();
    expect(beats).toHaveLength(2);
    // The lazy ticker: one round every beatMs.
    beats.length = 0;
    m.events.length = 0;
    m.driver.start();
    m.clock.runDeferred();
    for (let i = 0; i < 10; i++) {
      m.clock.advance(m.driver.beatMs);
      m.clock.runDeferred();
    }
    expect(beats.length).toBeGreaterThanOrEqual(9);
    expect(beats.length).toBeLessThanOrEqual(10);
    for (let i = 1; i < beats.length; i++) expect(beats[i]! - beats[i - 1]!).toBe(m.driver.beatMs);
    // Each round's heartbeat (to the learner) is sent before the listeners hear of the round.
    const rounds = m.events.filter((e) => e === 'send heartbeat' || e === 'beat');
    expect(rounds).toEqual(beats.flatMap(() => ['send heartbeat', 'beat']));
    stop();
    // A listener that throws is its own problem: the rounds go on for the others.
    const after: number[] = [];
    m.driver.onBeat(() => {
      throw new Error('listener bug');
    });
    m.driver.onBeat(() => after.push(m.clock.nowMs()));
    for (let i = 0; i < 3; i++) {
      m.clock.advance(m.driver.beatMs);
      m.clock.runDeferred();
    }
    expect(beats.length).toBeLessThanOrEqual(10);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(m.driver.role).toBe('leader');
    m.driver.stop();
  });
});
