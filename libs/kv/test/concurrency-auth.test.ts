// Proves the lock and election services obey auth as etcd 3.4's do (its
// v3lock and v3election servers call the KV API with the caller's token:
// a lock or a campaign is a txn that reads and writes the caller's key
// under `<name>/` and reads that prefix; unlock deletes the key; proclaim
// and resign are txns on the leader's key; leader and observe read the
// prefix). Side by side with a real etcd 3.4: the same users (read-write,
// write-only, read-only and no role on the names' prefixes, and no token)
// call Lock, Unlock, Campaign, Proclaim, Leader, Observe and Resign through
// the JSON gateway with their token in `Authorization`, and etcdctl's own
// `lock` and `elect` (client-side, over KV) run with `--user`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CtlProcess, etcdctl, startHarness, type Harness } from './harness.js';
import { startRealEtcd, type RealEtcd } from './real-etcd.js';
import { post, type Answer } from './side-by-side.js';

let h: Harness;
let etcd: RealEtcd;
const b64 = (s: string) => Buffer.from(s).toString('base64');
const users = { root: 'rootpw', alice: 'apw', wally: 'wpw', reese: 'rpw', nora: 'npw' } as const;
type User = keyof typeof users;
/** Each server's token for each user. */
const tokens = new Map<string, string>();

/** Both servers' endpoints. */
const both = () => [h.endpoint, etcd.endpoint];

/** etcdctl on both, expecting the same output and exit code; returns ours. */
async function ctl(...args: string[]): Promise<string> {
  const [ours, theirs] = await Promise.all(both().map((e) => etcdctl(e, args)));
  const printed = (r: { code: number; stdout: string; stderr: string }) => ({
    code: r.code,
    out: `${r.stdout}${r.stderr.split('\n').filter((l) => !l.startsWith('{"level"')).join('\n')}`.replace(/\b[0-9a-f]{16}\b/g, '<lease>'),
  });
  expect({ args, ...printed(ours!) }).toEqual({ args, ...printed(theirs!) });
  return ours!.stdout;
}

/** A gateway call as `user` (undefined: no token) on both, expecting the same answer (revisions aside). */
async function as(user: User | undefined, path: string, body: unknown): Promise<Answer> {
  const answers = await Promise.all(
    both().map(async (e) => {
      const headers: Record<string, string> = user ? { authorization: tokens.get(`${e} ${user}`)! } : {};
      return post(e, path, JSON.stringify(body), 'POST', headers);
    }),
  );
  const [ours, theirs] = answers.map((a) => JSON.parse(JSON.stringify(a).replace(/"revision":"\d+"/g, '"revision":"<rev>"')) as Answer);
  expect({ user, path, body, ...ours }).toEqual({ user, path, body, ...theirs });
  return ours!;
}

beforeAll(async () => {
  [h, etcd] = await Promise.all([startHarness(), startRealEtcd()]);
  for (const [user, password] of Object.entries(users)) await ctl('user', 'add', `${user}:${password}`);
  for (const role of ['root', 'rw', 'wo', 'ro']) await ctl('role', 'add', role);
  for (const name of ['fleet', 'db']) {
    await ctl('role', 'grant-permission', 'rw', '--prefix=true', 'readwrite', name);
    await ctl('role', 'grant-permission', 'wo', '--prefix=true', 'write', name);
    await ctl('role', 'grant-permission', 'ro', '--prefix=true', 'read', name);
  }
  for (const [user, role] of [['root', 'root'], ['alice', 'rw'], ['wally', 'wo'], ['reese', 'ro']]) await ctl('user', 'grant-role', user!, role!);
  for (const e of both()) {
    for (const id of ['4096', '8192']) await post(e, '/v3/lease/grant', JSON.stringify({ TTL: 600, ID: id }));
  }
  await ctl('auth', 'enable');
  for (const e of both()) {
    for (const [user, password] of Object.entries(users)) {
      const answer = await post(e, '/v3/auth/authenticate', JSON.stringify({ name: user, password }));
      tokens.set(`${e} ${user}`, (answer.body as { token: string }).token);
    }
  }
}, 60_000);
afterAll(async () => {
  await Promise.all([h?.stop(), etcd?.stop()]);
});

describe('lock and election with auth, side by side with etcd 3.4', () => {
  it('locks only with read and write on the name\'s prefix; unlocks only with write', async () => {
    for (const user of [undefined, 'nora', 'wally', 'reese'] as const) {
      expect((await as(user, '/v3/lock/lock', { name: b64('fleet'), lease: '4096' })).status).not.toBe(200);
    }
    const locked = await as('alice', '/v3/lock/lock', { name: b64('fleet'), lease: '4096' });
    expect(locked.body).toMatchObject({ key: b64('fleet/1000') });
    for (const user of [undefined, 'nora', 'reese'] as const) {
      expect((await as(user, '/v3/lock/unlock', { key: b64('fleet/1000') })).status).not.toBe(200);
    }
    expect((await as('wally', '/v3/lock/unlock', { key: b64('fleet/1000') })).status).toBe(200);
  });

  it('campaigns only with read and write; reads the leader with read; proclaims and resigns with read and write', async () => {
    for (const user of [undefined, 'nora', 'wally', 'reese'] as const) {
      expect((await as(user, '/v3/election/campaign', { name: b64('db'), lease: '8192', value: b64('x') })).status).not.toBe(200);
    }
    const campaign = await as('alice', '/v3/election/campaign', { name: b64('db'), lease: '8192', value: b64('host-a') });
    const leader = (campaign.body as { leader: Record<string, string> }).leader;
    expect(leader).toMatchObject({ name: b64('db'), key: b64('db/2000'), lease: '8192' });
    for (const user of [undefined, 'nora', 'wally'] as const) expect((await as(user, '/v3/election/leader', { name: b64('db') })).status).not.toBe(200);
    expect((await as('reese', '/v3/election/leader', { name: b64('db') })).status).toBe(200);
    for (const user of [undefined, 'nora', 'wally'] as const) await as(user, '/v3/election/observe', { name: b64('db') });
    for (const user of [undefined, 'nora', 'wally', 'reese'] as const) {
      expect((await as(user, '/v3/election/proclaim', { leader, value: b64('v2') })).status).not.toBe(200);
      expect((await as(user, '/v3/election/resign', { leader })).status).not.toBe(200);
    }
    expect((await as('alice', '/v3/election/proclaim', { leader, value: b64('v2') })).status).toBe(200);
    expect((await as('alice', '/v3/election/resign', { leader })).status).toBe(200);
  });

  it('etcdctl lock and elect with --user', async () => {
    expect(await ctl('--user', 'alice:apw', 'lock', 'fleet', 'echo', 'locked')).toBe('locked\n');
    for (const user of ['wally:wpw', 'reese:rpw', 'nora:npw']) await ctl('--user', user, 'lock', 'fleet', 'echo', 'locked');
    for (const user of ['wally:wpw', 'reese:rpw', 'nora:npw']) await ctl('--user', user, 'elect', 'db', 'host-x');
    const electors = both().map((e) => new CtlProcess(e, ['--user', 'alice:apw', 'elect', 'db', 'host-a']));
    try {
      await Promise.all(electors.map((p) => p.waitFor('host-a')));
      const listeners = both().map((e) => new CtlProcess(e, ['--user', 'reese:rpw', 'elect', '-l', 'db']));
      await Promise.all(listeners.map((p) => p.waitFor('host-a')));
      await Promise.all(listeners.map((p) => p.kill()));
    } finally {
      await Promise.all(electors.map((p) => p.kill()));
    }
  });
});
