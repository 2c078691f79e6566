// Proves `mgmt ctl user|role|auth` prints what etcdctl 3.4 prints: the same
// session of commands runs through etcdctl against one real etcd 3.4 and
// through `mgmt ctl` against another, and every output line and every
// refusal's etcd message match (errors: etcdctl's `Error: X` is mgmt's
// `mgmt: X`), get and put with --user included; bad arguments (a permission type that does not exist,
// --prefix with --from-key) are one line and exit 2.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.js';

interface Etcd {
  endpoint: string;
  child: ChildProcess;
  dir: string;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startEtcd(): Promise<Etcd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ctl-auth-etcd-'));
  const [client, peer] = [await freePort(), await freePort()];
  const c = `http://127.0.0.1:${client}`;
  const p = `http://127.0.0.1:${peer}`;
  const child = spawn('etcd', ['--name', 'ref', '--data-dir', `${dir}/data`, '--listen-client-urls', c, '--advertise-client-urls', c, '--listen-peer-urls', p, '--initial-advertise-peer-urls', p, '--initial-cluster', `ref=${p}`, '--logger', 'zap', '--log-level', 'error'], { stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    const ok = await new Promise<boolean>((r) => net.connect(client, '127.0.0.1').once('connect', function (this: net.Socket) { this.destroy(); r(true); }).once('error', () => r(false)));
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { endpoint: `127.0.0.1:${client}`, child, dir };
}

async function stopEtcd(e: Etcd | undefined): Promise<void> {
  if (!e) return;
  const exited = new Promise((r) => e.child.once('exit', r));
  e.child.kill('SIGTERM');
  await exited;
  fs.rmSync(e.dir, { recursive: true, force: true });
}

/** What a command printed: its output, or the etcd message it failed with. */
async function viaEtcdctl(endpoint: string, args: string[]): Promise<{ out: string; error?: string }> {
  return new Promise((resolve) =>
    execFile('etcdctl', ['--endpoints', endpoint, ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (err, stdout, stderr) => {
      const error = stderr.split('\n').find((l) => l.startsWith('Error: '))?.slice('Error: '.length);
      resolve(err ? { out: stdout, error: error ?? stderr } : { out: stdout });
    }),
  );
}

async function viaMgmt(endpoint: string, args: string[]): Promise<{ out: string; error?: string; code: number }> {
  const printed = { out: '', err: '' };
  const code = await main(['ctl', '--endpoints', `http://${endpoint}`, ...args], {
    out: (s: string) => void (printed.out += s),
    err: (s: string) => void (printed.err += s),
  });
  return code === 0 ? { out: printed.out, code } : { out: printed.out, error: printed.err.trim().replace(/^mgmt: /, ''), code };
}

const root = ['--user', 'root:rootpw'];
const session: string[][] = [
  ['user', 'add', 'root:rootpw'],
  ['user', 'add', 'root:rootpw'],
  ['user', 'add', ':x'],
  ['user', 'add', 'alice:apw'],
  ['user', 'add', 'np', '--no-password'],
  ['user', 'get', 'root'],
  ['user', 'get', 'nobody'],
  ['role', 'add', 'r1'],
  ['role', 'add', 'r1'],
  ['role', 'grant-permission', 'r1', 'read', 'a'],
  ['role', 'grant-permission', 'r1', 'readwrite', '--prefix', 'p/'],
  ['role', 'grant-permission', 'r1', 'write', 'b', 'c'],
  ['role', 'grant-permission', 'r1', 'READ', '--from-key', 'z'],
  ['role', 'grant-permission', 'nope', 'read', 'k'],
  ['role', 'get', 'r1'],
  ['role', 'get', 'nope'],
  ['role', 'list'],
  ['user', 'grant-role', 'alice', 'r1'],
  ['user', 'grant-role', 'alice', 'nope'],
  ['user', 'grant-role', 'bob', 'r1'],
  ['user', 'get', 'alice'],
  ['user', 'get', 'alice', '--detail'],
  ['user', 'list'],
  ['put', 'p/x', '1'],
  ['auth', 'enable'],
  ['get', 'p/x'],
  ['--user', 'alice:apw', 'get', 'p/x'],
  ['--user', 'alice:apw', 'put', 'p/y', '2'],
  ['--user', 'alice:apw', 'put', 'zz', '1'],
  ['--user', 'alice:bad', 'get', 'p/x'],
  ['user', 'list'],
  ['--user', 'alice:bad', 'user', 'list'],
  ['--user', 'alice:apw', 'user', 'list'],
  ['--user', 'alice:apw', 'user', 'get', 'alice'],
  [...root, 'user', 'list'],
  [...root, 'role', 'revoke-permission', 'r1', 'a'],
  [...root, 'role', 'revoke-permission', 'r1', 'b', 'c'],
  [...root, 'role', 'revoke-permission', 'r1', 'zz'],
  [...root, 'user', 'revoke-role', 'alice', 'r1'],
  [...root, 'user', 'revoke-role', 'alice', 'r1'],
  [...root, 'user', 'delete', 'root'],
  [...root, 'role', 'delete', 'r1'],
  [...root, 'user', 'delete', 'alice'],
  [...root, 'auth', 'disable'],
  ['role', 'list'],
  ['user', 'list'],
];

describe('mgmt ctl user|role|auth print as etcdctl does', () => {
  let a: Etcd;
  let b: Etcd;
  beforeAll(async () => {
    [a, b] = await Promise.all([startEtcd(), startEtcd()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([stopEtcd(a), stopEtcd(b)]);
  });

  it('matches etcdctl step for step', async () => {
    const want: string[] = [];
    const got: string[] = [];
    for (const step of session) {
      const w = await viaEtcdctl(a.endpoint, step);
      const g = await viaMgmt(b.endpoint, step);
      want.push(`${step.join(' ')}\n${w.out}${w.error === undefined ? '' : `error: ${w.error}`}`);
      got.push(`${step.join(' ')}\n${g.out}${g.error === undefined ? '' : `error: ${g.error}`}`);
    }
    expect(got).toEqual(want);
  }, 120_000);

  it('refuses bad arguments with one line and exit 2', async () => {
    const bad = await viaMgmt(b.endpoint, ['role', 'grant-permission', 'r', 'foo', 'k']);
    expect(bad).toEqual({ out: '', error: 'invalid permission type: foo', code: 2 });
    const both = await viaMgmt(b.endpoint, ['role', 'grant-permission', 'r', 'read', 'k', '--prefix', '--from-key']);
    expect(both).toEqual({ out: '', error: '--from-key and --prefix flags are mutually exclusive', code: 2 });
  });
});
