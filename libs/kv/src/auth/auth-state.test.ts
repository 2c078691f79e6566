// Proves the auth state machine decides as etcd 3.4's auth store: its
// errors, its revision rules (auth changes bump the auth revision, never the
// KV revision; no-ops bump nothing), root's special cases, range coverage
// (keys, ranges, prefixes, open ends, unions of roles), the apply-time
// checks of KV commands, and that a snapshot carries it all to another store.
import { authpb } from '@mgmt/proto';
import { describe, expect, it } from 'vitest';
import { Errors, type EtcdError } from '../errors.js';
import { KvStore } from '../store.js';
import type { Command } from '../types.js';

const b = (s: string) => Buffer.from(s);
const { READ, WRITE, READWRITE } = authpb.Permission.Type;

function auth(store: KvStore, req: NonNullable<Command['auth']>): EtcdError | undefined {
  const r = store.apply({ auth: req });
  return r.ok ? undefined : r.error;
}

function withAliceAndRoot(): KvStore {
  const s = new KvStore();
  auth(s, { userAdd: { name: 'root', hashedPassword: 'h' } });
  auth(s, { userGrantRole: { user: 'root', role: 'root' } });
  auth(s, { roleAdd: { name: 'r1' } });
  auth(s, { roleGrantPermission: { name: 'r1', perm: { permType: READ, key: b('a') } } });
  auth(s, { roleGrantPermission: { name: 'r1', perm: { permType: READWRITE, key: b('p/'), rangeEnd: b('p0') } } });
  auth(s, { roleGrantPermission: { name: 'r1', perm: { permType: WRITE, key: b('w'), rangeEnd: b('\0') } } });
  auth(s, { userAdd: { name: 'alice', hashedPassword: 'h' } });
  auth(s, { userGrantRole: { user: 'alice', role: 'r1' } });
  return s;
}

describe('the auth state', () => {
  it('bumps the auth revision on each change, never the KV revision, and not on no-ops', () => {
    const s = withAliceAndRoot();
    expect(s.revision).toBe(1);
    const rev = s.auth.revision;
    expect(rev).toBe(8);
    expect(auth(s, { userGrantRole: { user: 'alice', role: 'r1' } })).toBeUndefined();
    expect(s.auth.revision).toBe(rev);
    expect(auth(s, { enable: {}, tokenSecret: b('k') })).toBeUndefined();
    expect(s.auth.revision).toBe(rev + 1);
    expect(auth(s, { enable: {}, tokenSecret: b('k2'), user: 'root' })).toBeUndefined();
    expect(s.auth.revision).toBe(rev + 1);
    expect(s.revision).toBe(1);
  });

  it("answers etcd's errors and changes nothing when it refuses", () => {
    const s = new KvStore();
    expect(auth(s, { enable: {}, tokenSecret: b('k') })?.message).toBe(Errors.rootUserNotExist().message);
    auth(s, { userAdd: { name: 'root', hashedPassword: 'h' } });
    expect(auth(s, { enable: {}, tokenSecret: b('k') })?.message).toBe(Errors.rootRoleNotExist().message);
    expect(auth(s, { userAdd: { name: '' } })?.message).toBe('etcdserver: user name is empty');
    expect(auth(s, { userAdd: { name: 'root' } })?.message).toBe('etcdserver: user name already exists');
    expect(auth(s, { roleAdd: { name: '' } })?.message).toBe('etcdserver: role name is empty');
    expect(auth(s, { userGrantRole: { user: 'bob', role: 'x' } })?.message).toBe('etcdserver: user name not found');
    expect(auth(s, { userGrantRole: { user: 'root', role: 'x' } })?.message).toBe('etcdserver: role name not found');
    expect(auth(s, { userRevokeRole: { name: 'root', role: 'x' } })?.message).toBe('etcdserver: role is not granted to the user');
    expect(auth(s, { roleRevokePermission: { role: 'x', key: b('a') } })?.message).toBe('etcdserver: role name not found');
    auth(s, { roleAdd: { name: 'r' } });
    expect(auth(s, { roleRevokePermission: { role: 'r', key: b('a') } })?.message).toBe('etcdserver: permission is not granted to the role');
    const rev = s.auth.revision;
    expect(auth(s, { userDelete: { name: 'nobody' } })?.message).toBe('etcdserver: user name not found');
    expect(s.auth.revision).toBe(rev);
  });

  it('protects root while auth is on, and needs root for every change', () => {
    const s = withAliceAndRoot();
    auth(s, { enable: {}, tokenSecret: b('k') });
    expect(auth(s, { roleAdd: { name: 'x' } })?.message).toBe('etcdserver: user name is empty');
    expect(auth(s, { roleAdd: { name: 'x' }, user: 'alice' })?.message).toBe('etcdserver: permission denied');
    expect(auth(s, { roleAdd: { name: 'x' }, user: 'ghost' })?.message).toBe('etcdserver: user name not found');
    expect(auth(s, { userDelete: { name: 'root' }, user: 'root' })?.message).toBe('etcdserver: invalid auth management');
    expect(auth(s, { roleDelete: { role: 'root' }, user: 'root' })?.message).toBe('etcdserver: invalid auth management');
    expect(auth(s, { userRevokeRole: { name: 'root', role: 'root' }, user: 'root' })?.message).toBe('etcdserver: invalid auth management');
    expect(auth(s, { disable: {}, user: 'root' })).toBeUndefined();
    expect(s.auth.enabled).toBe(false);
  });

  it('covers keys, ranges, prefixes and open ends as the union of the roles', () => {
    const s = withAliceAndRoot();
    auth(s, { enable: {}, tokenSecret: b('k') });
    const ok = (key: string, end: string | undefined, kind: 'read' | 'write') => {
      try {
        s.auth.checkRange('alice', b(key), end === undefined ? undefined : b(end), kind);
        return true;
      } catch {
        return false;
      }
    };
    expect(ok('a', undefined, 'read')).toBe(true);
    expect(ok('a', undefined, 'write')).toBe(false);
    expect(ok('a', 'b', 'read')).toBe(false); // a range, not the key a alone
    expect(ok('p/x', undefined, 'write')).toBe(true);
    expect(ok('p/', 'p0', 'read')).toBe(true);
    expect(ok('p/', 'p1', 'read')).toBe(false);
    expect(ok('wz', '\0', 'write')).toBe(true);
    expect(ok('wz', '\0', 'read')).toBe(false);
    auth(s, { roleAdd: { name: 'r2' }, user: 'root' });
    auth(s, { roleGrantPermission: { name: 'r2', perm: { permType: READ, key: b('p0'), rangeEnd: b('q') } }, user: 'root' });
    auth(s, { userGrantRole: { user: 'alice', role: 'r2' }, user: 'root' });
    expect(ok('p/', 'q', 'read')).toBe(true); // [p/, p0) + [p0, q) with no gap
    expect(() => s.auth.checkRange('', b('a'), undefined, 'read')).toThrow('etcdserver: user name is empty');
    s.auth.checkRange('root', b('zzz'), b('\0'), 'write');
    // A revoked role applies at the next check.
    auth(s, { userRevokeRole: { name: 'alice', role: 'r1' }, user: 'root' });
    expect(ok('a', undefined, 'read')).toBe(false);
  });

  it("checks a KV command's user at apply: put, prev_kv, lease keys, txn compares and ops", () => {
    const s = withAliceAndRoot();
    auth(s, { enable: {}, tokenSecret: b('k') });
    const put = (key: string, extra: object = {}) => s.apply({ put: { key: b(key), value: b('v'), ...extra }, authUser: 'alice' });
    expect(put('p/1').ok).toBe(true);
    expect(put('a').ok).toBe(false);
    expect(put('p/1', { prevKv: true }).ok).toBe(true);
    expect(put('wz', { prevKv: true }).ok).toBe(false);
    s.apply({ leaseGrant: { ID: 7, TTL: 10 } });
    s.apply({ put: { key: b('secret'), value: b('x'), lease: 7 } });
    expect(put('p/2', { lease: 7 }).ok).toBe(false);
    expect(s.apply({ leaseRevoke: { ID: 7 }, authUser: 'alice' }).ok).toBe(false);
    const txn = (compareKey: string, putKey: string) =>
      s.apply({ txn: { compare: [{ key: b(compareKey), target: 3, result: 0, value: b('v') }], success: [{ requestPut: { key: b(putKey), value: b('1') } }] }, authUser: 'alice' });
    expect(txn('a', 'p/3').ok).toBe(true);
    expect(txn('secret', 'p/3').ok).toBe(false);
    expect(txn('a', 'secret').ok).toBe(false);
  });

  it('travels in the snapshot, so a restored member enforces the same rules', () => {
    const s = withAliceAndRoot();
    auth(s, { enable: {}, tokenSecret: b('k') });
    const copy = new KvStore();
    copy.restore(s.snapshot());
    expect(copy.auth.snapshot()).toEqual(s.auth.snapshot());
    expect(copy.auth.enabled).toBe(true);
    expect(() => copy.auth.checkRange('alice', b('zz'), undefined, 'read')).toThrow('etcdserver: permission denied');
    expect(Buffer.from(copy.snapshot())).toEqual(Buffer.from(s.snapshot()));
  });
});
