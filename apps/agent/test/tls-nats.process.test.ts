// Proves a join-token cluster over a real nats-server that requires TLS
// (its certificate made by the real openssl): three `mgmt run` processes
// with --server-urls tls://... and --peer-trusted-ca-file form 3 voters
// that etcdctl lists with the data-dir credentials; a stranger who can
// reach the NATS server publishes on a member's subject and is ignored and
// logged (every Raft message is authenticated with the cluster key). An
// agent gives a nats-server that requires a user and password its
// --nats-user/--nats-password.
import { makeTestCa, startNatsServer } from '@mgmt/transport/testing';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { connect } from 'nats';
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

describe('a join token over NATS with TLS', () => {
  it('forms 3 voters through a tls:// nats-server and ignores a stranger on the subjects', async () => {
    expect(nats.url).toMatch(/^tls:\/\//);
    const h1 = await start('h1', ['--ideal-cluster-size', '3']);
    await waitFor('h1 serves', async () => ((await memberList(h1)).includes('h1') ? true : undefined), 60_000);
    for (const name of ['h2', 'h3']) await start(name, ['--seeds', h1.clientUrl]);
    await waitFor('three voters', async () => ((await memberList(h1)).match(/, false\n/g)?.length === 3 ? true : undefined), 120_000);
    expect(fs.existsSync(path.join(h1.dataDir, 'tls', 'cluster.key'))).toBe(true);
    expect(fs.readFileSync(path.join(procs[1]!.dataDir, 'tls', 'cluster.key'), 'utf8')).toBe(fs.readFileSync(path.join(h1.dataDir, 'tls', 'cluster.key'), 'utf8'));

    // A stranger publishes garbage on every raft subject it can guess: mgmt.<clusterId>.raft.<id>.
    const nc = await connect({ servers: [nats.url.replace('tls://', '')], tls: { ca: fs.readFileSync(natsCa, 'utf8') } });
    const seen = new Set<string>();
    const sub = nc.subscribe('mgmt.*.raft.*', { callback: (_e, m) => seen.add(m.subject) });
    await waitFor('raft subjects in use', () => (seen.size > 0 ? true : undefined), 10_000);
    sub.unsubscribe();
    for (const subject of seen) nc.publish(subject, new Uint8Array(64).fill(1));
    await nc.flush();
    await nc.close();
    const logs = () => procs.map((p) => fs.readFileSync(p.logFile, 'utf8')).join('');
    await waitFor('a warning', () => (logs().includes('not authenticated with the cluster key') ? true : undefined), 10_000);
    expect((await memberList(h1)).match(/, false\n/g)?.length).toBe(3);
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
