/**
 * The local demo (`nx run agent:serve`, `mgmt demo --agents N`): N agents as
 * worker threads of this process, Raft over the worker transport, each
 * serving the etcd v3 API on its own loopback port while it is a member.
 * h1 bootstraps; the others join with h1 as their seed, exactly as separate
 * `mgmt run` processes would. The cluster as a whole is a StatusSource for
 * one status page and one /metrics.
 */
import { createWorkerHub, spawnAgentWorker, type AgentWorkerHandle, type WorkerHub } from '@mgmt/transport';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from 'prom-client';
import type { AgentStatus, ClusterView } from '../status/agent-status.js';
import type { StatusSource } from '../status/status-server.js';
import type { DemoAgentControl, DemoAgentData } from './agent-thread.js';

export interface DemoOptions {
  /** How many agents (worker threads). */
  agents: number;
  idealClusterSize: number;
  /** Client port of h1; h2 gets basePort+2, h3 basePort+4, ... (as in the reference). 0: any free ports. */
  basePort: number;
  /** Where the agents keep their data; default a temporary directory removed on stop. */
  dataDir?: string;
  /** Log level of the agents' JSON logs on stderr (default warn: the demo prints its own lines). */
  logLevel?: string;
  /** Lease TTL override (tests). */
  leaseTtlSeconds?: number;
}

/** One agent of the demo, as the main thread sees it. */
export interface DemoAgent {
  readonly hostname: string;
  readonly clientUrl: string;
  readonly handle: AgentWorkerHandle<DemoAgentControl>;
}

const ENTRY = new URL('./agent-thread.ts', import.meta.url);

/** A running demo cluster. */
export class DemoCluster implements StatusSource {
  private stopping: Promise<void> | undefined;

  private constructor(
    readonly agents: DemoAgent[],
    private readonly hub: WorkerHub,
    readonly dataDir: string,
    private readonly ownsDataDir: boolean,
  ) {}

  /** Starts h1, waits until it serves, then starts the others. */
  static async start(o: DemoOptions): Promise<DemoCluster> {
    const demo = DemoCluster.create(o);
    await demo.launch(o);
    return demo;
  }

  /** A demo with no agents yet: `launch` starts them (so a caller can watch them start). */
  static create(o: DemoOptions): DemoCluster {
    if (!Number.isSafeInteger(o.agents) || o.agents < 1) throw new RangeError(`agents: ${o.agents} is not a positive integer`);
    if (!Number.isSafeInteger(o.idealClusterSize) || o.idealClusterSize < 1) throw new RangeError(`idealClusterSize: ${o.idealClusterSize} is not a positive integer`);
    if (!Number.isSafeInteger(o.basePort) || o.basePort < 0 || o.basePort > 65535) throw new RangeError(`basePort: ${o.basePort} is not a port number`);
    const ownsDataDir = o.dataDir === undefined;
    const dataDir = o.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-demo-'));
    return new DemoCluster([], createWorkerHub(), dataDir, ownsDataDir);
  }

  /** Starts the agents: h1 first, until it serves; then the others with h1 as their seed. */
  async launch(o: DemoOptions): Promise<void> {
    try {
      const ports = await clientPorts(o.agents, o.basePort);
      const seed = `http://127.0.0.1:${ports[0]!}`;
      for (let i = 0; i < o.agents; i++) {
        if (this.stopping) return;
        const hostname = `h${i + 1}`;
        const clientUrl = `http://127.0.0.1:${ports[i]!}`;
        const data: DemoAgentData = {
          config: {
            hostname,
            seeds: i === 0 ? [] : [seed],
            clientUrls: [clientUrl],
            serverUrls: [`worker://${hostname}`],
            idealClusterSize: o.idealClusterSize,
            noServer: false,
            dataDir: path.join(this.dataDir, hostname),
            ...(o.leaseTtlSeconds === undefined ? {} : { leaseTtlSeconds: o.leaseTtlSeconds }),
          },
          logLevel: o.logLevel ?? process.env.MGMT_LOG_LEVEL ?? 'warn',
        };
        const handle = spawnAgentWorker<DemoAgentControl>(this.hub, ENTRY, { memberId: i + 1, data, name: `agent-${hostname}` });
        this.agents.push({ hostname, clientUrl, handle });
        await handle.untilExit(handle.control.start());
        if (i === 0) await this.waitFor(handle, (s) => s.state === 'peer.running', 60_000, `${hostname} to bootstrap`);
      }
    } catch (err) {
      await this.stop();
      throw err;
    }
  }

  /** Every agent's current status, straight from its thread. */
  async statuses(): Promise<AgentStatus[]> {
    const all = await Promise.all(this.agents.map((a) => a.handle.untilExit(a.handle.control.status()).catch(() => undefined)));
    return all.filter((s): s is AgentStatus => s !== undefined);
  }

  /** The page's view: live statuses of every agent, volunteers and ideal size from the store. */
  async clusterView(): Promise<ClusterView> {
    const hosts = await this.statuses();
    let stored: ClusterView | undefined;
    for (const a of this.agents) {
      stored = await a.handle.untilExit(a.handle.control.clusterView()).catch(() => undefined);
      if (stored?.idealClusterSize !== undefined) break;
    }
    const self = hosts.find((h) => h.role === 'leader') ?? hosts[0];
    if (!self) throw new Error('no agent answers');
    return { hosts, volunteers: stored?.volunteers ?? [], idealClusterSize: stored?.idealClusterSize, self };
  }

  /** Every agent's metrics (label `agent`), merged into one Prometheus text. */
  async metricsText(): Promise<string> {
    const parts = await Promise.all(this.agents.map((a) => a.handle.untilExit(a.handle.control.metricsJson()).catch(() => undefined)));
    const list = parts.filter((p) => p !== undefined) as Array<Array<MetricObjectWithValues<MetricValue<string>>>>;
    return AggregatorRegistry.aggregate(list).metrics();
  }

  /**
   * Ctrl-C: the whole cluster goes, so no member waits to be removed (that
   * needs a quorum the others are taking away): every agent is told twice,
   * which stops its member at once after withdrawing its keys; threads still
   * alive after `graceMs` are terminated. The data directory goes too when
   * the demo made it.
   */
  stop(graceMs = 5_000): Promise<void> {
    this.stopping ??= (async () => {
      const live = this.agents.filter((a) => a.handle.worker.threadId >= 0);
      const tell = () => Promise.all(live.map((a) => a.handle.untilExit(a.handle.control.shutdown()).catch(() => undefined)));
      await tell();
      await tell();
      await Promise.all(live.map((a) => Promise.race([a.handle.untilExit(a.handle.control.stopped()).catch(() => undefined), sleep(graceMs)])));
      await Promise.all(live.map((a) => a.handle.terminate()));
      this.hub.close();
      if (this.ownsDataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
    })();
    return this.stopping;
  }

  private async waitFor(handle: AgentWorkerHandle<DemoAgentControl>, ok: (s: AgentStatus) => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = await handle.untilExit(handle.control.status());
      if (ok(s)) return;
      if (s.state === 'failed' || s.state === 'stopped') throw new Error(`waiting for ${what}: ${s.reason}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (${s.state}: ${s.reason})`);
      await sleep(100);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** basePort, basePort+2, ... checked free; or any free ports when basePort is 0. */
async function clientPorts(count: number, basePort: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const want = basePort === 0 ? 0 : basePort + 2 * i;
    if (want > 65535) throw new RangeError(`client port ${want} is out of range (base port ${basePort}, ${count} agents)`);
    ports.push(await probePort(want));
  }
  return ports;
}

/** Binds 127.0.0.1:`port` (0: any) and frees it again; fails with a clear error when taken. */
function probePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} on 127.0.0.1 is in use (choose another --base-port, or 0 for any)` : err.message)),
    );
    s.listen({ host: '127.0.0.1', port }, () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : port));
    });
  });
}
