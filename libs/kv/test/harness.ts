/** Test harness: an etcd API server over a LocalBackend on a free loopback port, and an etcdctl runner. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { LocalBackend, createEtcdServer, type EtcdServer, type EtcdServerOptions, type LocalBackendOptions } from '../src/index.js';

/** A running server and how to reach it. */
export interface Harness {
  readonly backend: LocalBackend;
  readonly server: EtcdServer;
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0. */
export async function startHarness(options: { backend?: LocalBackendOptions; server?: EtcdServerOptions } = {}): Promise<Harness> {
  const backend = new LocalBackend({ name: 'test', ...options.backend });
  const server = createEtcdServer(backend, { logError: () => {}, ...options.server });
  const port = await server.listen('127.0.0.1:0');
  const endpoint = `127.0.0.1:${port}`;
  backend.setClientUrls([`http://${endpoint}`]);
  return {
    backend,
    server,
    endpoint,
    stop: async () => {
      backend.close();
      await server.close();
    },
  };
}

/** What an etcdctl run printed. */
export interface CtlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs etcdctl (API v3) against `endpoint`; never throws on a non-zero exit. */
export function etcdctl(endpoint: string, args: string[], stdin?: string): Promise<CtlResult> {
  return new Promise((resolve) => {
    const child = execFile(
      'etcdctl',
      ['--endpoints', endpoint, '--command-timeout=10s', ...args],
      { env: { ...process.env, ETCDCTL_API: '3' }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    // A child that exits before reading its input makes the write fail (EPIPE): its exit status tells.
    child.stdin?.on('error', () => {});
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

/** A long-running etcdctl (watch) whose output can be awaited. */
export class CtlProcess {
  private out = '';
  private readonly child: ChildProcess;

  constructor(endpoint: string, args: string[]) {
    this.child = spawn('etcdctl', ['--endpoints', endpoint, ...args], { env: { ...process.env, ETCDCTL_API: '3' }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
  }

  /** Resolves with the output once it contains `text` (rejects after `timeoutMs`). */
  async waitFor(text: string, timeoutMs = 15_000): Promise<string> {
    for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
      if (this.out.includes(text)) return this.out;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`etcdctl never printed ${JSON.stringify(text)}; got ${JSON.stringify(this.out)}`);
  }

  /** Kills the process and waits for it to exit. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** Waits until `condition` holds (polling), or throws after `timeoutMs`. */
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
