// Proves an agent started with --token (the token PKI: https:// client URL,
// per-call client certificates) serves etcd's HTTP endpoints on its TLS
// client port, as etcd does on an https:// client URL, to the real curl
// with the data-dir credentials (--cacert/--cert/--key): /health,
// /version, /metrics (etcd's series) and the JSON gateway; a request
// without a client certificate gets 401; etcdctl keeps working on the
// same port.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { killAll, startHttpsAgent, type AgentProc } from './process-harness.js';

const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let h1: AgentProc;
let creds: string[];

function run(cmd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env: { ...process.env, ETCDCTL_API: '3' }, timeout: 20_000 }, (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }));
  });
}
const curl = (p: string, ...args: string[]) => run('curl', ['-sS', '-w', '\n%{http_code}', ...args, `${h1.clientUrl}${p}`]);

beforeAll(async () => {
  tmp = tempDir('mgmt-tls-http-');
  h1 = await startHttpsAgent(tmp.dir, 'h1', ['--token', 's3cret']);
  procs.push(h1);
  const t = path.join(h1.dataDir, 'tls');
  creds = ['--cacert', path.join(t, 'ca.crt'), '--cert', path.join(t, 'client.crt'), '--key', path.join(t, 'client.key')];
  await waitFor('h1 healthy over https', async () => ((await curl('/health', ...creds).catch(() => undefined))?.out === '{"health":"true"}\n200' ? true : undefined), 60_000);
}, 90_000);
afterAll(async () => {
  await killAll(procs);
  tmp.cleanup();
});

describe('HTTP on the TLS client port of an agent with --token', () => {
  it('serves /health, /version, /metrics and the gateway to curl with the data-dir credentials', async () => {
    expect((await curl('/version', ...creds)).out).toMatch(/^\{"etcdserver":"[^"]+","etcdcluster":"[^"]+"\}\n200$/);
    const metrics = (await curl('/metrics', ...creds)).out;
    for (const series of ['etcd_server_has_leader 1', 'etcd_server_leader_changes_seen_total', 'etcd_mvcc_db_total_size_in_bytes', 'process_resident_memory_bytes']) expect(metrics).toContain(series);
    const range = await curl('/v3/kv/range', ...creds, '-d', JSON.stringify({ key: Buffer.from('/_mgmt/').toString('base64'), range_end: Buffer.from('/_mgmt0').toString('base64'), count_only: true }));
    expect(range.out).toMatch(/"count":"\d+".*\n200$/);
  });

  it('answers a request without a client certificate with 401', async () => {
    const r = await curl('/health', '--cacert', creds[1]!);
    expect(r.out).toMatch(/client certificate.*\n401$/);
  });

  it('still serves etcdctl on the same port', async () => {
    expect((await run('etcdctl', ['--endpoints', h1.clientUrl, ...creds, 'put', 'k', 'v'])).out).toBe('OK\n');
    expect((await run('etcdctl', ['--endpoints', h1.clientUrl, ...creds, 'endpoint', 'health'])).err).toMatch(/is healthy/);
  });
});
