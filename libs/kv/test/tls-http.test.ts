// Proves HTTP on a TLS (`https://`) client port, on the same port as gRPC,
// with the real curl, etcdctl and openssl-made certificates: /health,
// /version and /metrics answer curl --cacert/--cert/--key (ALPN gives curl
// HTTP/1.1, gRPC clients HTTP/2); etcdctl still works on the port, with a
// URL-form endpoint too (endpoint status); --client-cert-auth
// ('handshake') still refuses a client without a certificate at the
// handshake; in 'per-call' mode an HTTP request without a certificate gets
// 401 and the message gRPC calls get; a renewed certificate
// (updateTlsIdentity) is what new connections see; the JSON gateway under
// /v3/ works over TLS (its own way in: client-port/internal-port.ts) and,
// with auth on, takes the token in `Authorization`, without borrowing any
// certificate's identity.
import { makeTestCa } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CERT_REQUIRED, LocalBackend, createEtcdServer, type EtcdServer } from '../src/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-tls-http-'));
const ca = makeTestCa(path.join(dir, 'ca'), 'ca');
const serverCert = ca.issue('server');
const client = ca.issue('client');
const running: Array<{ server: EtcdServer; backend: LocalBackend }> = [];

function run(cmd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ETCDCTL_API: '3' }, timeout: 20_000 }, (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}
const withCert = ['--cacert', ca.cert, '--cert', client.cert, '--key', client.key];
const curl = (url: string, ...args: string[]) => run('curl', ['-sS', '-w', '\n%{http_code} %{http_version}', ...args, url]);

async function start(clientCert: 'handshake' | 'per-call'): Promise<{ server: EtcdServer; base: string }> {
  const backend = new LocalBackend({ name: 'tls-http' });
  const server = createEtcdServer(backend, { logError: () => {}, tls: { cert: fs.readFileSync(serverCert.cert), key: fs.readFileSync(serverCert.key), ca: fs.readFileSync(ca.cert), clientCert } });
  running.push({ server, backend });
  const base = `https://127.0.0.1:${await server.listen('127.0.0.1:0')}`;
  backend.setClientUrls([base]);
  return { server, base };
}

afterAll(async () => {
  for (const r of running) {
    r.backend.close();
    await r.server.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('HTTP on a TLS client port with --client-cert-auth (handshake)', () => {
  let base = '';
  let server: EtcdServer;
  beforeAll(async () => {
    ({ server, base } = await start('handshake'));
  });

  it('serves /health, /version and /metrics over HTTP/1.1 to curl with a client certificate', async () => {
    expect((await curl(`${base}/health`, ...withCert)).out).toBe('{"health":"true"}\n200 1.1');
    expect((await curl(`${base}/version`, ...withCert)).out).toMatch(/^\{"etcdserver":"[^"]+","etcdcluster":"[^"]+"\}\n200 1\.1$/);
    expect((await curl(`${base}/nothing`, ...withCert)).out).toBe('404 page not found\n\n404 1.1');
  });

  it('serves the JSON gateway, with the token in Authorization once auth is on', async () => {
    const json = (body: unknown) => ['-H', 'content-type: application/json', '-d', JSON.stringify(body)];
    const b64 = (t: string) => Buffer.from(t).toString('base64');
    expect((await curl(`${base}/v3/kv/put`, ...withCert, ...json({ key: b64('g'), value: b64('1') }))).out).toMatch(/^\{"header".*\n200 1\.1$/);
    for (const [p, body] of [
      ['/v3/auth/user/add', { name: 'root', password: 'rootpw' }],
      ['/v3/auth/role/add', { name: 'root' }],
      ['/v3/auth/user/grant', { user: 'root', role: 'root' }],
      ['/v3/auth/enable', {}],
    ] as const) expect((await curl(`${base}${p}`, ...withCert, ...json(body))).out).toMatch(/200 1\.1$/);
    // The client certificate's CN ("client") is no user: no token, no access.
    expect((await curl(`${base}/v3/kv/range`, ...withCert, ...json({ key: b64('g') }))).out).toMatch(/user name is empty.*\n400 1\.1$/);
    const token = (JSON.parse((await curl(`${base}/v3/auth/authenticate`, ...withCert, ...json({ name: 'root', password: 'rootpw' }))).out.split('\n')[0]!) as { token: string }).token;
    expect((await curl(`${base}/v3/kv/range`, ...withCert, '-H', `authorization: ${token}`, ...json({ key: b64('g') }))).out).toMatch(/"count":"1".*\n200 1\.1$/);
    expect((await curl(`${base}/v3/auth/disable`, ...withCert, '-H', `authorization: ${token}`, ...json({}))).out).toMatch(/200 1\.1$/);
  });

  it('refuses curl without a client certificate at the handshake', async () => {
    expect((await curl(`${base}/health`, '--cacert', ca.cert)).code).not.toBe(0);
  });

  it('still serves gRPC: etcdctl with host:port and with an https:// URL', async () => {
    const hostPort = base.slice('https://'.length);
    expect((await run('etcdctl', ['--endpoints', hostPort, ...withCert, 'put', 'k', 'v'])).out).toBe('OK\n');
    expect((await run('etcdctl', ['--endpoints', base, ...withCert, 'get', 'k'])).out).toBe('k\nv\n');
    const status = await run('etcdctl', ['--endpoints', base, ...withCert, 'endpoint', 'status', '-w', 'json']);
    expect(status.err).toBe('');
    expect(JSON.parse(status.out)[0].Endpoint).toBe(base);
  });

  it('shows a renewed certificate to new connections', async () => {
    const renewed = ca.issue('server-renewed');
    server.updateTlsIdentity(fs.readFileSync(renewed.cert), fs.readFileSync(renewed.key));
    const cn = await new Promise<string>((resolve, reject) => {
      const socket = tls.connect({ host: '127.0.0.1', port: Number(new URL(base).port), ca: fs.readFileSync(ca.cert), cert: fs.readFileSync(client.cert), key: fs.readFileSync(client.key), ALPNProtocols: ['http/1.1'] }, () => {
        resolve(String(socket.getPeerCertificate().subject.CN));
        socket.end();
      });
      socket.on('error', reject);
    });
    expect(cn).toBe('server-renewed');
    expect((await curl(`${base}/health`, ...withCert)).out).toBe('{"health":"true"}\n200 1.1');
  });
});

describe('HTTP on a TLS client port in per-call mode (the token PKI)', () => {
  let base = '';
  beforeAll(async () => {
    ({ base } = await start('per-call'));
  });

  it('answers a request without a client certificate with 401, one with it with 200', async () => {
    expect((await curl(`${base}/health`, '--cacert', ca.cert)).out).toBe(`${JSON.stringify({ error: CLIENT_CERT_REQUIRED })}\n401 1.1`);
    expect((await curl(`${base}/metrics`, '--cacert', ca.cert)).out).toMatch(/401 1\.1$/);
    expect((await curl(`${base}/health`, ...withCert)).out).toBe('{"health":"true"}\n200 1.1');
  });

  it('serves etcdctl with a certificate (URL-form endpoint status included), refuses it without one', async () => {
    expect((await run('etcdctl', ['--endpoints', base, ...withCert, 'put', 'k', 'v'])).out).toBe('OK\n');
    for (const endpoint of [base, base.slice('https://'.length)]) expect(await run('etcdctl', ['--endpoints', endpoint, ...withCert, 'endpoint', 'status'])).toMatchObject({ code: 0, err: '' });
    expect((await run('etcdctl', ['--endpoints', base, '--cacert', ca.cert, '--command-timeout=3s', 'get', 'k'])).err).toContain(CLIENT_CERT_REQUIRED);
  });
});
