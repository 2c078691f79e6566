// Proves a real etcd client library (the etcd3 npm client) uses our auth as
// it uses etcd's: it creates users and roles, grants a prefix, enables auth,
// authenticates with a name and password (it sends the token itself) and
// gets etcd's typed errors for a refused write and for a call with no user.
import { Etcd3, EtcdPermissionDeniedError } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
const clients: Etcd3[] = [];
const client = (auth?: { username: string; password: string }) => {
  const c = new Etcd3({ hosts: h.endpoint, ...(auth ? { auth } : {}) });
  clients.push(c);
  return c;
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await h.stop();
});

describe('the etcd3 client with auth', () => {
  it('manages users and roles, authenticates, and gets etcd errors', async () => {
    const admin = client();
    await admin.user('root').create('rootpw');
    await admin.user('root').addRole('root');
    const role = await admin.role('app').create();
    await role.grant({ permission: 'Readwrite', range: admin.range({ prefix: 'app/' }) });
    await (await admin.user('alice').create('apw')).addRole('app');
    await admin.auth.authEnable();
    const alice = client({ username: 'alice', password: 'apw' });
    await alice.put('app/x').value('1');
    expect(await alice.get('app/x').string()).toBe('1');
    await expect(alice.put('other').value('1')).rejects.toBeInstanceOf(EtcdPermissionDeniedError);
    await expect(client().get('app/x').string()).rejects.toThrow('etcdserver: user name is empty');
    const root = client({ username: 'root', password: 'rootpw' });
    expect((await root.getRoles()).map((r) => r.name)).toEqual(['app']);
    expect((await root.getUsers()).map((u) => u.name).sort()).toEqual(['alice', 'root']);
  });
});
