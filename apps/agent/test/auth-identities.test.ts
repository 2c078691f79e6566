// Proves that no host of the token PKI can be named root (its certificate
// would be root's once auth is on): the join service refuses such a joiner.
// And that with auth on, an agent (a built-in user, by its certificate's
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
import { silentLogger } from '../src/log.js';
import { ROOT_HOSTNAME_REFUSED } from '../src/security/admin-credential.js';
import { agentPermissions } from '../src/security/agent-identities.js';
import { createClusterCa, issueCertificate, newKeyPair } from '../src/security/cert-issuer.js';
import { requestJoin } from '../src/security/join-client.js';
import { JOIN_METHOD_PATHS, addJoinService } from '../src/security/join-service.js';
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

describe('a joiner named root', () => {
  it('is refused a certificate by the join service', async () => {
    const clusterCa = await createClusterCa('mgmt cluster CA');
    const own = newKeyPair();
    const cert = await issueCertificate(clusterCa, own.publicKeyPem, 'h1', ['127.0.0.1']);
    const b = new LocalBackend({ name: 'h1' });
    const s = createEtcdServer(b, { logError: () => {}, tls: { cert: Buffer.from(cert), key: Buffer.from(own.privateKeyPem), ca: Buffer.from(clusterCa.certPem), clientCert: 'per-call', openMethodPaths: JOIN_METHOD_PATHS } });
    addJoinService(s.grpc, { token: 't', caCertPem: clusterCa.certPem, caKeyPem: clusterCa.keyPem }, silentLogger(), { isMember: () => false });
    const seed = `https://127.0.0.1:${await s.listen('127.0.0.1:0')}`;
    try {
      await expect(requestJoin({ seed, token: 't', hostname: 'root', names: [], keyPair: newKeyPair() })).rejects.toThrow(ROOT_HOSTNAME_REFUSED);
      expect((await requestJoin({ seed, token: 't', hostname: 'h2', names: [], keyPair: newKeyPair() })).certPem).toMatch(/BEGIN CERTIFICATE/);
    } finally {
      b.close();
      await s.close();
    }
  });
});
