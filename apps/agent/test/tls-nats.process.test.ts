// Proves a join-token cluster over a real nats-server that requires TLS
// (its certificate made by the real openssl): three `mgmt run` processes
// with --server-urls tls://... and --peer-trusted-ca-file form 3 voters
// that etcdctl lists with the data-dir credentials; a stranger who can
// reach the NATS server and knows the cluster's subject names publishes
// forged Raft messages for seconds (garbage, chunks that claim a real
// member's id, chunks sealed with a shared cluster key) and is ignored and
// logged, a bounded number of lines, while the cluster keeps serving
// writes: every Raft message is authenticated as its sending member (with
// the operator's own peer certificates too, over plain nats://). An
// agent gives a nats-server that requires a user and password its
// --nats-user/--nats-password.
import { makeTestCa, startNatsServer } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { connect } from 'nats';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tempDir, waitFor } from './helpers.js';
import { killAll, spawnAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let nats: Awaited<ReturnType<typeof startNatsServer>>;
let natsCa: string;

beforeAll(async () => {
  tmp = tempDir('mgmt-tls-nats-');
  const ca = makeTestCa(path.join(tmp.dir, 'nats-pki'), 'nats-ca');
  const server = ca.issue('nats-server');
  natsCa = ca.cert;
  nats = await startNatsServer({ tls: { certFile: server.cert, keyFile: server.key } });
});

afterAll(async () => {
  await killAll(procs);
  await nats?.dispose();
  if (process.env.MGMT_TEST_KEEP) console.log(`kept ${tmp.dir}`);
  else tmp.cleanup();
});

function memberList(p: AgentProc): Promise<string> {
  const t = path.join(p.dataDir, 'tls');
  return new Promise((resolve) => {
    execFile(
      'etcdctl',
      ['--endpoints', p.clientUrl, '--command-timeout=3s', '--cacert', path.join(t, 'ca.crt'), '--cert', path.join(t, 'client.crt'), '--key', path.join(t, 'client.key'), 'member', 'list'],
      { env: { ...process.env, ETCDCTL_API: '3' } },
      (error, out) => resolve(error ? '' : out),
    );
  });
}

async function start(name: string, extra: string[]): Promise<AgentProc> {
  const clientUrl = `https://127.0.0.1:${await freePort()}`;
  const dataDir = path.join(tmp.dir, name);
  const p = spawnAgent({
    name,
    clientUrl,
    serverUrl: nats.url,
    endpoint: clientUrl,
    dataDir,
    args: ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', nats.url, '--peer-trusted-ca-file', natsCa, '--data-dir', dataDir, '--token', 'nats-s3cret', ...extra],
    logFile: path.join(tmp.dir, `${name}.log`),
  });
  procs.push(p);
  return p;
}

/**
 * A stranger who can reach the NATS server learns the subjects
 * (mgmt.<clusterId>.raft.<id>) and the members' ids (the first 8 bytes of
 * each chunk) by listening, then for 3 s publishes on every subject:
 * garbage, chunks that claim a real member's id, and chunks sealed with a
 * key the whole cluster would share. Resolves with the ids it claimed.
 */
async function forgeRaftMessages(url: string, tls: { ca: string } | undefined, subjectsInUse: number): Promise<number[]> {
  const nc = await connect({ servers: [url.replace(/^(tls|nats):\/\//, '')], ...(tls ? { tls } : {}) });
  const seen = new Map<string, number>();
  const idOf = (d: Uint8Array) => new DataView(d.buffer, d.byteOffset).getUint32(0) * 2 ** 32 + new DataView(d.buffer, d.byteOffset).getUint32(4);
  const sub = nc.subscribe('mgmt.*.raft.*', { callback: (_e, m) => seen.set(m.subject, idOf(m.data)) });
  await waitFor('raft subjects in use', () => (seen.size >= subjectsInUse ? true : undefined), 10_000);
  sub.unsubscribe();
  const senders = [...new Set(seen.values())];
  const sharedKey = Buffer.alloc(32, 7); // what a shared cluster key would be: the stranger has it
  const forge = (from: number, seq: number, sealWith?: Buffer, subject = '') => {
    const chunk = Buffer.alloc(16 + 40, 1);
    chunk.writeUInt32BE(Math.floor(from / 2 ** 32), 0);
    chunk.writeUInt32BE(from >>> 0, 4);
    chunk.writeUInt32BE(seq, 8);
    chunk.writeUInt16BE(0, 12);
    chunk.writeUInt16BE(1, 14);
    if (!sealWith) return chunk;
    return Buffer.concat([chunk, createHmac('sha256', sealWith).update(subject).update(Buffer.from([0])).update(chunk).digest()]);
  };
  const deadline = Date.now() + 3_000;
  for (let seq = 1; Date.now() < deadline; seq += 1) {
    for (const subject of seen.keys()) {
      nc.publish(subject, new Uint8Array(64).fill(1)); // garbage
      for (const from of senders) {
        nc.publish(subject, forge(from, seq)); // a real member's id, unsealed
        nc.publish(subject, forge(from, seq, sharedKey, subject)); // sealed with a shared key
      }
    }
    await nc.flush();
    await new Promise((r) => setTimeout(r, 20));
  }
  await nc.close();
  return senders;
}

describe('a join token over NATS with TLS', () => {
  it('forms 3 voters through a tls:// nats-server and ignores a stranger on the subjects', async () => {
    expect(nats.url).toMatch(/^tls:\/\//);
    const h1 = await start('h1', ['--ideal-cluster-size', '3']);
    await waitFor('h1 serves', async () => ((await memberList(h1)).includes('h1') ? true : undefined), 60_000);
    for (const name of ['h2', 'h3']) await start(name, ['--seeds', h1.clientUrl]);
    await waitFor('three voters', async () => ((await memberList(h1)).match(/, false\n/g)?.length === 3 ? true : undefined), 120_000);
    // No key shared by the whole cluster: each member authenticates with its own certificate.
    expect(fs.existsSync(path.join(h1.dataDir, 'tls', 'cluster.key'))).toBe(false);

    const senders = await forgeRaftMessages(nats.url, { ca: fs.readFileSync(natsCa, 'utf8') }, 3);
    const warnings = () => procs.flatMap((p) => fs.readFileSync(p.logFile, 'utf8').split('\n')).filter((l) => l.includes('nats message ignored'));
    // Each member logs the forgeries that claim another member's id.
    const claimed = (l: string) => Number(/"claimedFrom":(\d+)/.exec(l)?.[1]);
    await waitFor('the forgeries are logged', () => (senders.every((id) => warnings().some((l) => claimed(l) === id)) ? true : undefined), 10_000);
    // Rate-limited: one line per receiver and claimed sender (and one for the garbage) per minute.
    expect(warnings().length).toBeLessThanOrEqual(3 * (senders.length + 1));
    expect((await memberList(h1)).match(/, false\n/g)?.length).toBe(3);
    const t = path.join(h1.dataDir, 'tls');
    const put = await new Promise<string>((resolve) =>
      execFile('etcdctl', ['--endpoints', procs[2]!.clientUrl, '--command-timeout=5s', '--cacert', path.join(t, 'ca.crt'), '--cert', path.join(t, 'client.crt'), '--key', path.join(t, 'client.key'), 'put', 'after-forgeries', 'ok'], { env: { ...process.env, ETCDCTL_API: '3' } }, (error, out) => resolve(error ? String(error) : out)),
    );
    expect(put).toBe('OK\n');
  });

  it("authenticates members over nats:// with the operator's own peer certificates", async () => {
    const plain = await startNatsServer();
    try {
      const ca = makeTestCa(path.join(tmp.dir, 'operator-pki'), 'operator-ca');
      const started: AgentProc[] = [];
      for (const name of ['o1', 'o2']) {
        const cert = ca.issue(name, [`DNS:${name}`]);
        const clientUrl = `http://127.0.0.1:${await freePort()}`;
        const dataDir = path.join(tmp.dir, name);
        const seeds = started.length > 0 ? ['--seeds', started[0]!.clientUrl] : ['--ideal-cluster-size', '2'];
        const p = spawnAgent({
          name,
          clientUrl,
          serverUrl: plain.url,
          endpoint: clientUrl,
          dataDir,
          args: ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', plain.url, '--data-dir', dataDir, '--peer-cert-file', cert.cert, '--peer-key-file', cert.key, '--peer-trusted-ca-file', ca.cert, ...seeds],
          logFile: path.join(tmp.dir, `${name}.log`),
        });
        procs.push(p);
        started.push(p);
      }
      const voters = async () => {
        const out = await new Promise<string>((resolve) => execFile('etcdctl', ['--endpoints', started[0]!.clientUrl, '--command-timeout=3s', 'member', 'list'], { env: { ...process.env, ETCDCTL_API: '3' } }, (e, o) => resolve(e ? '' : o)));
        return out.match(/, false\n/g)?.length ?? 0;
      };
      await waitFor('two voters authenticated by their operator certificates', async () => ((await voters()) === 2 ? true : undefined), 120_000);
      expect(started.map((p) => fs.readFileSync(p.logFile, 'utf8')).join('')).not.toMatch(/nats message ignored/);
      // Messages are authenticated (not plaintext): forgeries are ignored and logged, the cluster keeps its voters.
      const senders = await forgeRaftMessages(plain.url, undefined, 2);
      const logs = () => started.map((p) => fs.readFileSync(p.logFile, 'utf8')).join('');
      await waitFor('the forgeries are logged', () => (senders.every((id) => logs().includes(`"claimedFrom":${id},`)) ? true : undefined), 10_000);
      expect(await voters()).toBe(2);
    } finally {
      await killAll(procs.filter((q) => q.name === 'o1' || q.name === 'o2'));
      await plain.dispose();
    }
  });

  it('gives a nats-server that requires a user and password the credentials of --nats-user/--nats-password', async () => {
    const guarded = await startNatsServer({ authorization: { user: 'mgmt', password: 'pw' } });
    try {
      const clientUrl = `http://127.0.0.1:${await freePort()}`;
      const dataDir = path.join(tmp.dir, 'u1');
      const p = spawnAgent({
        name: 'u1',
        clientUrl,
        serverUrl: guarded.url,
        endpoint: clientUrl,
        dataDir,
        args: ['run', '--hostname', 'u1', '--client-urls', clientUrl, '--server-urls', guarded.url, '--nats-user', 'mgmt', '--nats-password', 'pw', '--data-dir', dataDir],
        logFile: path.join(tmp.dir, 'u1.log'),
      });
      procs.push(p);
      await waitFor('u1 serves through the guarded nats-server', () => (fs.readFileSync(p.logFile, 'utf8').includes('peer started') ? true : undefined), 60_000);
      expect(fs.readFileSync(p.logFile, 'utf8')).not.toMatch(/cannot connect to NATS/);
    } finally {
      await killAll(procs.filter((q) => q.name === 'u1'));
      await guarded.dispose();
    }
  });
});
