// Proves bad TLS input reaches a user of the real `mgmt` command as one line
// naming the flag and the file, exit code 2, before anything listens: an
// https:// URL without a TLS source, a missing certificate, a key that does
// not match its certificate, a CA that did not sign it.
import { freePort, makeTestCa } from '@mgmt/transport/testing';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin/mgmt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-bad-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const ca = makeTestCa(path.join(dir, 'a'), 'ca-a');
const other = makeTestCa(path.join(dir, 'b'), 'ca-b');
const server = ca.issue('server');
const peer = ca.issue('peer');

function mgmt(...args: string[]) {
  const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, err: r.stderr };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

describe('mgmt run with bad TLS input', () => {
  it.each([
    ['an https client URL without certificates', [], /--client-urls: https:\/\/127\.0\.0\.1:\d+ is https but there is no certificate/],
    ['a missing certificate file', ['--cert-file', path.join(dir, 'missing.crt'), '--key-file', server.key], /--cert-file: cannot read .*missing\.crt/],
    ['a key that does not match its certificate', ['--cert-file', server.cert, '--key-file', peer.key], /--key-file: .*peer\.key does not match the certificate in --cert-file .*server\.crt/],
    ['a CA that did not sign the certificate', ['--cert-file', server.cert, '--key-file', server.key, '--trusted-ca-file', other.cert], /--trusted-ca-file: .*ca-b\.crt did not sign/],
  ])('refuses %s with one line and exit 2, before listening', async (_what, extra, message) => {
    const port = await freePort();
    const r = mgmt('run', '--hostname', 'bad', '--client-urls', `https://127.0.0.1:${port}`, '--data-dir', path.join(dir, 'data'), ...extra);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(await listening(port)).toBe(false);
  });
});
