// Proves the agents keep working with etcd's auth on, each with only the
// rights it needs, with real `mgmt run` processes over the token PKI, the
// real etcdctl and certificates of the cluster CA:
// - the reference's four hosts (ideal size 3, one spare) form the cluster;
//   the leader makes the root user and the mgmt-admin role, and the first
//   host's data directory holds the admin credential (tls/admin.crt, CN
//   root), with which the operator turns auth on;
// - with auth on the cluster keeps its size, shrinks and grows when a user
//   with the mgmt-admin role sizes it, and replaces a SIGKILLed member with
//   the spare;
// - a plain user's `put /_mgmt/nominated/x` and `put /_mgmt/idealClusterSize
//   9` are refused; an agent's own credentials cannot write another host's
//   keys nor nominate, but read /_mgmt/ and write their own;
// - a member still leaves cleanly on SIGTERM.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { killAll, startHttpsAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };

beforeAll(() => {
  tmp = tempDir('mgmt-auth-');
});
afterAll(async () => {
  await killAll(procs);
  if (process.env['MGMT_TEST_KEEP']) console.log(`kept ${tmp.dir}`);
  else tmp.cleanup();
});

function etcdctl(endpoint: string, creds: string[], ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('etcdctl', ['--endpoints', endpoint, '--command-timeout=5s', '--dial-timeout=2s', ...creds, ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err: err.split('\n').filter((l) => !l.startsWith('{"level"')).join('\n') }),
    );
  });
}

function creds(dataDir: string, who: 'admin' | 'client'): string[] {
  const t = path.join(dataDir, 'tls');
  return ['--cacert', path.join(t, 'ca.crt'), '--cert', path.join(t, `${who}.crt`), '--key', path.join(t, `${who}.key`)];
}

async function start(name: string, args: string[]): Promise<AgentProc> {
  const p = await startHttpsAgent(tmp.dir, name, ['--token', 's3cret', ...args]);
  procs.push(p);
  return p;
}

describe('auth on: the agents keep working, each with only its own rights', () => {
  let h1: AgentProc;
  let admin: string[];
  const voters = async (): Promise<string[] | undefined> => {
    const r = await etcdctl(h1.endpoint, admin, 'member', 'list');
    if (r.code !== 0) return undefined;
    return r.out.trim().split('\n').map((l) => l.split(', ')).filter((f) => f[5] === 'false').map((f) => f[2] ?? '').sort();
  };
  const votersBecome = (what: string, ok: (v: string[]) => boolean) =>
    waitFor(what, async () => {
      const v = await voters();
      return v && ok(v) ? v : undefined;
    }, 120_000);

  it('forms the reference cluster; the operator turns auth on with the data-dir admin credential', async () => {
    h1 = await start('h1', ['--ideal-cluster-size', '3']);
    admin = creds(h1.dataDir, 'admin');
    await waitFor('the admin credential', () => fs.existsSync(path.join(h1.dataDir, 'tls', 'admin.crt')), 60_000);
    for (const name of ['h2', 'h3', 'h4']) await start(name, ['--seeds', h1.clientUrl]);
    await votersBecome('three voters', (v) => v.length === 3);
    await waitFor('root and mgmt-admin exist', async () => {
      const users = await etcdctl(h1.endpoint, admin, 'user', 'get', 'root');
      const role = await etcdctl(h1.endpoint, admin, 'role', 'get', 'mgmt-admin');
      return users.out === 'User: root\nRoles: root\n' && role.out.includes('/_mgmt/idealClusterSize') ? true : undefined;
    });
    expect((await etcdctl(h1.endpoint, admin, 'auth', 'enable')).out).toBe('Authentication Enabled\n');
    // The operator's credential is root: it reads and writes anything.
    expect((await etcdctl(h1.endpoint, admin, 'put', 'app/config', 'v1')).out).toBe('OK\n');
    expect((await etcdctl(h1.endpoint, admin, 'user', 'list')).out).toBe('root\n');
  });

  it('keeps its size and its agents keep publishing their status', async () => {
    const before = await voters();
    // A member other than h1: its status carries its commit and applied counters, which the writes below move.
    // (Which of h2-h4 became the other two voters depends on who volunteered first; a client's status has no
    // counters and, unchanged, is not written again.)
    const name = before?.find((n) => n !== 'h1');
    const follower = procs.find((p) => p.name === name)!;
    expect(follower).toBeDefined();
    // The status key's own mod revision: a write anywhere else must not count.
    const statusRevision = async () => (JSON.parse((await etcdctl(h1.endpoint, admin, 'get', `/_mgmt/status/${follower.name}`, '-w', 'json')).out) as { kvs?: Array<{ mod_revision: number }> }).kvs?.[0]?.mod_revision;
    const first = await statusRevision();
    // An agent republishes only what changed: writes that move the commit index past what the members'
    // own status writes explain make its counters worth refreshing (status-publisher.ts).
    for (let i = 0; i < 8; i++) expect((await etcdctl(h1.endpoint, admin, 'put', `app/tick${i}`, String(i))).code).toBe(0);
    await waitFor(`${follower.name} publishes a new status under auth`, async () => ((await statusRevision()) !== first ? true : undefined), 30_000);
    expect(await voters()).toEqual(before);
    expect(fs.readFileSync(follower.logFile, 'utf8')).not.toMatch(/permission denied|user name is empty/);
  });

  it("refuses a plain user's nomination and size change", async () => {
    expect((await etcdctl(h1.endpoint, admin, 'user', 'add', 'carol:cpw')).out).toBe('User carol created\n');
    expect((await etcdctl(h1.endpoint, admin, 'role', 'add', 'apps')).code).toBe(0);
    expect((await etcdctl(h1.endpoint, admin, 'role', 'grant-permission', 'apps', 'readwrite', '--prefix', 'app/')).code).toBe(0);
    expect((await etcdctl(h1.endpoint, admin, 'user', 'grant-role', 'carol', 'apps')).code).toBe(0);
    // The token PKI asks every client for a certificate of the cluster CA; a password names the user.
    const carol = [...creds(h1.dataDir, 'client'), '--user', 'carol:cpw'];
    expect((await etcdctl(h1.endpoint, carol, 'put', 'app/x', '1')).out).toBe('OK\n');
    for (const [key, value] of [['/_mgmt/nominated/x', 'http://127.0.0.1:1'], ['/_mgmt/idealClusterSize', '9']] as const) {
      const r = await etcdctl(h1.endpoint, carol, 'put', key, value);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/etcdserver: permission denied/);
    }
    expect((await etcdctl(h1.endpoint, admin, 'get', '/_mgmt/idealClusterSize', '--print-value-only')).out).toBe('3\n');
  });

  it("keeps an agent's credentials to its own keys", async () => {
    const h2 = procs.find((p) => p.name === 'h2')!;
    const agent = creds(h2.dataDir, 'client');
    for (const key of ['/_mgmt/volunteers/h1', '/_mgmt/endpoints/h3', '/_mgmt/status/h1', '/_mgmt/exported/h3/file/x', '/_mgmt/nominated/h4', '/_mgmt/idealClusterSize', 'app/x']) {
      const r = await etcdctl(h1.endpoint, agent, 'put', key, 'x');
      expect(r.err, key).toMatch(/etcdserver: permission denied/);
    }
    const del = await etcdctl(h1.endpoint, agent, 'del', '--prefix', '/_mgmt/volunteers/');
    expect(del.err).toMatch(/etcdserver: permission denied/);
    expect((await etcdctl(h1.endpoint, agent, 'get', '/_mgmt/volunteers/h2', '--keys-only')).out).toBe('/_mgmt/volunteers/h2\n\n');
    expect((await etcdctl(h1.endpoint, agent, 'put', '/_mgmt/exported/h2/noop/probe', 'x')).out).toBe('OK\n');
    expect((await etcdctl(h1.endpoint, agent, 'get', 'app/x')).err).toMatch(/etcdserver: permission denied/);
  });

  it('shrinks and grows when a mgmt-admin user sizes it, and replaces a killed member', async () => {
    expect((await etcdctl(h1.endpoint, admin, 'user', 'add', 'sizer:spw')).code).toBe(0);
    expect((await etcdctl(h1.endpoint, admin, 'user', 'grant-role', 'sizer', 'mgmt-admin')).out).toBe('Role mgmt-admin is granted to user sizer\n');
    const sizer = [...creds(h1.dataDir, 'client'), '--user', 'sizer:spw'];
    expect((await etcdctl(h1.endpoint, sizer, 'put', '/_mgmt/nominated/x', 'y')).err).toMatch(/permission denied/);
    expect((await etcdctl(h1.endpoint, sizer, 'put', '/_mgmt/idealClusterSize', '2')).out).toBe('OK\n');
    await votersBecome('two voters', (v) => v.length === 2);
    expect((await etcdctl(h1.endpoint, sizer, 'put', '/_mgmt/idealClusterSize', '3')).out).toBe('OK\n');
    const three = await votersBecome('three voters again', (v) => v.length === 3);
    const victim = procs.find((p) => p.name !== 'h1' && three.includes(p.name))!;
    victim.child.kill('SIGKILL');
    await victim.exit;
    const after = await votersBecome('the spare replaces the killed member', (v) => v.length === 3 && !v.includes(victim.name));
    expect(after).toHaveLength(3);
  });

  it('lets a member leave cleanly on SIGTERM (it announces it under its own status key)', async () => {
    const before = (await voters())!;
    const leaver = procs.find((p) => p.name !== 'h1' && before.includes(p.name))!;
    leaver.child.kill('SIGTERM');
    expect(await leaver.exit).toBe(0);
    expect(await votersBecome('the leaver removed', (v) => !v.includes(leaver.name))).toHaveLength(before.length - 1);
  });
});
