// Proves etcd's concurrency services (v3lock: Lock, Unlock; v3election:
// Campaign, Proclaim, Leader, Observe, Resign) answer as a real etcd 3.4's,
// through their JSON gateway routes side by side with etcd: a lock held on
// a lease, a second holder on another lease that waits until the first
// unlocks, an election's leader, its proclaimed value seen by an observer,
// a proclaim by a stale leader refused with "election: not leader", a
// resign, and "election: no leader" when nobody campaigns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { startRealEtcd, type RealEtcd } from './real-etcd.js';
import { post, sameOn } from './side-by-side.js';

let h: Harness;
let etcd: RealEtcd;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const same = (path: string, body: unknown) => sameOn(h.endpoint, etcd.endpoint, path, body);

beforeAll(async () => {
  [h, etcd] = await Promise.all([startHarness(), startRealEtcd()]);
});
afterAll(async () => {
  await Promise.all([h?.stop(), etcd?.stop()]);
});

describe('v3lock and v3election, side by side with etcd 3.4', () => {
  it('locks on a lease; a second holder waits until the first unlocks', async () => {
    await same('/v3/lease/grant', { TTL: 60, ID: '4096' });
    await same('/v3/lease/grant', { TTL: 60, ID: '8192' });
    const first = await same('/v3/lock/lock', { name: b64('fleet'), lease: '4096' });
    expect(first.body).toMatchObject({ key: b64('fleet/1000') });
    const order: string[] = [];
    const waiting = [h.endpoint, etcd.endpoint].map((e) => post(e, '/v3/lock/lock', JSON.stringify({ name: b64('fleet'), lease: '8192' })).then((a) => (order.push(`locked ${e}`), a)));
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual([]);
    await same('/v3/lock/unlock', { key: b64('fleet/1000') });
    const [ours, theirs] = await Promise.all(waiting);
    expect(ours).toEqual(theirs);
    expect(ours!.body).toMatchObject({ key: b64('fleet/2000') });
    await same('/v3/lock/unlock', { key: b64('fleet/2000') });
  });

  it('elects, proclaims, observes, refuses a stale leader, resigns', async () => {
    await same('/v3/election/leader', { name: b64('db') });
    const campaign = await same('/v3/election/campaign', { name: b64('db'), lease: '4096', value: b64('host-a') });
    const leader = (campaign.body as { leader: Record<string, string> }).leader;
    expect(leader).toMatchObject({ name: b64('db'), key: b64('db/1000'), lease: '4096' });
    await same('/v3/election/leader', { name: b64('db') });
    const observe = async (endpoint: string) => {
      const controller = new AbortController();
      const res = await fetch(`http://${endpoint}/v3/election/observe`, { method: 'POST', body: JSON.stringify({ name: b64('db') }), signal: controller.signal });
      const reader = res.body!.getReader();
      let text = '';
      return {
        lines: async (n: number) => {
          while (text.split('\n').filter(Boolean).length < n) text += new TextDecoder().decode((await reader.read()).value);
          return text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { result: { kv: { value: string } } }).result.kv.value);
        },
        stop: () => controller.abort(),
      };
    };
    const watchers = await Promise.all([observe(h.endpoint), observe(etcd.endpoint)]);
    await same('/v3/election/proclaim', { leader, value: b64('host-a v2') });
    await same('/v3/election/proclaim', { leader: { ...leader, rev: '1' }, value: b64('stale') });
    for (const w of watchers) {
      expect(await w.lines(2)).toEqual([b64('host-a'), b64('host-a v2')]);
      w.stop();
    }
    await same('/v3/election/resign', { leader });
    await same('/v3/election/leader', { name: b64('db') });
  });
});
