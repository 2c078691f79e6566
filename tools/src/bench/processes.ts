/**
 * The benchmark's child processes: free loopback ports, spawning with a log
 * file, resident memory from /proc, and a registry that kills every process
 * it started when the benchmark ends (normally, on an error or on Ctrl-C).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';

/** A free TCP port on 127.0.0.1 (below the ephemeral range; see @mgmt/transport's testing kit). */
export { freePort } from '@mgmt/transport/testing';


/** Resident set size of process `pid` in bytes (VmRSS), or undefined when it is gone. */
export function residentBytes(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}

/** Resident set sizes of `members` in bytes (NaN for one that is gone). */
export function residentOfMembers(members: ReadonlyArray<{ child: { pid?: number } }>): number[] {
  return members.map((m) => residentBytes(m.child.pid) ?? Number.NaN);
}

/** Byte counts as whole MB, comma-separated (for the log). */
export function megabytes(bytes: readonly number[]): string {
  return bytes.map((b) => (b / 2 ** 20).toFixed(0)).join(', ');
}

/** Whether a child has exited or was killed. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Every process the benchmark started; `killAll` ends them. */
export class ProcessRegistry {
  private readonly children = new Set<ChildProcess>();

  /** Spawns `command` with stdout and stderr appended to `logPath`. */
  spawnLogged(command: string, args: readonly string[], logPath: string, env: NodeJS.ProcessEnv = process.env): ChildProcess {
    const log = fs.openSync(logPath, 'a');
    const child = spawn(command, args, { stdio: ['ignore', log, log], env });
    fs.closeSync(log);
    this.track(child);
    return child;
  }

  /** Adds a child started elsewhere (the load generator). */
  track(child: ChildProcess): void {
    this.children.add(child);
    child.once('exit', () => this.children.delete(child));
  }

  /** Sends `signal` to one child and waits (bounded) for it to exit. */
  async stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGKILL', timeoutMs = 10_000): Promise<void> {
    if (hasExited(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    if ((await Promise.race([exited, timer])) === 'timeout') {
      child.kill('SIGKILL');
      await exited;
    }
  }

  /** SIGKILLs every child still running (synchronous, safe in an exit handler). */
  killAll(): void {
    for (const c of this.children) if (!hasExited(c)) c.kill('SIGKILL');
  }
}

/** Kills every child of `registry` when this process exits or is interrupted (SIGINT, SIGTERM: exit code 130). */
export function killChildrenOnExit(registry: ProcessRegistry): void {
  const onSignal = () => {
    registry.killAll();
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', () => registry.killAll());
}
