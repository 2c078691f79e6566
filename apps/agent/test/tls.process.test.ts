// Proves "secure by default" with real `mgmt run` processes, the real
// etcdctl and certificates of the real openssl:
// - the issue's "Done when": h1 with --token and https:// URLs, two joiners
//   with --seeds https://... and the same token form 3 voters that etcdctl
//   lists with the data-dir credentials (tls/ca.crt, client.crt, client.key
//   0600); etcdctl without a client certificate gets an error; a fourth
//   agent with --token wrong exits non-zero with a line that says the token
//   was refused, and the cluster is unchanged (one with no token at all
//   too, told that the cluster needs one); `mgmt token`, `mgmt status
//   --data-dir` and `mgmt ctl --data-dir` work; a fourth host with the
//   token waits as a spare (the reference's four hosts); a peer connection
//   with a stranger's certificate, or with a cluster certificate that does
//   not name the member it claims to be, is closed with a warning; a
//   SIGKILLed member is replaced by the spare; `mgmt token rotate` makes
//   the old token refused and the new one admitted; `mgmt cert revoke`
//   makes every member refuse a certificate; the cluster still shrinks
//   over TLS;
// - an operator's own PKI with etcd's flag names: two agents with
//   https:// client and peer URLs, client and peer certificate auth, form a
//   cluster; etcdctl works with a client certificate and is refused without
//   one or with one of another CA.
import { createTcpTransport, silentLogger } from '@mgmt/transport';
import { makeTestCa } from '@mgmt/transport/testing';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { dataDirCreds, etcdctlWith, killAll, mgmt, spawnAgent, startHttpsAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };

beforeAll(() => {
  tmp = tempDir('mgmt-tls-');
});
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

const etcdctl = etcdctlWith;

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
  const p = await startHttpsAgent(tmp.dir, name, args);
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
    // Any member's data-dir credentials work against any member. (Retried: under CI's load the
    // first write through a member promoted a moment ago once took longer than etcdctl's 3 s.)
    const h3 = procs.find((p) => p.name === 'h3')!;
    let last = { code: 0, out: '', err: '' };
    await waitFor(
      'a put through h3 with h2\'s credentials',
      async () => {
        last = await etcdctl(h3.endpoint, dataDirCreds(procs[1]!.dataDir), 'put', 'secure', 'yes');
        return last.out === 'OK\n' ? true : undefined;
      },
      30_000,
    ).catch(() => {
      throw new Error(`etcdctl put through h3 failed: ${last.err || last.out}`);
    });
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

  it('turns away an agent with no token at all, with one line on both sides', async () => {
    const clientUrl = `http://127.0.0.1:${await freePort()}`;
    const dataDir = path.join(tmp.dir, 'h5none');
    const args = ['run', '--hostname', 'h5none', '--seeds', h1.clientUrl, '--client-urls', clientUrl, '--server-urls', `http://127.0.0.1:${await freePort()}`, '--data-dir', dataDir];
    const h5 = spawnAgent({ name: 'h5none', clientUrl, serverUrl: '', endpoint: clientUrl, dataDir, args, logFile: path.join(tmp.dir, 'h5none.log') });
    procs.push(h5);
    expect(await h5.exit).toBe(1);
    expect(fs.readFileSync(h5.logFile, 'utf8')).toMatch(/^mgmt run: this agent has no join token and the seed https:\/\/.* belongs to a cluster that needs one/m);
    expect(fs.readFileSync(h1.logFile, 'utf8')).toMatch(/join token refused: h5none/);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect((await etcdctl(h1.endpoint, creds, 'member', 'list')).out).not.toMatch(/h5none/);
  });

  it('prints the join token and serves mgmt status and mgmt ctl with --data-dir', async () => {
    expect(await mgmt('token', '--data-dir', procs[2]!.dataDir)).toBe('s3cret\n');
    const status = await mgmt('status', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl);
    for (const name of ['h1', 'h2', 'h3']) expect(status).toMatch(new RegExp(`^${name}\\s+peer`, 'm'));
    expect(await mgmt('ctl', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl, 'get', 'secure')).toBe('secure\nyes\n');
  });

  it('keeps a fourth host with the token as a spare volunteer', async () => {
    const h4 = await start('h4ok', ['--seeds', h1.clientUrl, '--token', 's3cret']);
    await waitFor('h4ok volunteers', async () => ((await etcdctl(h1.endpoint, creds, 'get', '/_mgmt/volunteers/h4ok', '--keys-only')).out.includes('h4ok') ? true : undefined), 60_000);
    expect(await voters(h1.endpoint, creds)).toEqual(['h1', 'h2', 'h3']);
    expect(h4.child.exitCode).toBeNull();
  });

  it("closes peer connections with a stranger's certificate or one that does not name the member it claims", async () => {
    const list = (await etcdctl(h1.endpoint, creds, 'member', 'list')).out.trim().split('\n').map((l) => l.split(', '));
    const id = (name: string) => parseInt(list.find((f) => f[2] === name)![0]!, 16);
    const spareTls = path.join(procs.find((p) => p.name === 'h4ok')!.dataDir, 'tls');
    const stranger = makeTestCa(path.join(tmp.dir, 'stranger'), 'stranger-ca').issue('h2');
    const attempts = [
      // A certificate of the cluster CA, but of a host that is no member, claiming to be h2.
      { cert: fs.readFileSync(path.join(spareTls, 'client.crt')), key: fs.readFileSync(path.join(spareTls, 'client.key')), ca: fs.readFileSync(path.join(spareTls, 'ca.crt')) },
      // A certificate of another CA that says h2.
      { cert: fs.readFileSync(stranger.cert), key: fs.readFileSync(stranger.key), ca: fs.readFileSync(path.join(spareTls, 'ca.crt')) },
    ];
    const clusterId = (await etcdctl(h1.endpoint, creds, 'get', '/_mgmt/clusterId', '--print-value-only')).out.trim();
    const expected = [/tcp connection closed: certificate of \d+ refused: its certificate names h4ok/, /TLS handshake failed/];
    for (const [i, tls] of attempts.entries()) {
      const t = createTcpTransport({ localId: id('h2'), clusterId, listenUrl: `https://127.0.0.1:0`, tls, logger: silentLogger, reconnectDelayMsMin: 100, reconnectDelayMsMax: 500 });
      await t.start();
      t.addPeer(id('h1'), h1.serverUrl);
      try {
        // Dial again until h1 has logged the refusal (a refused link drops what it had queued).
        await waitFor('h1 logs the refusal', () => {
          t.send(id('h1'), new Uint8Array([1, 2, 3]));
          return expected[i]!.test(fs.readFileSync(h1.logFile, 'utf8')) ? true : undefined;
        }, 20_000);
      } finally {
        await t.close();
      }
    }
    expect(await voters(h1.endpoint, creds)).toEqual(['h1', 'h2', 'h3']);
  });

  it('replaces a SIGKILLed member with the spare, over TLS', async () => {
    const h2 = procs.find((p) => p.name === 'h2')!;
    h2.child.kill('SIGKILL');
    await h2.exit;
    const v = await waitFor('the spare replaces h2', async () => {
      const got = await voters(h1.endpoint, creds);
      return got && got.length === 3 && got.includes('h4ok') ? got : undefined;
    }, 90_000);
    expect(v).toEqual(['h1', 'h3', 'h4ok']);
  });

  it('rotates the join token: the old one is refused, the new one admitted', async () => {
    const next = (await mgmt('token', 'rotate', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl)).trim();
    expect(next).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const h3 = procs.find((p) => p.name === 'h3')!;
    await waitFor('h3 follows the rotation', async () => ((await mgmt('token', '--data-dir', h3.dataDir)).trim() === next ? true : undefined), 20_000);
    const old = await start('h5old', ['--seeds', h1.clientUrl, '--token', 's3cret', '--no-server']);
    expect(await old.exit).not.toBe(0);
    expect(fs.readFileSync(old.logFile, 'utf8')).toMatch(/refused the join token/);
    const fresh = await start('h5new', ['--seeds', h3.clientUrl, '--token', next, '--no-server']);
    await waitFor('the new token is admitted', async () => (fs.existsSync(path.join(fresh.dataDir, 'tls', 'client.crt')) ? true : undefined), 30_000);
    expect(fresh.child.exitCode).toBeNull();
  });

  it('refuses a revoked certificate on every member', async () => {
    const h5 = procs.find((p) => p.name === 'h5new')!;
    const h3 = procs.find((p) => p.name === 'h3')!;
    const h5creds = dataDirCreds(h5.dataDir);
    expect((await etcdctl(h3.endpoint, h5creds, 'get', 'secure', '--print-value-only')).out).toBe('yes\n');
    const out = await mgmt('cert', 'revoke', '--data-dir', h1.dataDir, '--endpoints', h1.clientUrl, '--cert-file', path.join(h5.dataDir, 'tls', 'client.crt'));
    expect(out).toMatch(/^revoked [0-9A-F]+ \(CN=h5new\)\n$/);
    for (const p of [h1, h3]) {
      const r = await waitFor('refused', async () => {
        const got = await etcdctl(p.endpoint, h5creds, 'get', 'secure');
        return got.code !== 0 ? got : undefined;
      }, 10_000);
      expect(r.err).toMatch(/revoked/);
    }
    expect((await etcdctl(h1.endpoint, creds, 'get', 'secure', '--print-value-only')).out).toBe('yes\n');
  });

  it('still shrinks over TLS', async () => {
    expect((await etcdctl(h1.endpoint, creds, 'put', '/_mgmt/idealClusterSize', '2')).code).toBe(0);
    const v = await waitFor('two voters', async () => {
      for (const p of procs.filter((q) => q.child.exitCode === null)) {
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

describe('certificate renewal of the token PKI, without a restart', () => {
  it('renews the certificates of a 2-member cluster again and again while it keeps working', async () => {
    // Testing hooks: renew at once and every 1.5 s (by default: after 2/3 of a year).
    process.env.MGMT_TLS_RENEW_FRACTION = '0';
    process.env.MGMT_TLS_RENEW_CHECK_MS = '1500';
    try {
      const r1 = await start('r1', ['--token', 'renew-me', '--ideal-cluster-size', '2']);
      const creds = dataDirCreds(r1.dataDir);
      await waitFor('r1 serves TLS', async () => ((await voters(r1.endpoint, creds))?.length === 1 ? true : undefined), 60_000);
      await start('r2', ['--seeds', r1.clientUrl, '--token', 'renew-me']);
      await waitFor('two voters', async () => ((await voters(r1.endpoint, creds))?.length === 2 ? true : undefined), 90_000);
      const certFile = path.join(r1.dataDir, 'tls', 'client.crt');
      const renewals = () => (fs.readFileSync(r1.logFile, 'utf8').match(/certificate renewed/g) ?? []).length;
      const first = fs.readFileSync(certFile, 'utf8');
      const before = renewals();
      await waitFor('r1 renews twice more', async () => (renewals() >= before + 2 ? true : undefined), 30_000);
      expect(fs.readFileSync(certFile, 'utf8')).not.toBe(first);
      const r2 = procs.find((p) => p.name === 'r2')!;
      await waitFor('r2 renewed', async () => (fs.readFileSync(r2.logFile, 'utf8').includes('certificate renewed') ? true : undefined), 30_000);
      // The renewed credentials work, through either member, and the members still replicate.
      await waitFor('a write through r2 with renewed credentials', async () => ((await etcdctl(r2.endpoint, dataDirCreds(r2.dataDir), 'put', 'renewed', 'yes')).code === 0 ? true : undefined), 20_000);
      // (The files change every 1.5 s here: a read may catch the pair mid-renewal, so it is retried.)
      await waitFor('a read through r1', async () => ((await etcdctl(r1.endpoint, dataDirCreds(r1.dataDir), 'get', 'renewed', '--print-value-only')).out === 'yes\n' ? true : undefined), 20_000);
      expect(await waitFor('both voters', async () => voters(r1.endpoint, dataDirCreds(r1.dataDir)), 20_000)).toEqual(['r1', 'r2']);
    } finally {
      delete process.env.MGMT_TLS_RENEW_FRACTION;
      delete process.env.MGMT_TLS_RENEW_CHECK_MS;
    }
  });
});
