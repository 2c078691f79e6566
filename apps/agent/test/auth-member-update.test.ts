// Proves that with auth on, an agent (a built-in user, by its certificate's
// common name) may update the peer URLs of its own member, as a member
// restarted on a new address does, and no other member's; root may update
// any; a plain user may not (etcd's `permission denied`), nor another
// agent (`user name not found`: the store holds no such user).
import { LocalBackend, createEtcdServer, type EtcdServer } from '@mgmt/kv';
import { makeTestCa } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentPermissions } from '../src/security/agent-identities.js';
import { tempDir } from './helpers.js';

const tmp = tempDir('auth-member-update-');
const ca = makeTestCa(path.join(tmp.dir, 'pki'), 'ca');
const serverCert = ca.issue('server');
const certs = Object.fromEntries(['root', 'h1', 'h2'].map((n) => [n, ca.issue(n)]));
let backend: LocalBackend;
let server: EtcdServer;
let endpoint = '';

function etcdctl(as: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) =>
    execFile('etcdctl', ['--endpoints', endpoint, '--cacert', ca.cert, '--cert', certs[as]!.cert, '--key', certs[as]!.key, ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    ),
  );
}

beforeAll(async () => {
  backend = new LocalBackend({ name: 'h1' });
  backend.store.auth.implicitUserPermissions = agentPermissions;
  server = createEtcdServer(backend, { logError: () => {}, tls: { cert: fs.readFileSync(serverCert.cert), key: fs.readFileSync(serverCert.key), ca: fs.readFileSync(ca.cert), clientCert: 'handshake' } });
  endpoint = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
});
afterAll(async () => {
  backend?.close();
  await server?.close();
  tmp.cleanup();
});

describe('member update with auth on', () => {
  it("lets an agent update its own member only; root any; a plain user none", async () => {
    expect((await etcdctl('root', 'user', 'add', 'root', '--no-password')).code).toBe(0);
    expect((await etcdctl('root', 'user', 'grant-role', 'root', 'root')).code).toBe(0);
    expect((await etcdctl('root', 'user', 'add', 'carol:cpw')).code).toBe(0);
    expect((await etcdctl('root', 'auth', 'enable')).out).toBe('Authentication Enabled\n');
    const id = (await etcdctl('h1', 'member', 'list')).out.split(', ')[0]!;
    expect((await etcdctl('h1', 'member', 'update', id, '--peer-urls=http://127.0.0.1:2390')).out).toMatch(/updated in cluster/);
    // h2 is no user the store holds: etcd's answer for an admin call of such a user.
    expect((await etcdctl('h2', 'member', 'update', id, '--peer-urls=http://127.0.0.1:2391')).err).toMatch(/etcdserver: user name not found/);
    expect((await etcdctl('h1', '--user', 'carol:cpw', 'member', 'update', id, '--peer-urls=http://127.0.0.1:2392')).err).toMatch(/etcdserver: permission denied/);
    expect((await etcdctl('root', 'member', 'update', id, '--peer-urls=http://127.0.0.1:2393')).out).toMatch(/updated in cluster/);
    expect((await etcdctl('h2', 'member', 'list')).out).toMatch(/http:\/\/127\.0\.0\.1:2393/);
  });
});
