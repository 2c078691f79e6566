// Proves the Authorizer's tokens and passwords: a token names its user
// until its TTL runs out (the clock is passed in), a token signed under
// another enabling's secret or for a user whose password changed is
// refused with `etcdserver: invalid auth token`, a certificate's common
// name names the user when no token is sent, a wrong password or unknown
// user gets etcd's `authentication failed`, and nothing is identified
// while auth is off.
import { describe, expect, it } from 'vitest';
import { KvStore } from '../store.js';
import { Authorizer } from './authorizer.js';
import { hashPassword } from './password.js';

const cheap = { N: 1 << 10, r: 8, p: 1 };

async function storeWithAlice(): Promise<KvStore> {
  const s = new KvStore();
  const apply = (auth: object) => {
    const r = s.apply({ auth });
    if (!r.ok) throw r.error;
  };
  apply({ userAdd: { name: 'root', hashedPassword: await hashPassword('rootpw', cheap) } });
  apply({ userGrantRole: { user: 'root', role: 'root' } });
  apply({ userAdd: { name: 'alice', hashedPassword: await hashPassword('apw', cheap) } });
  apply({ enable: {}, tokenSecret: Buffer.from('secret-1') });
  return s;
}

describe('the Authorizer', () => {
  it('issues tokens that name the user until their TTL runs out', async () => {
    let now = 1_000;
    const store = await storeWithAlice();
    const auth = new Authorizer(store, { tokenTtlMs: 500, now: () => now });
    const token = await auth.authenticate('alice', 'apw');
    expect(await auth.identify({ token })).toBe('alice');
    expect(await auth.identify({ token, commonName: 'root' })).toBe('alice');
    now += 500;
    await expect(auth.identify({ token })).rejects.toThrow('etcdserver: invalid auth token');
  });

  it("refuses a token after the user's password changed or auth was enabled again", async () => {
    const store = await storeWithAlice();
    const auth = new Authorizer(store);
    const token = await auth.authenticate('alice', 'apw');
    store.apply({ auth: { userChangePassword: { name: 'alice', hashedPassword: await hashPassword('new', cheap) }, user: 'root' } });
    await expect(auth.identify({ token })).rejects.toThrow('etcdserver: invalid auth token');
    const fresh = await auth.authenticate('alice', 'new');
    store.apply({ auth: { disable: {}, user: 'root' } });
    store.apply({ auth: { enable: {}, tokenSecret: Buffer.from('secret-2') } });
    await expect(auth.identify({ token: fresh })).rejects.toThrow('etcdserver: invalid auth token');
    await expect(auth.identify({ token: `${fresh.slice(0, -2)}xx` })).rejects.toThrow('etcdserver: invalid auth token');
  });

  it("answers etcd's errors for bad credentials, and identifies by certificate", async () => {
    const store = await storeWithAlice();
    const auth = new Authorizer(store);
    await expect(auth.authenticate('alice', 'wrong')).rejects.toThrow('etcdserver: authentication failed, invalid user ID or password');
    await expect(auth.authenticate('nobody', 'x')).rejects.toThrow('etcdserver: authentication failed, invalid user ID or password');
    // A repeated success is remembered, and still checked against the stored hash.
    await auth.authenticate('alice', 'apw');
    await auth.authenticate('alice', 'apw');
    await expect(auth.authenticate('alice', 'apw2')).rejects.toThrow('authentication failed');
    expect(await auth.identify({ commonName: 'alice' })).toBe('alice');
    expect(await auth.identify({})).toBe('');
  });

  it('identifies nobody while auth is off, and refuses to authenticate', async () => {
    const auth = new Authorizer(new KvStore());
    expect(await auth.identify({ token: 'anything', commonName: 'x' })).toBe('');
    await expect(auth.authenticate('alice', 'apw')).rejects.toThrow('etcdserver: authentication is not enabled');
  });
});
