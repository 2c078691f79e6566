// Proves RaftDriver.snapshotNow (what Maintenance.Defragment asks for):
// whatever snapshotEveryEntries says, it snapshots the state machine at the
// applied index (with the configuration it was taken at), so the storage
// holds that snapshot; asked again with nothing applied since, it does
// nothing and says so.
import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryStorage, RaftDriver, emptyConfState, mulberry32 } from '../src/index.js';

describe('RaftDriver.snapshotNow', () => {
  it('snapshots at the applied index on demand, once', () => {
    const storage = new MemoryStorage();
    const cs = emptyConfState();
    cs.voters = [1];
    storage.applySnapshot({ data: new Uint8Array(0), metadata: { index: 1, term: 1, confState: cs } });
    storage.setHardState({ term: 1, vote: 0, commit: 1 });
    const clock = new ManualClock();
    let applied = 0;
    const driver = new RaftDriver({
      id: 1,
      storage,
      clock,
      random: mulberry32(5),
      send: () => true,
      snapshotEveryEntries: 1_000_000,
      stateMachine: { applyEntry: () => void applied++, applyConfChange: () => {}, snapshotData: () => new Uint8Array([applied]), restore: () => {} },
    });
    driver.campaign();
    clock.runDeferred();
    for (let i = 0; i < 3; i++) driver.propose(new Uint8Array([i + 1]));
    clock.runDeferred();
    expect(applied).toBe(3);
    expect(storage.snapshot().metadata.index).toBe(1);

    expect(driver.snapshotNow()).toBe(true);
    const snap = storage.snapshot();
    expect(snap.metadata.index).toBe(driver.appliedIndex);
    expect(snap.metadata.confState.voters).toEqual([1]);
    expect([...snap.data]).toEqual([3]);
    expect(driver.snapshotNow()).toBe(false);
  });
});
