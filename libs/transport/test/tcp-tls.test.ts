// Proves what TLS adds to the TCP transport: members with certificates of
// the cluster CA exchange messages; a dialer with a stranger's certificate
// (another CA) or with none never gets a hello in, and the listener logs one
// warning; a certificate of the right CA that the listener does not accept
// for the member it claims to be (authorizePeer) is closed with one warning;
// an https:// URL without certificates is refused before anything listens.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { certificateNames, createTcpTransport, PeerUrlError, silentLogger } from '../src/index.js';
import type { TcpTlsOptions, TcpTransport } from '../src/index.js';
import { Collector, numbered, seqOf } from '../src/testing/conformance.js';
import { makeTestCa } from '../src/testing/openssl-pki.js';
import { RecordingLogger } from '../src/testing/recording-logger.js';
import { sleep, waitFor } from '../src/testing/wait.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcp-tls-'));
const ca = makeTestCa(dir, 'cluster-ca');
const stranger = makeTestCa(dir, 'stranger-ca');
const read = (f: string) => fs.readFileSync(f);
function tlsOf(c: { cert: string; key: string }, caFile = ca.cert): TcpTlsOptions {
  return { cert: read(c.cert), key: read(c.key), ca: read(caFile) };
}
const m1 = tlsOf(ca.issue('m1'));
const m2 = tlsOf(ca.issue('m2'));
const strangerTls = tlsOf(stranger.issue('intruder'), stranger.cert);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const open: TcpTransport[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close()));
});

async function member(id: number, tls: TcpTlsOptions, logger = new RecordingLogger()): Promise<TcpTransport> {
  const t = createTcpTransport({ localId: id, clusterId: 'c1', listenUrl: 'https://127.0.0.1:0', tls, logger, reconnectDelayMsMin: 10, reconnectDelayMsMax: 50 });
  await t.start();
  open.push(t);
  return t;
}

describe('tcp transport over TLS', () => {
  it('carries messages between members of one CA', async () => {
    const a = await member(1, m1);
    const b = await member(2, m2);
    const atA = new Collector(a);
    b.addPeer(1, a.listenUrl);
    b.send(1, numbered(7));
    await waitFor(() => atA.messages.length === 1, 'delivery over TLS');
    expect(seqOf(atA.messages[0]!.bytes)).toBe(7);
  });

  it('refuses a dialer whose certificate another CA signed, with one warning', async () => {
    const logger = new RecordingLogger();
    const a = await member(1, m1, logger);
    const atA = new Collector(a);
    // The intruder trusts our CA (so it accepts the listener), but its own certificate is a stranger's.
    const intruder = await member(4, { ...strangerTls, ca: read(ca.cert) });
    intruder.addPeer(1, a.listenUrl);
    intruder.send(1, numbered(1));
    await waitFor(() => logger.warnings.length > 0, 'a warning');
    await sleep(50);
    expect(logger.warnings.some((w) => /TLS handshake failed/.test(w.message))).toBe(true);
    expect(atA.messages).toEqual([]);
  });

  it('refuses a plain TCP dialer', async () => {
    const logger = new RecordingLogger();
    const a = await member(1, m1, logger);
    const socket = net.connect({ host: '127.0.0.1', port: Number(new URL(a.listenUrl).port) }, () => socket.write('hello in the clear'));
    socket.on('error', () => {});
    await new Promise((resolve) => socket.on('close', resolve));
    await waitFor(() => logger.warnings.length > 0, 'a warning');
    expect(logger.warnings[0]?.message).toMatch(/TLS handshake failed/);
  });

  it('closes a connection whose certificate does not name the member it claims to be, with one warning', async () => {
    const logger = new RecordingLogger();
    const a = createTcpTransport({
      localId: 1,
      clusterId: 'c1',
      listenUrl: 'https://127.0.0.1:0',
      logger,
      tls: { ...m1, authorizePeer: (fromId, cert) => (fromId === 2 && certificateNames(cert).includes('m2') ? undefined : `names ${certificateNames(cert).join(' ')}`) },
    });
    await a.start();
    open.push(a);
    const atA = new Collector(a);
    const impostor = await member(9, m2); // m2's certificate, claiming to be member 9
    impostor.addPeer(1, a.listenUrl);
    impostor.send(1, numbered(1));
    await waitFor(() => logger.warnings.length > 0, 'a warning');
    await sleep(50);
    expect(logger.warnings).toHaveLength(1);
    expect(logger.warnings[0]?.message).toMatch(/certificate of 9 refused/);
    const real = await member(2, m2);
    real.addPeer(1, a.listenUrl);
    real.send(1, numbered(5));
    await waitFor(() => atA.messages.length === 1, 'the real member gets through');
    expect(seqOf(atA.messages[0]!.bytes)).toBe(5);
  });

  it('reads the names a certificate carries', async () => {
    const a = await member(1, m1);
    expect(a.kind).toBe('tcp');
    expect(certificateNames({ subject: { CN: 'h1' }, subjectaltname: 'DNS:h1, DNS:localhost, IP Address:127.0.0.1' } as never)).toEqual(['h1', 'h1', 'localhost', '127.0.0.1']);
  });

  it('refuses an https:// URL without certificates', () => {
    expect(() => createTcpTransport({ localId: 1, clusterId: 'c1', listenUrl: 'https://127.0.0.1:0', logger: silentLogger })).toThrow(PeerUrlError);
  });
});
