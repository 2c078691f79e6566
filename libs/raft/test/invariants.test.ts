// Proves the invariants inside the core and the driver catch broken rules:
// each test breaks one rule on purpose (the switch is here, in test code,
// never in production code) and shows that the member stops at the next
// Ready with a message naming the rule and the state that broke it, instead
// of going on with corrupt state.
import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryStorage, RaftDriver, bootstrapNewCluster, mulberry32, type ReadySave } from '../src/index.js';
import { coreOf, nodeOf } from '../src/internal.js';

/** A single-member cluster on the production driver, elected and settled; `lossy` makes its storage drop saved entries. */
function single(lossy = false): { driver: RaftDriver; clock: ManualClock; errors: unknown[] } {
  const storage = new MemoryStorage();
  bootstrapNewCluster(storage, [1]);
  if (lossy) {
    const save = storage.saveReady.bind(storage);
    // Broken on purpose: the storage acknowledges entries it never keeps.
    storage.saveReady = (s: ReadySave) => save({ ...s, entries: [] });
  }
  const clock = new ManualClock();
  const driver = new RaftDriver({
    id: 1,
    storage,
    clock,
    random: mulberry32(1),
    send: () => true,
    stateMachine: { applyEntry: () => {}, applyConfChange: () => {}, snapshotData: () => new Uint8Array(0), restore: () => {} },
  });
  const errors: unknown[] = [];
  driver.onFatal((err) => errors.push(err));
  if (!lossy) {
    driver.campaign();
    clock.runDeferred();
    expect(driver.role).toBe('leader');
  }
  return { driver, clock, errors };
}

/** Proposes one entry and runs the loop: the next Ready checks the invariants. */
function nextReady(d: { driver: RaftDriver; clock: ManualClock }): void {
  d.driver.propose(new Uint8Array([1]));
  d.clock.runDeferred();
}

describe('invariants inside the core (RawNode.checkInvariants, after every Ready)', () => {
  it('a healthy member runs with them on and never stops', () => {
    const d = single();
    for (let k = 0; k < 50; k++) nextReady(d);
    expect(d.errors).toEqual([]);
    expect(d.driver.isStopped).toBe(false);
  });

  it('the term going backwards stops the member', () => {
    const d = single();
    coreOf(nodeOf(d.driver)).term = 0; // broken rule: a term is never lowered
    nextReady(d);
    expect(d.driver.isStopped).toBe(true);
    expect(String(d.errors[0])).toMatch(/the term went backwards from 2 \(member 1: role leader, term 0/);
  });

  it('a leader that did not vote for itself stops', () => {
    const d = single();
    coreOf(nodeOf(d.driver)).vote = 7; // broken rule: a candidate votes for itself before it can lead
    nextReady(d);
    expect(String(d.errors[0])).toMatch(/a leader that did not vote for itself.*vote 7/);
  });

  it('the commit index going backwards (below what was applied) stops the member', () => {
    const d = single();
    nextReady(d);
    const core = coreOf(nodeOf(d.driver));
    const log = core.raftLog as unknown as { committed: number; applied: number; applying: number };
    log.committed = 1; // broken rule: a committed entry stays committed
    log.applied = 1;
    log.applying = 1;
    d.driver.transferLeadership(1); // any input: the loop runs a Ready
    d.clock.runDeferred();
    expect(d.driver.isStopped).toBe(true);
    // The driver's own check sees it first: it applied index 3, now "committed" is 1.
    expect(String(d.errors[0])).toMatch(/applied beyond the commit index \(state: .*"applied":3,"committed":1/);
  });
});

describe('invariants inside the driver', () => {
  it('a storage that loses saved entries stops the member, with the state that broke the rule', () => {
    const d = single(true);
    d.driver.campaign();
    d.clock.runDeferred();
    expect(d.driver.isStopped).toBe(true);
    const err = d.errors[0] as Error & { state?: Record<string, unknown> };
    expect(err.name).toBe('DriverInvariantError');
    expect(err.message).toMatch(/saved entries are not readable from storage/);
    expect(err.state).toMatchObject({ id: 1, storageLastIndex: 1 });
  });
});
