// Proves the pieces of restarting a member from disk (the lifecycle's
// `restarting` state decides when, see libs/cluster-fsm): that a key write
// which failed keeps being retried while the member runs, that a withdraw
// wins over a retry landing after it, and that a member registered under old
// peer URLs asks the others to record its advertised ones until its own
// member list shows them.
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log.js';
import type { ClusterClient } from './cluster-client.js';
import { KeyKeeper, keepPeerUrlsCurrent } from './restart-from-disk.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('KeyKeeper', () => {
  it('retries a failed write while asked to, and stops once written', async () => {
    const keeper = new KeyKeeper(silentLogger(), 'test key');
    let calls = 0;
    const written = new Promise<void>((resolve) => {
      void keeper.write(
        async () => {
          if (++calls < 3) throw new Error('no quorum');
          resolve();
        },
        async () => undefined,
        () => true,
      );
    });
    await written;
    expect(calls).toBe(3);
  });

  it('rejects at once when it may not retry', async () => {
    const keeper = new KeyKeeper(silentLogger(), 'test key');
    await expect(keeper.write(() => Promise.reject(new Error('down')), async () => undefined, () => false)).rejects.toThrow('down');
  });

  it('deletes again what a retry wrote after a withdraw', async () => {
    const keeper = new KeyKeeper(silentLogger(), 'test key');
    let present = false;
    let calls = 0;
    let releaseLateWrite: () => void = () => undefined;
    const lateWriteStarted = new Promise<void>((started) => {
      void keeper.write(
        async () => {
          calls++;
          if (calls === 1) throw new Error('no quorum');
          started();
          await new Promise<void>((r) => (releaseLateWrite = r));
          present = true;
        },
        async () => void (present = false),
        () => true,
      );
    });
    await lateWriteStarted;
    await keeper.withdraw(async () => void (present = false));
    releaseLateWrite();
    await new Promise((r) => setTimeout(r, 50));
    expect(present).toBe(false);
  });
});

describe('keepPeerUrlsCurrent', () => {
  it('updates the member list through another member until it shows the advertised URLs', async () => {
    let registered = ['http://10.0.0.2:2380'];
    const updates: Array<{ via: string | undefined; urls: readonly string[] }> = [];
    const client = {
      memberUpdate: async (_id: number, urls: readonly string[], via?: string) => {
        updates.push({ via, urls });
        if (via === 'http://10.0.0.1:2379') throw new Error('unavailable');
        registered = [...urls];
      },
    } as unknown as ClusterClient;
    const ok = await keepPeerUrlsCurrent({
      memberId: 9,
      advertised: ['http://10.0.0.102:2380'],
      registered: () => registered,
      others: () => ['http://10.0.0.1:2379', 'http://10.0.0.3:2379'],
      running: () => true,
      client,
      log: silentLogger(),
      intervalMs: 1,
    });
    expect(ok).toBe(true);
    expect(registered).toEqual(['http://10.0.0.102:2380']);
    expect(updates.map((u) => u.via)).toEqual(['http://10.0.0.1:2379', 'http://10.0.0.3:2379']);
  });

  it('does nothing when the URLs already match, and gives up once the member stops', async () => {
    const client = { memberUpdate: () => Promise.reject(new Error('never')) } as unknown as ClusterClient;
    const base = { memberId: 1, advertised: ['http://a:2380'], others: () => ['http://b:2379'], client, log: silentLogger(), intervalMs: 1 };
    expect(await keepPeerUrlsCurrent({ ...base, registered: () => ['http://a:2380'], running: () => true })).toBe(true);
    expect(await keepPeerUrlsCurrent({ ...base, registered: () => ['http://old:2380'], running: () => false })).toBe(false);
  });
});
