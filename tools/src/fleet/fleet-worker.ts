/**
 * One process of the fleet: runs the real agent (`Agent` of @mgmt/agent)
 * for each host name it is given, all sharing this event loop, as
 * volunteers with their own lease, volunteer key, status and a small graph
 * (it exports a noop resource and collects the file the harness exports).
 * Reports registrations and observed revisions to the harness over IPC.
 * Started by fleet.ts with its config as JSON in argv[2].
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { Agent, createLogger } from '@mgmt/agent';
import { parseGraph } from '@mgmt/graph';
import { freePort } from '@mgmt/transport/testing';
import type { FleetProfileRequest, FleetWorkerConfig, FleetWorkerMessage } from './fleet-protocol.js';

/** How often this process reports to the harness (batched: a thousand agents report as a few messages). */
const REPORT_EVERY_MS = 20;
/** How often it looks for newly registered agents (each look builds the status of every agent not yet registered: every 20 ms, that was a tenth of a core per process at the start). */
const REGISTERED_EVERY_MS = 100;
/** How often this process logs how late its event loop ran, when it ran late (its agents' keep-alives and watches wait for it). */
const LAG_EVERY_MS = 10_000;
/** A delay worth a line in the log: a third of the agents' lease TTL (5 s), when a renewal is due. */
const LAG_WORTH_LOGGING_MS = 1_000;

/** Logs the event loop's worst delay of each LAG_EVERY_MS when it is worth a line: the agents share this loop, as no real host's would. */
function watchLag(): void {
  const h = monitorEventLoopDelay({ resolution: 20 });
  h.enable();
  setInterval(() => {
    const maxMs = h.max / 1e6;
    if (maxMs >= LAG_WORTH_LOGGING_MS) process.stderr.write(`fleet worker ${process.pid}: event loop delayed up to ${maxMs.toFixed(0)} ms (p99 ${(h.percentile(99) / 1e6).toFixed(0)} ms) in the last ${LAG_EVERY_MS / 1000} s\n`);
    h.reset();
  }, LAG_EVERY_MS).unref();
}

function send(message: FleetWorkerMessage): void {
  process.send?.(message);
}

/** Profiles this process's CPU for `ms` (the harness asks during its steady-state window) and writes the profile into `dir`. */
async function profile(req: FleetProfileRequest): Promise<void> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await new Promise((r) => setTimeout(r, req.ms));
    const { profile: p } = await session.post('Profiler.stop');
    fs.mkdirSync(req.dir, { recursive: true });
    fs.writeFileSync(path.join(req.dir, `fleet-agents-${process.pid}.cpuprofile`), JSON.stringify(p));
  } finally {
    session.disconnect();
  }
}

function graphText(host: string, dir: string): string {
  return [`graph: fleet-${host}`, 'resources:', '  noop:', `  - name: "@@n-${host}"`, 'collect:', '- kind: file', `  pattern: "${dir}/"`, 'edges: []', ''].join('\n');
}

/**
 * The ports of a host's URLs: picked free at its first start, the same at a restart, as a real
 * host's command line keeps them (its volunteer key and status carry them: new ones at every
 * restart made a thousand agents re-write both, an event for every agent's watch each).
 */
async function hostPorts(home: string): Promise<[number, number]> {
  const file = path.join(home, 'ports.json');
  try {
    const ports = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(ports) && ports.length === 2 && ports.every((p) => Number.isInteger(p) && p > 0 && p < 65536)) return [ports[0] as number, ports[1] as number];
  } catch {
    // first start (or an unreadable file): pick new ones
  }
  const ports: [number, number] = [await freePort(), await freePort()];
  fs.writeFileSync(file, JSON.stringify(ports));
  return ports;
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as FleetWorkerConfig;
  // Run through tsx (when the bundle did not build: worker-bundle.ts), source maps are on, and
  // grpc-js reads the stack of every failed call: mapped through them, that was 7% of a busy
  // fleet process. An installed agent runs its bundle without source maps.
  process.setSourceMapsEnabled(false);
  watchLag();
  const log = createLogger('fleet', process.env.MGMT_LOG_LEVEL ?? 'warn');
  const registered = new Set<number>();
  const unsentRegistered: number[] = [];
  const unsentAtMs: number[] = [];
  const observed = new Map<number, number>();
  const agents: Agent[] = [];
  for (const [index, hostname] of config.hostnames.entries()) {
    const home = path.join(config.dir, hostname);
    const files = path.join(home, 'files');
    fs.mkdirSync(files, { recursive: true });
    const file = path.join(home, 'graph.yaml');
    // A restarted host has its graph file already (rewriting 250 of them was 4 % of a process's restart).
    const text = graphText(hostname, files);
    if (readOrEmpty(file) !== text) fs.writeFileSync(file, text);
    const [client, server] = await hostPorts(home);
    const agent = new Agent(
      {
        hostname,
        seeds: config.seeds,
        clientUrls: [`http://127.0.0.1:${client}`],
        serverUrls: [`http://127.0.0.1:${server}`],
        idealClusterSize: config.idealClusterSize,
        ...(process.env.MGMT_FLEET_LEASE_TTL ? { leaseTtlSeconds: Number(process.env.MGMT_FLEET_LEASE_TTL) } : {}),
        noServer: false,
        dataDir: path.join(home, 'data'),
        graph: { file, graph: parseGraph(text, file) },
        onObserved: (revision) => observed.set(index, revision),
        // The process's own series once: every agent here is this one process.
        processMetrics: index === 0,
      },
      log.child({ host: hostname }),
    );
    agents.push(agent);
  }
  // Every agent is made (its files, ports, metrics, client) before any runs: made one by one
  // between running ones, 250 agents' set-up held this shared event loop for seconds while
  // the first had leases to keep alive. A real agent sets up once, on a host of its own.
  for (const agent of agents) void agent.run();
  let reports = 0;
  const timer = setInterval(() => {
    if (reports++ % (REGISTERED_EVERY_MS / REPORT_EVERY_MS) === 0 && registered.size < agents.length) {
      for (const [index, agent] of agents.entries()) {
        if (registered.has(index)) continue;
        if (agent.status().state.startsWith('volunteer.waiting')) {
          registered.add(index);
          unsentRegistered.push(index);
          unsentAtMs.push(agent.transitions.findLast((t) => t.state.startsWith('volunteer.waiting'))?.atMs ?? Date.now());
        }
      }
    }
    if (unsentRegistered.length > 0) send({ type: 'registered', indexes: unsentRegistered.splice(0), atMs: unsentAtMs.splice(0) });
    if (observed.size > 0) {
      send({ type: 'observed', revisions: [...observed] });
      observed.clear();
    }
  }, REPORT_EVERY_MS);
  process.on('message', (m: FleetProfileRequest) => {
    if (m?.type === 'profile') profile(m).catch((err: unknown) => process.stderr.write(`fleet worker: profile: ${(err as Error).message}\n`));
  });
  send({ type: 'started' });
  process.on('disconnect', () => {
    clearInterval(timer);
    process.exit(0);
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`fleet worker: ${(err as Error).message}\n`);
  process.exit(1);
});
