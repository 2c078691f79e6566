// Proves Debian's Python etcd clients work against a real `mgmt run` agent
// as against a real etcd 3.4: the every-method scripts of libs/kv/test
// (python3-etcd3 over gRPC, python3-etcd3gw over the JSON gateway) run
// against one agent and one etcd, and print the same transcript once
// revisions are masked (the agent's own /_mgmt/ writes come between the
// script's, so its revisions are further on; the scripts list only their
// own keys). python3-etcd3's runs last: it ends with add_member, which
// leaves a cluster of one without a quorum (the agent must live on).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, waitFor } from './helpers.js';
import { killAll, startAgent, voterNames, type AgentProc } from './process-harness.js';
import { startRealEtcd, type RealEtcd } from './real-etcd.js';

const SCRIPTS = path.join(import.meta.dirname, '..', '..', '..', 'libs', 'kv', 'test', 'python');
const procs: AgentProc[] = [];
let tmp: { dir: string; cleanup: () => void };
let agent: AgentProc;
let etcd: RealEtcd;

/** Runs `script` against host:port with revisions masked; resolves with its transcript lines. */
function transcript(script: string, endpoint: string): Promise<string[]> {
  const [host, port] = endpoint.split(':');
  return new Promise((resolve, reject) => {
    execFile('/usr/bin/python3', [path.join(SCRIPTS, script), host!, port!], { timeout: 180_000, env: { ...process.env, MASK_REVISIONS: '1' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${script} against ${endpoint} failed: ${stderr}`));
      else resolve(stdout.split('\n').filter((l) => l.startsWith('[')));
    });
  });
}

beforeAll(async () => {
  tmp = tempDir('mgmt-python-');
  etcd = await startRealEtcd();
  agent = await startAgent({ name: 'h1', dir: tmp.dir });
  procs.push(agent);
  await waitFor('h1 serves', () => voterNames(agent.endpoint).then((v) => v?.length === 1), 60_000);
}, 120_000);
afterAll(async () => {
  await killAll(procs);
  await etcd?.stop();
  tmp.cleanup();
});

describe('Debian Python etcd clients against a mgmt run agent, side by side with etcd 3.4', () => {
  it('python3-etcd3gw: every public method gives the same results', async () => {
    const [ours, theirs] = await Promise.all([transcript('etcd3gw_every_method.py', agent.endpoint), transcript('etcd3gw_every_method.py', etcd.endpoint)]);
    expect(theirs.length).toBeGreaterThan(25);
    expect(ours).toEqual(theirs);
  }, 240_000);

  it('python3-etcd3: every public method gives the same results', async () => {
    const [ours, theirs] = await Promise.all([transcript('etcd3_every_method.py', agent.endpoint), transcript('etcd3_every_method.py', etcd.endpoint)]);
    expect(theirs.length).toBeGreaterThan(50);
    expect(ours).toEqual(theirs);
    // The member add_member left has no name until it starts: the agent
    // lives on beside it (it once crashed on the nameless member a moment later).
    const exited = await Promise.race([agent.exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 2_000))]);
    expect(exited, `the agent exited; see ${agent.logFile}`).toBe(false);
  }, 240_000);
});
