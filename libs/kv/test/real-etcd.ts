/** A real etcd 3.4 (Debian's etcd-server) of one member on free loopback ports, for side-by-side tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '@mgmt/transport/testing';

/** A running etcd and how to reach it. */
export interface RealEtcd {
  /** host:port of its client URL. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts etcd and waits until /health answers true. */
export async function startRealEtcd(extraArgs: string[] = []): Promise<RealEtcd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kv-real-etcd-'));
  const client = await freePort();
  const peer = await freePort();
  const clientUrl = `http://127.0.0.1:${client}`;
  const peerUrl = `http://127.0.0.1:${peer}`;
  const log = fs.openSync(path.join(dir, 'etcd.log'), 'a');
  const child: ChildProcess = spawn(
    'etcd',
    ['--name', 'ref', '--data-dir', path.join(dir, 'data'), '--listen-client-urls', clientUrl, '--advertise-client-urls', clientUrl,
      '--listen-peer-urls', peerUrl, '--initial-advertise-peer-urls', peerUrl, '--initial-cluster', `ref=${peerUrl}`, '--log-level', 'warn', ...extraArgs],
    { stdio: ['ignore', log, log] },
  );
  fs.closeSync(log);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const started = Date.now(); Date.now() - started < 30_000; ) {
    try {
      const res = await fetch(`${clientUrl}/health`);
      if (((await res.json()) as { health?: string }).health === 'true') return { endpoint: `127.0.0.1:${client}`, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error('the real etcd did not become healthy within 30 s');
}
