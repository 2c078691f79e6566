/**
 * Starts real `nats-server` processes on free loopback ports for tests and
 * benchmarks: one server, or a cluster whose nodes route to each other. Each
 * handle can stop and start its server again on the same ports, so tests can
 * restart a server or kill one node of a cluster.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.js';

/** Where nats-server is installed (Debian package). */
export const NATS_SERVER_BINARY = process.env.NATS_SERVER_BINARY ?? '/usr/sbin/nats-server';

/** Options for one server. */
export interface NatsServerOptions {
  /** Client port; default a free one. */
  port?: number;
  /** Largest payload the server accepts. Default 8 MiB + 64 KiB. */
  maxPayloadBytes?: number;
  /** Cluster (route) port, for a cluster node. */
  clusterPort?: number;
  /** Route URLs of the other nodes. */
  routes?: string[];
  /** How long to wait for readiness. Default 10 s. */
  readyTimeoutMs?: number;
  /** Serve TLS with these files; `verify` also asks clients for a certificate of `caFile`. */
  tls?: { certFile: string; keyFile: string; caFile?: string; verify?: boolean };
  /** Require this user and password from every client. */
  authorization?: { user: string; password: string };
  /** Nkey authorization: only these users (public NKEYs, `U...`) may connect (credentials files from makeNatsCreds). */
  nkeyUsers?: string[];
  /** Operator (JWT) mode: the operator's JWT and the account JWTs it signed, by account public key (natsOperator().server). */
  operator?: { jwt: string; accounts: Record<string, string> };
}

/** A running (or stopped) nats-server. */
export class NatsServerHandle {
  private child: ChildProcess | undefined;
  private readonly dir: string;
  private routesSeen = 0;

  constructor(
    readonly port: number,
    private readonly options: NatsServerOptions,
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'mgmt-nats-'));
  }

  /** `nats://127.0.0.1:<port>` (`tls://` when the server requires TLS). */
  get url(): string {
    return `${this.options.tls ? 'tls' : 'nats'}://127.0.0.1:${this.port}`;
  }

  /** Whether the process is running. */
  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Route connections this run of the server has logged. */
  get routes(): number {
    return this.routesSeen;
  }

  /** Starts the server and waits until it accepts clients. */
  async start(): Promise<void> {
    if (this.running) return;
    const config = join(this.dir, 'nats.conf');
    writeFileSync(config, this.config());
    const child = spawn(NATS_SERVER_BINARY, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    this.child = child;
    this.routesSeen = 0;
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nats-server on ${this.port} not ready:\n${log}`)), this.options.readyTimeoutMs ?? 10_000);
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (text: string) => {
        if (log.length < 20_000) log += text;
        this.routesSeen += text.split('Route connection created').length - 1;
        if (log.includes('Server is ready')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`nats-server on ${this.port} exited with ${String(code)}:\n${log}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  /** Stops the server (SIGKILL when `hard`, else SIGTERM) and waits for it to exit. */
  async stop(hard = false): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(hard ? 'SIGKILL' : 'SIGTERM');
    });
  }

  /** Stops the server and removes its files. */
  async dispose(): Promise<void> {
    await this.stop(true);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private config(): string {
    const lines = [`listen: 127.0.0.1:${this.port}`, `max_payload: ${this.options.maxPayloadBytes ?? 8 * 1024 * 1024 + 64 * 1024}`];
    if (this.options.clusterPort !== undefined) {
      const routes = (this.options.routes ?? []).map((r) => `    ${JSON.stringify(r)}`).join('\n');
      lines.push(`cluster {`, `  name: mgmt-test`, `  listen: 127.0.0.1:${this.options.clusterPort}`, `  routes: [\n${routes}\n  ]`, `}`);
    }
    const auth = this.options.authorization;
    if (auth) lines.push('authorization {', `  user: ${JSON.stringify(auth.user)}`, `  password: ${JSON.stringify(auth.password)}`, '}');
    const nkeyUsers = this.options.nkeyUsers;
    if (nkeyUsers) lines.push('authorization {', '  users: [', ...nkeyUsers.map((u) => `    { nkey: ${JSON.stringify(u)} }`), '  ]', '}');
    const operator = this.options.operator;
    if (operator) {
      lines.push(`operator: ${operator.jwt}`, 'resolver: MEMORY', 'resolver_preload: {', ...Object.entries(operator.accounts).map(([pub, jwt]) => `  ${pub}: ${jwt}`), '}');
    }
    const tls = this.options.tls;
    if (tls) {
      lines.push('tls {', `  cert_file: ${JSON.stringify(tls.certFile)}`, `  key_file: ${JSON.stringify(tls.keyFile)}`);
      if (tls.caFile !== undefined) lines.push(`  ca_file: ${JSON.stringify(tls.caFile)}`);
      if (tls.verify) lines.push('  verify: true');
      lines.push('}');
    }
    return `${lines.join('\n')}\n`;
  }
}

/** Starts one nats-server on a free loopback port. */
export async function startNatsServer(options: NatsServerOptions = {}): Promise<NatsServerHandle> {
  const handle = new NatsServerHandle(options.port ?? (await freePort()), options);
  try {
    await handle.start();
  } catch (err) {
    await handle.dispose();
    throw err;
  }
  return handle;
}

/** A set of routed nats-servers. */
export interface NatsCluster {
  readonly nodes: NatsServerHandle[];
  /** Client URLs of every node. */
  readonly urls: string[];
  /** Stops every node and removes their files. */
  dispose(): Promise<void>;
}

/** Starts `size` nats-servers routed to each other and waits until the routes are up. */
export async function startNatsCluster(size = 3, options: Omit<NatsServerOptions, 'port' | 'clusterPort' | 'routes'> = {}): Promise<NatsCluster> {
  const clientPorts: number[] = [];
  const clusterPorts: number[] = [];
  for (let i = 0; i < size; i += 1) {
    clientPorts.push(await freePort());
    clusterPorts.push(await freePort());
  }
  const nodes = clientPorts.map(
    (port, i) =>
      new NatsServerHandle(port, {
        ...options,
        port,
        clusterPort: clusterPorts[i],
        routes: clusterPorts.filter((_, j) => j !== i).map((p) => `nats-route://127.0.0.1:${p}`),
      }),
  );
  const dispose = async (): Promise<void> => {
    await Promise.all(nodes.map((n) => n.dispose()));
  };
  try {
    for (const node of nodes) await node.start();
    const deadline = Date.now() + 10_000;
    while (nodes.some((n) => n.routes < size - 1)) {
      if (Date.now() > deadline) throw new Error('nats cluster routes did not form');
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (err) {
    await dispose();
    throw err;
  }
  return { nodes, urls: nodes.map((n) => n.url), dispose };
}
