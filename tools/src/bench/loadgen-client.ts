/**
 * The driver's handle on the load-generator child process: forks it (with
 * tsx), sends one job at a time and waits for the answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FailoverJob, FromChild, InstantResult, Job, JobResult, ToChild } from './protocol.js';
import type { ProcessRegistry } from './processes.js';

/** The load generator failed a job. */
export class LoadGenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadGenError';
  }
}

/** A running load-generator child. */
export class LoadGen {
  private constructor(private readonly child: ChildProcess) {}

  /** Forks the child and registers it for cleanup. */
  static start(registry: ProcessRegistry): LoadGen {
    const entry = path.join(import.meta.dirname, 'loadgen.ts');
    const child = fork(entry, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    registry.track(child);
    return new LoadGen(child);
  }

  /** The child's pid (its CPU use is on the same machine as the servers). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Runs one job and resolves with its result. */
  run<R extends JobResult = JobResult>(job: Job): Promise<R> {
    return this.exchange<R>(job, () => undefined);
  }

  /**
   * Runs a failover job: once the child writes steadily, `kill` runs (it
   * SIGKILLs the leader and returns the epoch time it did so), the child is
   * told, and the result is the time to the next successful write in ms.
   */
  async failover(job: FailoverJob, kill: () => Promise<number>): Promise<number> {
    let killedAt = 0;
    const r = await this.exchange<InstantResult>(job, (msg) => {
      if (msg.type !== 'ready') return;
      void kill().then((at) => {
        killedAt = at;
        this.send({ type: 'killed', atMs: at });
      });
    });
    return r.atMs - killedAt;
  }

  /** Ends the child. */
  close(): void {
    if (this.child.connected) this.child.disconnect();
  }

  private send(msg: ToChild): void {
    this.child.send(msg);
  }

  private exchange<R extends JobResult>(job: Job, onOther: (msg: FromChild) => void): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const onMessage = (msg: FromChild): void => {
        if (msg.type === 'result') {
          cleanup();
          resolve(msg.result as R);
        } else if (msg.type === 'error') {
          cleanup();
          reject(new LoadGenError(`${job.kind}: ${msg.message}`));
        } else onOther(msg);
      };
      const onExit = (): void => {
        cleanup();
        reject(new LoadGenError(`load generator exited during ${job.kind}`));
      };
      const cleanup = (): void => {
        this.child.off('message', onMessage);
        this.child.off('exit', onExit);
      };
      this.child.on('message', onMessage);
      this.child.on('exit', onExit);
      this.send({ type: 'job', job });
    });
  }
}
