// Proves the own-key upkeep's in-flight rule: a key this agent wrote at a
// revision the mirror has not reached yet is not re-written however many
// ticks miss it (under a fleet's load the watch lags by seconds), and once
// the mirror has passed that revision a key still missing is damage,
// re-written on the second tick that finds it missing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../log.js';
import type { AgentLease } from './agent-lease.js';
import type { KeyValue } from './cluster-client.js';
import { OwnKeyUpkeep } from './own-key-upkeep.js';
import type { KeyKeeper } from './restart-from-disk.js';

function upkeep() {
  const mirror = new Map<string, KeyValue>();
  let revision = 10;
  const puts: string[] = [];
  const lease = { id: 7, ensure: async () => 7, drop: () => {} } as unknown as AgentLease;
  const u = new OwnKeyUpkeep({
    config: { hostname: 'h1', serverUrls: ['http://127.0.0.1:2380'], clientUrls: ['http://127.0.0.1:2379'] },
    stage: () => ({ volunteering: true, running: false, ownsHostname: true, hasMember: false }),
    mirror: () => mirror,
    mirrorRevision: () => revision,
    status: { published: '', publishedAtMs: 0 },
    lease,
    client: {
      put: async (key: string) => {
        puts.push(key);
      },
      delete: async () => 0,
    },
    endpointKey: () => ({}) as KeyKeeper,
    log: silentLogger(),
  });
  return { u, puts, setRevision: (r: number) => (revision = r) };
}

describe('OwnKeyUpkeep', () => {
  it('does not re-write a key whose own write the mirror has not reached yet', async () => {
    const { u, puts, setRevision } = upkeep();
    u.noteWrite('/_mgmt/volunteers/h1', 15);
    for (let i = 0; i < 5; i++) await u.tick(u.inMirror());
    expect(puts).toEqual([]);
    // The mirror passed the write and the key is still not there: damage, put back on the second tick.
    setRevision(16);
    await u.tick(u.inMirror());
    expect(puts).toEqual([]);
    await u.tick(u.inMirror());
    expect(puts).toEqual(['/_mgmt/volunteers/h1']);
  });

  it('re-writes a missing key it never wrote on the second tick', async () => {
    const { u, puts } = upkeep();
    await u.tick(u.inMirror());
    await u.tick(u.inMirror());
    expect(puts).toEqual(['/_mgmt/volunteers/h1']);
  });

  describe('a watch batch that changes an own key', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is looked at at once and again 300 ms later: the key is back without waiting for the tick', async () => {
      vi.useFakeTimers();
      const { u, puts } = upkeep();
      // Another host's key changed: nothing to look at.
      u.noteChanged(['/_mgmt/volunteers/h2']);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(puts).toEqual([]);
      // A client deleted this host's volunteer key (the mirror no longer has it).
      u.noteChanged(['/_mgmt/volunteers/h1']);
      await vi.advanceTimersByTimeAsync(0);
      expect(puts).toEqual([]); // one look: a suspect, not yet a repair
      await vi.advanceTimersByTimeAsync(300);
      expect(puts).toEqual(['/_mgmt/volunteers/h1']);
      u.stop();
    });
  });
});
