// Proves real Python clients that other people wrote work against the
// server exactly as against a real etcd 3.4: each script runs against a
// fresh server and a fresh etcd started beside it, and prints a transcript
// of what every call returned; the transcripts must be equal.
// - python/etcd3_every_method.py: every public method of Debian's
//   python3-etcd3 (gRPC) and of its Lease, Lock and Member objects:
//   get/put/delete, prefixes and ranges (and their *_response forms),
//   transactions, leases, watches (iterators, *_response, once, callbacks),
//   locks, compaction, members (update, remove, add last), status, hash,
//   snapshot, defragment, alarms;
// - python/etcd3gw_every_method.py: every public method of python3-etcd3gw
//   (the grpc-gateway JSON API);
// - python/patroni_leader_cycle.py: Patroni's etcd3 store class doing its
//   leader-key cycle for two nodes (also the JSON API).
// The Debian packages python3-etcd3, python3-etcd3gw and patroni must be
// installed (.ci/run installs them); /usr/bin/python3 runs them.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHarness } from './harness.js';
import { startRealEtcd } from './real-etcd.js';

const PYTHON = '/usr/bin/python3';

function runScript(script: string, endpoint: string): Promise<{ stdout: string; stderr: string; code: number }> {
  const [host, port] = endpoint.split(':');
  return new Promise((resolve) => {
    execFile(PYTHON, [path.join(import.meta.dirname, 'python', script), host!, port!], { timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
}

/** Runs `script` against a fresh server and a fresh etcd; returns both transcripts. */
async function sideBySide(script: string): Promise<{ ours: string[]; theirs: string[] }> {
  const [h, etcd] = await Promise.all([startHarness(), startRealEtcd()]);
  try {
    const [ours, theirs] = await Promise.all([runScript(script, h.endpoint), runScript(script, etcd.endpoint)]);
    expect(theirs.code, `${script} against etcd: ${theirs.stderr}`).toBe(0);
    expect(ours.code, `${script} against mgmt: ${ours.stderr}`).toBe(0);
    const lines = (s: string) => s.split('\n').filter((l) => l.startsWith('['));
    return { ours: lines(ours.stdout), theirs: lines(theirs.stdout) };
  } finally {
    await Promise.all([h.stop(), etcd.stop()]);
  }
}

describe('real Python clients, side by side with etcd 3.4', () => {
  it('python3-etcd3: every public method gives the same results', async () => {
    const { ours, theirs } = await sideBySide('etcd3_every_method.py');
    expect(theirs.length).toBeGreaterThan(50);
    expect(ours).toEqual(theirs);
  });

  it('python3-etcd3gw: every public method gives the same results through the JSON gateway', async () => {
    const { ours, theirs } = await sideBySide('etcd3gw_every_method.py');
    expect(theirs.length).toBeGreaterThan(25);
    expect(ours).toEqual(theirs);
  });

  it("Patroni's etcd3 store does its leader-key cycle alike", async () => {
    const { ours, theirs } = await sideBySide('patroni_leader_cycle.py');
    expect(theirs).toContain('["pg2 acquires it", true]');
    expect(ours).toEqual(theirs);
  });
});
