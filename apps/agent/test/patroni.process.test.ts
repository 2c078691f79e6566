// Proves Patroni's etcd3 store (patroni.dcs.etcd3.Etcd3, Debian's patroni
// package, which talks to the grpc-gateway JSON API) does its leader-key
// cycle against a real `mgmt run` agent exactly as against a real etcd 3.4:
// initialize, register two members, take, refresh, refuse and hand over the
// leader key, set the config, delete the cluster (the script is
// libs/kv/test/python/patroni_leader_cycle.py; the /_mgmt/ keys live
// outside Patroni's /service/ namespace). Then the same over https against
// an agent started with --token, with the data directory's CA and client
// certificate (the TLS client port's gateway).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { etcdctl, killAll, startAgent, startHttpsAgent, voterNames, type AgentProc } from './process-harness.js';
import { startRealEtcd } from './real-etcd.js';

const SCRIPT = path.join(import.meta.dirname, '..', '..', '..', 'libs', 'kv', 'test', 'python', 'patroni_leader_cycle.py');
const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let reference: string[];

/** Runs the cycle against host:port (over https with [ca, cert, key]); resolves with its transcript lines. */
function cycle(endpoint: string, tls: string[] = []): Promise<string[]> {
  const url = new URL(endpoint.includes('://') ? endpoint : `http://${endpoint}`);
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/python3', [SCRIPT, url.hostname, url.port, ...tls], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`patroni cycle against ${endpoint} failed: ${stderr}`));
      else resolve(stdout.split('\n').filter((l) => l.startsWith('[')));
    });
  });
}

beforeAll(async () => {
  tmp = tempDir('mgmt-patroni-');
  const etcd = await startRealEtcd();
  try {
    reference = await cycle(etcd.endpoint);
  } finally {
    await etcd.stop();
  }
}, 120_000);
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

describe("Patroni's etcd3 store against a mgmt run agent", () => {
  it('does its leader-key cycle as against etcd 3.4', async () => {
    const h1 = await startAgent({ name: 'h1', dir: tmp.dir });
    procs.push(h1);
    await waitFor('h1 serves', () => voterNames(h1.endpoint).then((v) => v?.length === 1), 60_000);
    expect(reference).toContain('["pg2 acquires it", true]');
    expect(await cycle(h1.endpoint)).toEqual(reference);
    // Patroni cleaned up its namespace; the agent's own keys are untouched.
    expect(await etcdctl(h1.clientUrl, 'get', '--prefix', '/service/', '--keys-only')).toBe('');
    expect(await etcdctl(h1.clientUrl, 'get', '/_mgmt/clusterId', '--print-value-only')).not.toBe('');
  }, 180_000);

  it('does it over https against an agent started with --token, with the data-dir credentials', async () => {
    const h2 = await startHttpsAgent(tmp.dir, 'h2', ['--token', 's3cret']);
    procs.push(h2);
    const t = path.join(h2.dataDir, 'tls');
    const creds = [path.join(t, 'ca.crt'), path.join(t, 'client.crt'), path.join(t, 'client.key')];
    const ctl = ['--cacert', creds[0]!, '--cert', creds[1]!, '--key', creds[2]!];
    const healthy = () =>
      new Promise<boolean>((resolve) => {
        execFile('etcdctl', ['--endpoints', h2.clientUrl, ...ctl, '--command-timeout=5s', 'endpoint', 'health'], { env: { ...process.env, ETCDCTL_API: '3' } }, (error) => resolve(!error));
      });
    await waitFor('h2 healthy over https', healthy, 60_000);
    expect(await cycle(h2.clientUrl, creds)).toEqual(reference);
  }, 180_000);
});
