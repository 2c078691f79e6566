// Proves `mgmt run`'s TLS flags: etcd's names (and MGMT_*) load an operator's
// certificates made with openssl; an https:// URL without a TLS source, a
// missing file, a key that does not match its certificate, a CA that did
// not sign it, half a pair, client-cert-auth without a CA: one ConfigError
// naming the flag and the file. With --token the default URLs become
// https:// and a plaintext URL given on purpose is refused.
import { makeNatsCreds, makeTestCa } from '@mgmt/transport/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, resolveRunConfig } from './run-config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-flags-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ca = makeTestCa(path.join(dir, 'a'), 'ca-a');
const other = makeTestCa(path.join(dir, 'b'), 'ca-b');
const server = ca.issue('server');
const peer = ca.issue('peer');
const strangerCert = other.issue('stranger');
const https = { hostname: 'h1', clientUrls: ['https://127.0.0.1:2379'], serverUrls: ['https://127.0.0.1:2380'] };
const operator = { ...https, certFile: server.cert, keyFile: server.key, trustedCaFile: ca.cert, clientCertAuth: true, peerCertFile: peer.cert, peerKeyFile: peer.key, peerTrustedCaFile: ca.cert, peerClientCertAuth: true };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message.split('\n')).toHaveLength(1);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('TLS flags', () => {
  it('loads operator certificates with etcd flag names', () => {
    const c = resolveRunConfig(operator, {});
    expect(c.tls?.client).toMatchObject({ clientCert: 'handshake' });
    expect(c.tls?.client?.cert.toString()).toContain('BEGIN CERTIFICATE');
    expect(c.tls?.peer).toMatchObject({ requireClientCert: true });
    expect(c.tls?.dial.ca?.toString()).toContain('BEGIN CERTIFICATE');
  });

  it('reads the same from MGMT_* variables', () => {
    const c = resolveRunConfig(https, {
      MGMT_CERT_FILE: server.cert,
      MGMT_KEY_FILE: server.key,
      MGMT_TRUSTED_CA_FILE: ca.cert,
      MGMT_CLIENT_CERT_AUTH: '1',
      MGMT_PEER_CERT_FILE: peer.cert,
      MGMT_PEER_KEY_FILE: peer.key,
      MGMT_PEER_TRUSTED_CA_FILE: ca.cert,
      MGMT_PEER_CLIENT_CERT_AUTH: 'true',
    });
    expect(c.tls?.client?.clientCert).toBe('handshake');
    expect(c.tls?.peer?.requireClientCert).toBe(true);
  });

  it('keeps http:// plaintext with no TLS at all', () => {
    expect(resolveRunConfig({ hostname: 'h1' }, {}).tls).toBeUndefined();
  });

  it.each([
    ['an https client URL without certificates', { ...https, peerCertFile: peer.cert, peerKeyFile: peer.key, peerTrustedCaFile: ca.cert }, /--client-urls: https:\/\/127.0.0.1:2379 is https/],
    ['an https server URL without certificates', { ...https, clientUrls: ['http://127.0.0.1:2379'] }, /--server-urls: https:\/\/127.0.0.1:2380 is https/],
    ['a missing certificate file', { ...operator, certFile: path.join(dir, 'nope.crt') }, /--cert-file: cannot read .*nope.crt \(ENOENT\)/],
    ['a missing peer key file', { ...operator, peerKeyFile: path.join(dir, 'nope.key') }, /--peer-key-file: cannot read .*nope.key/],
    ['a key that does not match', { ...operator, keyFile: peer.key }, /--key-file: .*peer.key does not match the certificate in --cert-file .*server.crt/],
    ['a CA that did not sign the certificate', { ...operator, trustedCaFile: other.cert }, /--trusted-ca-file: .*ca-b.crt did not sign the certificate in --cert-file .*server.crt/],
    ['a peer CA that did not sign the peer certificate', { ...operator, peerCertFile: strangerCert.cert, peerKeyFile: strangerCert.key }, /--peer-trusted-ca-file: .*did not sign/],
    ['a certificate without its key', { ...operator, keyFile: undefined }, /--key-file: needed with --cert-file/],
    ['a file that is not a certificate', { ...operator, certFile: server.key }, /--cert-file: .*server.key holds no PEM certificate/],
    ['client-cert-auth without a CA', { ...operator, trustedCaFile: undefined }, /--client-cert-auth: needs --trusted-ca-file/],
    ['a token with certificates', { ...operator, token: 's3cret' }, /--token: use either/],
    ['a token with a plaintext URL given', { hostname: 'h1', token: 's3cret', clientUrls: ['http://127.0.0.1:2379'] }, /--client-urls: http:\/\/127.0.0.1:2379 is plaintext/],
    ['a token with a plaintext seed', { hostname: 'h1', token: 's3cret', seeds: ['http://127.0.0.1:2379'] }, /--seeds: http:\/\/127.0.0.1:2379 is plaintext/],
    ['an empty token', { hostname: 'h1', token: '' }, /--token: the join token is empty/],
  ])('refuses %s with one line naming the flag', (_what, flags, message) => {
    expect(refusal(() => resolveRunConfig(flags, {}))).toMatch(message);
  });

  it('keeps NATS URLs with a token (messages authenticated), and gives tls:// servers their CA', () => {
    const c = resolveRunConfig({ hostname: 'h1', token: 's3cret', serverUrls: ['tls://127.0.0.1:4222'], peerTrustedCaFile: ca.cert }, {});
    expect(c.serverUrls).toEqual(['tls://127.0.0.1:4222']);
    expect(c.natsCa).toContain('BEGIN CERTIFICATE');
    const op = resolveRunConfig({ hostname: 'h1', serverUrls: ['tls://127.0.0.1:4222'], peerTrustedCaFile: ca.cert, peerCertFile: peer.cert, peerKeyFile: peer.key }, {});
    expect(op.tls?.nats?.tls?.ca).toContain('BEGIN CERTIFICATE');
    expect(op.tls?.nats?.tls?.cert).toContain('BEGIN CERTIFICATE');
    // The operator's peer certificate also authenticates every Raft message as this member, over nats:// too.
    expect(op.tls?.nats?.memberAuth).toMatchObject({ cert: expect.stringContaining('BEGIN CERTIFICATE'), ca: expect.stringContaining('BEGIN CERTIFICATE') });
    const plain = resolveRunConfig({ hostname: 'h1', serverUrls: ['nats://127.0.0.1:4222'], peerTrustedCaFile: ca.cert, peerCertFile: peer.cert, peerKeyFile: peer.key }, {});
    expect(plain.tls?.nats?.tls).toBeUndefined();
    expect(plain.tls?.nats?.memberAuth?.key).toContain('PRIVATE KEY');
    expect(resolveRunConfig({ hostname: 'h1', serverUrls: ['nats://127.0.0.1:4222'] }, {}).tls).toBeUndefined();
  });

  it('takes NATS credentials: a user and password, or a creds file, for nats:// and tls:// servers only', () => {
    const nats = { hostname: 'h1', serverUrls: ['nats://127.0.0.1:4222'] };
    expect(resolveRunConfig({ ...nats, natsUser: 'mgmt', natsPassword: 'pw' }, {}).natsCredentials).toEqual({ user: 'mgmt', pass: 'pw' });
    expect(resolveRunConfig(nats, { MGMT_NATS_USER: 'u', MGMT_NATS_PASSWORD: 'p' }).natsCredentials).toEqual({ user: 'u', pass: 'p' });
    const creds = path.join(dir, 'user.creds');
    fs.writeFileSync(creds, makeNatsCreds().text);
    expect(resolveRunConfig({ ...nats, natsCreds: creds }, {}).natsCredentials?.creds?.byteLength).toBeGreaterThan(0);
    // A JWT block alone is no longer enough: the file is parsed and checked (nats-creds.test.ts has the cases).
    const jwtOnly = path.join(dir, 'jwt-only.creds');
    fs.writeFileSync(jwtOnly, '-----BEGIN NATS USER JWT-----\neyJ0eXAiOiJKV1QifQ\n------END NATS USER JWT------\n');
    expect(refusal(() => resolveRunConfig({ ...nats, natsCreds: jwtOnly }, {}))).toMatch(/--nats-creds: .*jwt-only.creds has no user NKEY seed block/);
    expect(refusal(() => resolveRunConfig({ ...nats, natsCreds: server.cert }, {}))).toMatch(/--nats-creds: .*server.crt is not a NATS credentials file/);
    expect(refusal(() => resolveRunConfig({ hostname: 'h1', natsUser: 'u' }, {}))).toMatch(/--nats-user: only for nats:\/\/ or tls:\/\//);
    expect(refusal(() => resolveRunConfig({ ...nats, natsPassword: 'p' }, {}))).toMatch(/--nats-password: needs --nats-user/);
  });

  it('makes the default URLs https:// with a token, from --token, MGMT_TOKEN or --token-file', () => {
    const c = resolveRunConfig({ hostname: 'h1', token: 's3cret' }, {});
    expect(c).toMatchObject({ token: 's3cret', clientUrls: ['https://127.0.0.1:2379'], serverUrls: ['https://127.0.0.1:2380'] });
    expect(resolveRunConfig({ hostname: 'h1' }, { MGMT_TOKEN: 'from-env' }).token).toBe('from-env');
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, 'from-file\n');
    expect(resolveRunConfig({ hostname: 'h1', tokenFile: file }, {}).token).toBe('from-file');
    expect(refusal(() => resolveRunConfig({ hostname: 'h1', tokenFile: path.join(dir, 'none') }, {}))).toMatch(/--token-file: cannot read/);
  });
});
