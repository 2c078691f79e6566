/**
 * Real `mgmt run` agents on loopback for the chaos runner: start, SIGKILL and
 * restart with the same arguments, SIGSTOP/SIGCONT, and the voter set as the
 * real `etcdctl member list` shows it.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@mgmt/transport/testing';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');
const mgmtBin = path.join(root, 'node_modules/.bin/mgmt');

/** Every child process ever started, so the runner can kill them all on exit. */
const allChildren = new Set<ChildProcess>();

/** SIGKILLs every agent process still alive (safe to call from an exit handler). */
export function killAllChildren(): void {
  for (const c of allChildren) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
}


/** One agent: its fixed arguments and its current process. */
export interface Agent {
  name: string;
  clientUrl: string;
  /** host:port, for etcdctl. */
  endpoint: string;
  /** Its peer URL (`--server-urls`), how fault rules name it. */
  peerUrl: string;
  /** Its `MGMT_FAULT_FILE` (see network.ts). */
  faultFile: string;
  args: string[];
  logFile: string;
  child: ChildProcess;
  /** True while SIGSTOPped. */
  paused: boolean;
  /** Seeds to add on restart when `args` has none (see `Cluster.restart`). */
  restartSeeds?: string[];
  /** How many times the runner restarted it. */
  restarts: number;
}

/** Whether the agent's current process is running (it may be paused). */
export function alive(a: Agent): boolean {
  return a.child.exitCode === null && a.child.signalCode === null;
}

/** Runs etcdctl (API v3) against comma-separated `endpoints`; resolves with stdout. */
export async function etcdctl(endpoints: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('etcdctl', ['--endpoints', endpoints, '--dial-timeout=1s', '--command-timeout=2s', ...args], {
    env: { ...process.env, ETCDCTL_API: '3' },
    timeout: 5000,
  });
  return stdout;
}

/** Where agents run when not on loopback (`--hosts netns`, see netns-hosts.ts): their URLs and how to start them. */
export interface HostPlacement {
  urls(name: string): { clientUrl: string; peerUrl: string; endpoint: string };
  command(name: string, bin: string, args: readonly string[]): [string, string[]];
}

/** A cluster of agents under one temporary directory. */
export class Cluster {
  readonly agents: Agent[] = [];
  private readonly ports = new Map<string, [number, number]>();

  constructor(
    readonly dir: string,
    /** Hosts of their own (default: loopback, free ports). */
    readonly hosts?: HostPlacement,
    /** The agents' `--api-workers` (MGMT_API_WORKERS; absent: their default). */
    readonly apiWorkers?: number,
  ) {}

  /** Allocates ports for `names` up front, so joiners can name every other agent as a seed. */
  async plan(names: string[]): Promise<void> {
    if (this.hosts) return;
    for (const name of names) this.ports.set(name, [await freePort(), await freePort()]);
  }

  /** The client URL `name` has (or will have, once planned). */
  urlOf(name: string): string {
    if (this.hosts) return this.hosts.urls(name).clientUrl;
    const p = this.ports.get(name);
    if (!p) throw new Error(`no ports planned for ${name}`);
    return `http://127.0.0.1:${p[0]}`;
  }

  /** Starts agent `name` on its planned ports (joining `seeds` if given). */
  async start(name: string, ideal: number, seeds?: string[], extra: string[] = []): Promise<Agent> {
    if (!this.hosts && !this.ports.has(name)) await this.plan([name]);
    const [clientPort, serverPort] = this.ports.get(name) ?? [0, 0];
    const placed = this.hosts?.urls(name);
    const clientUrl = placed?.clientUrl ?? `http://127.0.0.1:${clientPort}`;
    const peerUrl = placed?.peerUrl ?? `http://127.0.0.1:${serverPort}`;
    const args = ['run', '--hostname', name, '--client-urls', clientUrl, '--server-urls', peerUrl, '--data-dir', path.join(this.dir, name), '--ideal-cluster-size', String(ideal)];
    if (seeds?.length) args.push('--seeds', seeds.join(','));
    args.push(...extra);
    const logFile = path.join(this.dir, `${name}.log`);
    const faultFile = path.join(this.dir, `${name}.faults.json`);
    const agent: Agent = { name, clientUrl, endpoint: placed?.endpoint ?? `127.0.0.1:${clientPort}`, peerUrl, faultFile, args, logFile, child: this.spawn(args, logFile, faultFile, name), paused: false, restarts: 0 };
    this.agents.push(agent);
    return agent;
  }

  private spawn(args: string[], logFile: string, faultFile: string, name: string): ChildProcess {
    const log = fs.openSync(logFile, 'a');
    fs.writeSync(log, `\n==== chaos: start ${new Date().toISOString()} ${args.join(' ')}\n`);
    const [cmd, cmdArgs] = this.hosts?.command(name, mgmtBin, args) ?? [mgmtBin, args];
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, MGMT_LOG_LEVEL: 'info', MGMT_FAULT_FILE: faultFile, ...(this.apiWorkers === undefined ? {} : { MGMT_API_WORKERS: String(this.apiWorkers) }) } });
    fs.closeSync(log);
    allChildren.add(child);
    child.on('exit', () => allChildren.delete(child));
    return child;
  }

  /** SIGKILLs the agent and waits for the process to be gone. */
  async kill(a: Agent): Promise<void> {
    if (!alive(a)) return;
    const gone = new Promise<void>((resolve) => a.child.once('exit', () => resolve()));
    a.child.kill('SIGKILL');
    a.paused = false;
    await gone;
  }

  /**
   * Starts the agent again with the same arguments (same data dir and ports),
   * exactly as it was first started: the bootstrapper without seeds (its data
   * directory's cluster record brings it back to its cluster). Only with
   * `restartSeeds` set (`--restart-with-seeds`) does it get seeds it never had.
   */
  restart(a: Agent): void {
    if (alive(a)) return;
    const args = a.args.includes('--seeds') || !a.restartSeeds?.length ? a.args : [...a.args, '--seeds', a.restartSeeds.join(',')];
    a.child = this.spawn(args, a.logFile, a.faultFile, a.name);
    a.restarts++;
    a.paused = false;
  }

  /** SIGSTOPs the agent. */
  pause(a: Agent): void {
    if (alive(a) && a.child.kill('SIGSTOP')) a.paused = true;
  }

  /** SIGCONTs the agent. */
  resume(a: Agent): void {
    if (alive(a)) a.child.kill('SIGCONT');
    a.paused = false;
  }

  /** Resumes every paused agent and restarts every dead one; returns the names restarted. */
  heal(): string[] {
    const restarted: string[] = [];
    for (const a of this.agents) {
      if (a.paused) this.resume(a);
      if (!alive(a)) {
        this.restart(a);
        restarted.push(a.name);
      }
    }
    return restarted;
  }

  /** Agents that are running and not paused. */
  up(): Agent[] {
    return this.agents.filter((a) => alive(a) && !a.paused);
  }

  /** Client URLs of all agents (dead or not), for clients. */
  clientUrls(): string[] {
    return this.agents.map((a) => a.clientUrl);
  }

  /** Voter names (started, not learners), sorted, asking each live agent in turn; undefined if none answers. */
  async voters(): Promise<string[] | undefined> {
    for (const a of this.up()) {
      try {
        const out = await etcdctl(a.endpoint, 'member', 'list');
        const names = out
          .trim()
          .split('\n')
          .map((l) => l.split(', '))
          .filter((f) => f[5] === 'false' && f[1] === 'started')
          .map((f) => f[2] ?? '');
        if (names.length > 0) return names.sort();
      } catch {
        // not serving (yet): ask the next one
      }
    }
    return undefined;
  }

  /** Whether every agent named in `names` runs and answers `etcdctl endpoint status` (serves the API). */
  async allServe(names: string[]): Promise<boolean> {
    for (const name of names) {
      const a = this.up().find((x) => x.name === name);
      if (!a) return false;
      try {
        await etcdctl(a.endpoint, 'endpoint', 'status');
      } catch {
        return false;
      }
    }
    return true;
  }

  /** Hex member ids by name from `etcdctl member list` (every member, learners too); undefined if none answers. */
  async memberIds(): Promise<Map<string, string> | undefined> {
    for (const a of this.up()) {
      try {
        const out = await etcdctl(a.endpoint, 'member', 'list');
        const ids = new Map<string, string>();
        for (const f of out.trim().split('\n').map((l) => l.split(', '))) if (f[0] && f[2]) ids.set(f[2], f[0]);
        if (ids.size > 0) return ids;
      } catch {
        // ask the next one
      }
    }
    return undefined;
  }

  /** The current `/_mgmt/idealClusterSize`, read linearizably; undefined if unreadable. */
  async idealSize(): Promise<number | undefined> {
    try {
      const out = await etcdctl(this.up().map((a) => a.endpoint).join(','), 'get', '--print-value-only', '/_mgmt/idealClusterSize');
      const n = Number(out.trim());
      return Number.isInteger(n) && n > 0 ? n : undefined;
    } catch {
      return undefined;
    }
  }

  /** Writes `/_mgmt/idealClusterSize`; resolves false if no live member took it. */
  async setIdealSize(n: number): Promise<boolean> {
    try {
      await etcdctl(this.up().map((a) => a.endpoint).join(','), 'put', '/_mgmt/idealClusterSize', String(n));
      return true;
    } catch {
      return false;
    }
  }

  /** Polls until `check` holds; resolves false after `timeoutMs`. */
  async until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
    const t0 = performance.now();
    while (performance.now() - t0 < timeoutMs) {
      if (await check()) return true;
      await sleep(200);
    }
    return false;
  }

  /** SIGKILLs every agent and waits for them. */
  async stopAll(): Promise<void> {
    for (const a of this.agents) await this.kill(a);
  }
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
