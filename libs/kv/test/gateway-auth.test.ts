// Proves the JSON gateway's Auth routes answer as etcd 3.4's grpc-gateway:
// every /v3/auth/ path (user add, get, list, changepw, grant, revoke,
// delete; role add, get, list, grant, revoke, delete; enable,
// authenticate, disable), side by side with a real etcd 3.4, the
// same HTTP status and JSON (ids and tokens masked), bad input included
// (unknown user, empty name, wrong password, enable without root); and,
// once auth is on, the token in `Authorization` on kv calls: a call
// without it is refused, one with it served, one with a token of a user
// without permission denied. /v3/auth/status is etcd 3.5's (3.4 answers
// 404): ours serves it, checked on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';
import { startRealEtcd, type RealEtcd } from './real-etcd.js';
import { post, type Answer } from './side-by-side.js';

let h: Harness;
let etcd: RealEtcd;
const b64 = (s: string) => Buffer.from(s).toString('base64');
/** Each server's token for each user. */
const tokens = new Map<string, string>();

/** The same call on both (as `user`'s token, if any), expecting the same answer with tokens and revisions masked. */
async function same(path: string, body: unknown, user?: string): Promise<Answer> {
  const answers = await Promise.all(
    [h.endpoint, etcd.endpoint].map((e) => post(e, path, JSON.stringify(body), 'POST', user ? { authorization: tokens.get(`${e} ${user}`) ?? 'none' } : {})),
  );
  const [ours, theirs] = answers.map((a) => JSON.parse(JSON.stringify(a).replace(/"revision":"\d+"/g, '"revision":"<rev>"').replace(/"token":"[^"]*"/g, '"token":"<token>"')) as Answer);
  expect({ path, body, user, ...ours }).toEqual({ path, body, user, ...theirs });
  return ours!;
}

/** /v3/auth/status: etcd 3.4 has no such route (404); ours answers as etcd 3.5's. */
async function authStatus(enabled: boolean): Promise<void> {
  expect((await post(etcd.endpoint, '/v3/auth/status', '{}')).status).toBe(404);
  const ours = await post(h.endpoint, '/v3/auth/status', '{}');
  expect(ours.status).toBe(200);
  expect(Boolean((ours.body as { enabled?: boolean }).enabled)).toBe(enabled);
}

async function login(user: string, password: string): Promise<void> {
  for (const e of [h.endpoint, etcd.endpoint]) {
    const answer = await post(e, '/v3/auth/authenticate', JSON.stringify({ name: user, password }));
    tokens.set(`${e} ${user}`, (answer.body as { token: string }).token);
  }
}

beforeAll(async () => {
  [h, etcd] = await Promise.all([startHarness(), startRealEtcd()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([h?.stop(), etcd?.stop()]);
});

describe('the gateway\'s auth routes, side by side with etcd 3.4', () => {
  it('manages users and roles', async () => {
    await authStatus(false);
    await same('/v3/auth/user/add', { name: 'root', password: 'rootpw' });
    await same('/v3/auth/user/add', { name: 'alice', password: 'apw' });
    await same('/v3/auth/user/add', { name: 'alice', password: 'apw' });
    await same('/v3/auth/user/add', { name: '', password: 'x' });
    await same('/v3/auth/user/add', { name: 'nopw', options: { no_password: true } });
    await same('/v3/auth/role/add', { name: 'root' });
    await same('/v3/auth/role/add', { name: 'app' });
    await same('/v3/auth/role/add', { name: '' });
    await same('/v3/auth/role/grant', { name: 'app', perm: { permType: 'READWRITE', key: b64('app/'), range_end: b64('app0') } });
    await same('/v3/auth/role/grant', { name: 'app', perm: { permType: 'READ', key: b64('pub') } });
    await same('/v3/auth/role/grant', { name: 'ghost', perm: { permType: 'READ', key: b64('x') } });
    await same('/v3/auth/role/get', { role: 'app' });
    await same('/v3/auth/role/get', { role: 'ghost' });
    await same('/v3/auth/role/revoke', { role: 'app', key: b64('pub') });
    await same('/v3/auth/role/revoke', { role: 'app', key: b64('pub') });
    await same('/v3/auth/role/list', {});
    await same('/v3/auth/user/grant', { user: 'root', role: 'root' });
    await same('/v3/auth/user/grant', { user: 'alice', role: 'app' });
    await same('/v3/auth/user/grant', { user: 'alice', role: 'ghost' });
    await same('/v3/auth/user/grant', { user: 'ghost', role: 'app' });
    await same('/v3/auth/user/get', { name: 'alice' });
    await same('/v3/auth/user/get', { name: 'ghost' });
    await same('/v3/auth/user/list', {});
    await same('/v3/auth/user/changepw', { name: 'alice', password: 'apw2' });
    await same('/v3/auth/user/changepw', { name: 'ghost', password: 'x' });
    await same('/v3/auth/user/revoke', { name: 'nopw', role: 'app' });
    await same('/v3/auth/user/delete', { name: 'nopw' });
    await same('/v3/auth/user/delete', { name: 'nopw' });
    await same('/v3/auth/role/add', { name: 'tmp' });
    await same('/v3/auth/role/delete', { role: 'tmp' });
    await same('/v3/auth/role/delete', { role: 'tmp' });
    await same('/v3/auth/user/add', { name: 'x' });
    await same('/v3/auth/authenticate', { name: 'alice', password: 'apw2' });
  });

  it('enables auth, takes the token in Authorization, disables', async () => {
    await same('/v3/auth/user/revoke', { name: 'root', role: 'root' });
    await same('/v3/auth/enable', {});
    await same('/v3/auth/user/grant', { user: 'root', role: 'root' });
    await same('/v3/auth/enable', {});
    await authStatus(true);
    await same('/v3/auth/authenticate', { name: 'alice', password: 'wrong' });
    await same('/v3/auth/authenticate', { name: 'ghost', password: 'x' });
    await same('/v3/auth/authenticate', { name: 'alice', password: 'apw2' });
    await login('alice', 'apw2');
    await login('root', 'rootpw');
    expect(await same('/v3/kv/put', { key: b64('app/x'), value: b64('1') })).toMatchObject({ body: { message: 'etcdserver: user name is empty' } });
    await same('/v3/kv/range', { key: b64('app/x') });
    expect(await same('/v3/kv/put', { key: b64('app/x'), value: b64('1') }, 'nobody')).toMatchObject({ body: { message: 'etcdserver: invalid auth token' } });
    expect((await same('/v3/kv/put', { key: b64('app/x'), value: b64('1') }, 'alice')).status).toBe(200);
    expect(await same('/v3/kv/range', { key: b64('app/x') }, 'alice')).toMatchObject({ status: 200, body: { count: '1' } });
    expect(await same('/v3/kv/put', { key: b64('other'), value: b64('1') }, 'alice')).toMatchObject({ body: { message: 'etcdserver: permission denied' } });
    await same('/v3/auth/user/list', {}, 'alice');
    await same('/v3/auth/user/list', {});
    await same('/v3/auth/user/list', {}, 'root');
    await same('/v3/auth/role/get', { role: 'app' }, 'root');
    await same('/v3/auth/disable', {}, 'alice');
    await same('/v3/auth/disable', {});
    await same('/v3/auth/disable', {}, 'root');
    await authStatus(false);
    await same('/v3/kv/range', { key: b64('app/x') });
  });
});
