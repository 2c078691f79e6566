// Proves "secure by default" with real `mgmt run` processes, the real
// etcdctl and certificates of the real openssl:
// - the issue's "Done when": h1 with --token and https:// URLs, two joiners
//   with --seeds https://... and the same token form 3 voters that etcdctl
//   lists with the data-dir credentials (tls/ca.crt, client.crt, client.key
//   0600); etcdctl without a client certificate gets an error; a fourth
//   agent with --token wrong exits non-zero with a line that says the token
//   was refused, and the cluster is unchanged; `mgmt token`, `mgmt status
//   --data-dir` and `mgmt ctl --data-dir` work; the cluster still shrinks
//   over TLS;
// - an operator's own PKI with etcd's flag names: two agents with
//   https:// client and peer URLs, client and peer certificate auth, form a
//   cluster; etcdctl works with a client certificate and is refused without
//   one or with one of another CA.
import { makeTestCa } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { killAll, mgmt, spawnAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };

beforeAll(() => {
  tmp = tempDir('mgmt-tls-');
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

function etcdctl(endpoint: string, tlsArgs: string[], ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile('etcdctl', ['--endpoints', endpoint, '--command-timeout=3s', '--dial-timeout=2s', ...tlsArgs, ...args], { env: { ...process.env, ETCDCTL_API: '3' } }, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

function dataDirCreds(dataDir: string): string[] {
  const t = path.join(dataDir, 'tls');
  return ['--cacert', path.join(t, 'ca.crt'), '--cert', path.join(t, 'client.crt'), '--key', path.join(t, 'client.key')];
}

async function voters(endpoint: string, creds: string[]): Promise<string[] | undefined> {
  const r = await etcdctl(endpoint, creds, 'member', 'list');
  if (r.code !== 0) return undefined;
  return r.out
    .trim()
    .split('\n')
    .map((l) => l.split(', '))
    .filter((f) => f[5] === 'false')
    .map((f) => f[2] ?? '')
    .sort();
}

async function start(name: string, args: string[]): Promise<AgentProc> {
  const clientUrl = `https://127.0.0.1:${await freePort()}`;
  const serverUrl = `https://127.0.0.1:${await freePort()}`;
  const dataDir = path.join(tmp.dir, name);
  const p = spawnAgent({
    name,
    clientUrl,
    serverUrl,
    endpoint: clientUrl,
    dataDir,
    args: ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', serverUrl, '--data-dir', dataDir, ...args],
    logFile: path.join(tmp.dir, `${name}.log`),
  });
  procs.push(p);
  return p;
}

describe('a join token: automatic TLS for clients and peers', () => {
  let h1: AgentProc;
  let creds: string[];

  it('forms 3 members from h1 and two joiners with the token, listed by etcdctl with the data-dir credentials', async () => {
    h1 = await start('h1', ['--token', 's3cret', '--ideal-cluster-size', '3']);
    creds = dataDirCreds(h1.dataDir);
    await waitFor('h1 bootstraps over TLS', async () => ((await voters(h1.endpoint, creds).catch(() => undefined))?.length === 1 ? true : undefined), 60_000);
    for (const name of ['h2', 'h3']) await start(name, ['--seeds', h1.clientUrl, '--token', 's3cret', '--ideal-cluster-size', '3']);
    const v = await waitFor('three voters', async () => {
      const got = await voters(h1.endpoint, creds);
      return got?.length === 3 ? got : undefined;
    }, 90_000);
    expect(v).toEqual(['h1', 'h2', 'h3']);
    for (const p of procs) {
      for (const f of ['ca.crt', 'client.crt', 'client.key']) expect(fs.existsSync(path.join(p.dataDir, 'tls', f))).toBe(true);
      expect(fs.statSync(path.join(p.dataDir, 'tls', 'client.key')).mode & 0o777).toBe(0o600);
    }
    // Any member's data-dir credentials work against any member.
    const h3 = procs.find((p) => p.name === 'h3')!;
    expect((await etcdctl(h3.endpoint, dataDirCreds(procs[1]!.dataDir), 'put', 'secure', 'yes')).out).toBe('OK\n');
  });

  it('refuses etcdctl without a client certificate', async () => {
    const r = await etcdctl(h1.endpoint, ['--cacert', path.join(h1.dataDir, 'tls', 'ca.crt')], 'get', 'secure');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/client certificate/);
    expect((await etcdctl(h1.endpoint.replace('https', 'http'), [], 'get', 'secure')).code).not.toBe(0);
  });

  it('turns away a fourth agent with the wrong token, and the cluster is unchanged', async () => {
    const h4 = await start('h4', ['--seeds', h1.clientUrl, '--token', 'wrong']);
    const code = await h4.exit;
    expect(code).not.toBe(0);
    const log = fs.readFileSync(h4.logFile, 'utf8');
    expect(log).toMatch(/refused the join token/);
    expect(fs.existsSync(path.join(h4.dataDir, 'tls'))).toBe(false);
    expect(fs.readFileSync(h1.logFile, 'utf8')).toMatch(/join token refused: h4/);
    const members = await etcdctl(h1.endpoint, creds, 'member', 'list');
    expect(members.out).not.toMatch(/h4/);
    expect((await etcdctl(h1.endpoint, creds, 'get', '--prefix', '/_mgmt/volunteers/h4', '--keys-only')).out).toBe('');
  });

  it('prints the join token and serves mgmt status and mgmt ctl with --data-dir', async () => {
    expect(await mgmt('token', '--data-dir', procs[2]!.dataDir)).toBe('s3cret\n');
    const status = await mgmt('status', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl);
    for (const name of ['h1', 'h2', 'h3']) expect(status).toMatch(new RegExp(`^${name}\\s+peer`, 'm'));
    expect(await mgmt('ctl', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl, 'get', 'secure')).toBe('secure\nyes\n');
  });

  it('still shrinks over TLS', async () => {
    expect((await etcdctl(h1.endpoint, creds, 'put', '/_mgmt/idealClusterSize', '2')).code).toBe(0);
    const v = await waitFor('two voters', async () => {
      for (const p of procs.slice(0, 3)) {
        const got = await voters(p.endpoint, dataDirCreds(p.dataDir));
        if (got?.length === 2) return got;
      }
      return undefined;
    }, 90_000);
    expect(v).toHaveLength(2);
  });
});

describe("an operator's own certificates with etcd's flag names", () => {
  it('forms a cluster over mutual TLS and refuses clients without a certificate of the CA', async () => {
    const ca = makeTestCa(path.join(tmp.dir, 'pki'), 'operator-ca');
    const other = makeTestCa(path.join(tmp.dir, 'other'), 'other-ca');
    const admin = ca.issue('admin');
    const stranger = other.issue('stranger');
    const flagsFor = (name: string) => {
      const c = ca.issue(name);
      return ['--cert-file', c.cert, '--key-file', c.key, '--trusted-ca-file', ca.cert, '--client-cert-auth', '--peer-cert-file', c.cert, '--peer-key-file', c.key, '--peer-trusted-ca-file', ca.cert, '--peer-client-cert-auth'];
    };
    const o1 = await start('o1', [...flagsFor('o1'), '--ideal-cluster-size', '2']);
    const adminCreds = ['--cacert', ca.cert, '--cert', admin.cert, '--key', admin.key];
    await waitFor('o1 serves TLS', async () => ((await voters(o1.endpoint, adminCreds))?.length === 1 ? true : undefined), 60_000);
    await start('o2', [...flagsFor('o2'), '--seeds', o1.clientUrl]);
    const v = await waitFor('two voters', async () => {
      const got = await voters(o1.endpoint, adminCreds);
      return got?.length === 2 ? got : undefined;
    }, 90_000);
    expect(v).toEqual(['o1', 'o2']);
    expect((await etcdctl(o1.endpoint, ['--cacert', ca.cert], 'get', 'x')).code).not.toBe(0);
    expect((await etcdctl(o1.endpoint, ['--cacert', ca.cert, '--cert', stranger.cert, '--key', stranger.key], 'get', 'x')).code).not.toBe(0);
  });
});
