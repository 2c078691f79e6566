// Proves TLS on the etcd API server with the real etcdctl and certificates
// made by the real openssl: with a client certificate of the trusted CA
// etcdctl works; without one, or with one of another CA, or in plaintext,
// it gets an error (etcd --client-cert-auth), and so does an expired
// certificate of the right CA. In the token PKI's per-call
// mode a client without a certificate is refused per call, while the join
// service stays open: a joiner with the token gets a certificate the
// cluster CA signed, a wrong token is refused (and nothing is written), and
// the agent's own client dials with TLS.
import { LocalBackend, createEtcdServer, type EtcdServer } from '@mgmt/kv';
import { makeTestCa } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClusterClient } from '../src/cluster/cluster-client.js';
import { silentLogger } from '../src/log.js';
import { createClusterCa, issueCertificate, newKeyPair } from '../src/security/cert-issuer.js';
import { JoinRefusedError, requestJoin } from '../src/security/join-client.js';
import { JOIN_METHOD_PATHS, addJoinService } from '../src/security/join-service.js';
import { tempDir } from './helpers.js';

function etcdctl(endpoint: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('etcdctl', ['--endpoints', endpoint, '--command-timeout=3s', '--dial-timeout=2s', ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

const tmp = tempDir('etcd-tls-');
const servers: Array<{ server: EtcdServer; backend: LocalBackend }> = [];
afterAll(async () => {
  for (const s of servers) {
    s.backend.close();
    await s.server.close();
  }
  tmp.cleanup();
});

describe('etcd API over TLS with operator certificates (--client-cert-auth)', () => {
  const ca = makeTestCa(path.join(tmp.dir, 'op'), 'operator-ca');
  const other = makeTestCa(path.join(tmp.dir, 'other'), 'other-ca');
  const server = ca.issue('server');
  const client = ca.issue('client');
  const stranger = other.issue('stranger');
  let endpoint = '';

  beforeAll(async () => {
    const backend = new LocalBackend({ name: 'tls' });
    const s = createEtcdServer(backend, { logError: () => {}, tls: { cert: fs.readFileSync(server.cert), key: fs.readFileSync(server.key), ca: fs.readFileSync(ca.cert), clientCert: 'handshake' } });
    servers.push({ server: s, backend });
    endpoint = `https://127.0.0.1:${await s.listen('127.0.0.1:0')}`;
  });

  it('serves etcdctl with --cacert/--cert/--key', async () => {
    expect((await etcdctl(endpoint, '--cacert', ca.cert, '--cert', client.cert, '--key', client.key, 'put', 'k', 'v')).out).toBe('OK\n');
    expect((await etcdctl(endpoint, '--cacert', ca.cert, '--cert', client.cert, '--key', client.key, 'get', 'k')).out).toBe('k\nv\n');
  });

  it('refuses etcdctl without a client certificate', async () => {
    expect((await etcdctl(endpoint, '--cacert', ca.cert, 'get', 'k')).code).not.toBe(0);
  });

  it('refuses an expired client certificate of the trusted CA', async () => {
    const expired = ca.issue('expired', ['IP:127.0.0.1'], -1);
    expect((await etcdctl(endpoint, '--cacert', ca.cert, '--cert', expired.cert, '--key', expired.key, 'get', 'k')).code).not.toBe(0);
  });

  it('refuses a client certificate of another CA', async () => {
    expect((await etcdctl(endpoint, '--cacert', ca.cert, '--cert', stranger.cert, '--key', stranger.key, 'get', 'k')).code).not.toBe(0);
  });

  it('does not answer plaintext', async () => {
    expect((await etcdctl(endpoint.replace('https', 'http'), 'get', 'k')).code).not.toBe(0);
  });

  it("is reached by the agent's own client with TLS", async () => {
    const c = new ClusterClient([endpoint], 3_000, { ca: fs.readFileSync(ca.cert), identity: { cert: fs.readFileSync(client.cert), key: fs.readFileSync(client.key) } });
    try {
      expect((await c.get('k'))?.value).toBe('v');
    } finally {
      c.close();
    }
  });
});

const tokenCa = await createClusterCa('mgmt cluster CA');
const tokenServerKeys = newKeyPair();
const tokenServerCert = await issueCertificate(tokenCa, tokenServerKeys.publicKeyPem, 'h1', ['127.0.0.1']);

describe('the token PKI: per-call client certificates and the join service', () => {
  const ca = tokenCa;
  const serverKeys = tokenServerKeys;
  const serverCert = tokenServerCert;
  let endpoint = '';
  let backend: LocalBackend;

  beforeAll(async () => {
    backend = new LocalBackend({ name: 'h1' });
    const s = createEtcdServer(backend, {
      logError: () => {},
      tls: { cert: Buffer.from(serverCert), key: Buffer.from(serverKeys.privateKeyPem), ca: Buffer.from(ca.certPem), clientCert: 'per-call', openMethodPaths: JOIN_METHOD_PATHS },
    });
    addJoinService(s.grpc, { token: 's3cret', caCertPem: ca.certPem, caKeyPem: ca.keyPem }, silentLogger(), { isMember: () => false });
    servers.push({ server: s, backend });
    endpoint = `https://127.0.0.1:${await s.listen('127.0.0.1:0')}`;
  });

  it('refuses a client without a certificate, per call, with a clear error', async () => {
    const caFile = path.join(tmp.dir, 'cluster-ca.crt');
    fs.writeFileSync(caFile, ca.certPem);
    const r = await etcdctl(endpoint, '--cacert', caFile, 'get', 'k');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/client certificate/);
  });

  it('gives a joiner with the token a certificate of the cluster CA, and a member with it works', async () => {
    const keyPair = newKeyPair();
    const joined = await requestJoin({ seed: endpoint, token: 's3cret', hostname: 'h2', names: ['h2', '127.0.0.1'], keyPair });
    expect(joined.caCertPem).toBe(ca.certPem);
    expect(joined.caKeyPem).toBeUndefined(); // the CA key is for members only
    const cert = new X509Certificate(joined.certPem);
    expect(cert.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
    expect(cert.subject).toContain('CN=h2');
    const c = new ClusterClient([endpoint], 3_000, { ca: Buffer.from(ca.certPem), identity: { cert: Buffer.from(joined.certPem), key: Buffer.from(keyPair.privateKeyPem) } });
    try {
      await c.put('joined', 'yes');
      expect((await c.get('joined'))?.value).toBe('yes');
    } finally {
      c.close();
    }
  });

  it('refuses a wrong token, and nothing is written to the store', async () => {
    const before = (await backend.status()).raftIndex;
    await expect(requestJoin({ seed: endpoint, token: 'wrong', hostname: 'h4', names: [], keyPair: newKeyPair() })).rejects.toThrow(JoinRefusedError);
    await expect(requestJoin({ seed: endpoint, token: 'wrong', hostname: 'h4', names: [], keyPair: newKeyPair() })).rejects.toThrow(/refused the join token/);
    expect((await backend.status()).raftIndex).toBe(before);
  });

  it('keeps the CA key from a caller that is not a member', async () => {
    const keyPair = newKeyPair();
    const joined = await requestJoin({ seed: endpoint, token: 's3cret', hostname: 'h3', names: [], keyPair });
    const identity = { cert: Buffer.from(joined.certPem), key: Buffer.from(keyPair.privateKeyPem) };
    await expect(requestJoin({ seed: endpoint, token: 's3cret', hostname: 'h3', names: [], keyPair, member: { identity, caCertPem: ca.certPem } })).rejects.toThrow(/for members/);
  });
});
