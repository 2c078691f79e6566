// Each safety checker of the simulator is shown to catch the broken rule it
// exists for. The broken histories are built here, in test code: one per
// checker, fed to the checker as the simulator would feed it.
import { describe, expect, it } from 'vitest';
import { MemoryStorage, RawNode, mulberry32, EntryType, emptyConfState, type Entry } from '../src/index.js';
import { SafetyChecker } from '../src/sim/checkers.js';
import { storageWithTerms } from './helpers.js';

const entry = (index: number, term: number, byte = index): Entry => ({ index, term, type: EntryType.ENTRY_NORMAL, data: new Uint8Array([byte]) });

describe('safety checkers catch the rule they guard', () => {
  it('election safety: two leaders in one term', () => {
    const c = new SafetyChecker();
    c.observeRole(1, 'leader', 3);
    c.observeRole(1, 'leader', 3);
    c.observeRole(2, 'leader', 4);
    expect(c.ok).toBe(true);
    c.observeRole(3, 'leader', 3);
    expect(c.violations).toEqual(['election safety: two leaders in term 3: 1 and 3']);
  });

  it('state machine safety: two members apply different entries at one index', () => {
    const c = new SafetyChecker();
    c.onApply(1, entry(2, 2));
    c.onApply(2, entry(2, 2));
    expect(c.ok).toBe(true);
    c.onApply(3, entry(2, 2, 99));
    expect(c.violations[0]).toMatch(/^state machine safety: node 3 applied a different entry at index 2/);
  });

  it('no committed entry lost: a member overwrites a committed entry', () => {
    const c = new SafetyChecker();
    const s = new MemoryStorage();
    storageWithTerms(s, [1, 2, 2], 2, [1, 2, 3]);
    c.onApply(1, entry(2, 2, 0));
    c.beforeAppend(2, s, [entry(3, 3)]); // index 3 is not committed: may be replaced
    expect(c.ok).toBe(true);
    c.beforeAppend(2, s, [entry(2, 3), entry(3, 3)]);
    expect(c.violations[0]).toMatch(/^committed entry lost: node 2 overwrote committed entry 2 \(term 2\) with term 3/);
  });

  it('log matching: same index and term, different predecessor', () => {
    const c = new SafetyChecker();
    const a = new MemoryStorage();
    storageWithTerms(a, [1, 2, 3], 3, [1, 2, 3]);
    c.afterAppend(1, a, [entry(3, 3, 2)]);
    const b = new MemoryStorage();
    storageWithTerms(b, [1, 1, 3], 3, [1, 2, 3]);
    c.afterAppend(2, b, [entry(3, 3, 2)]);
    expect(c.violations[0]).toMatch(/^log matching: node 2 has a different entry or predecessor at index 3 term 3/);
  });

  it('leader completeness: a leader without a committed entry', () => {
    const c = new SafetyChecker();
    c.onApply(1, entry(2, 2, 0));
    c.onApply(1, entry(3, 2, 1));
    const storage = new MemoryStorage();
    storageWithTerms(storage, [1, 2], 4, [1, 2, 3]); // holds index 2 but not the committed index 3
    const raw = new RawNode({ id: 2, electionTick: 10, heartbeatTick: 1, storage, random: mulberry32(2) });
    c.onBecomeLeader(2, raw);
    expect(c.violations[0]).toMatch(/^leader completeness: leader 2 of term 4 has term 0 at committed index 3 \(committed term 2\)/);
  });

  it('snapshot safety: a snapshot that contradicts the committed log', () => {
    const c = new SafetyChecker();
    c.onApply(1, entry(2, 2));
    c.onSnapshot(2, { data: new Uint8Array(), metadata: { index: 2, term: 2, confState: emptyConfState() } });
    expect(c.ok).toBe(true);
    c.onSnapshot(3, { data: new Uint8Array(), metadata: { index: 2, term: 5, confState: emptyConfState() } });
    expect(c.violations[0]).toMatch(/^snapshot safety: node 3 installed a snapshot at 2 term 5, committed term there is 2/);
  });
});
