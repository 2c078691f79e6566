/**
 * Watches for the chaos runner, on the raw etcd v3 Watch stream (the etcd3
 * client's own watcher resumes from the revision in a response header, which
 * can skip events, so it is not used): a `PrefixWatcher` follows a key prefix
 * from a start revision through the faults, moving to another agent after an
 * error and every few seconds, always resuming at the last revision it saw + 1;
 * `readStoreHistory` reads one agent's whole event history of the prefix.
 * Every event received is recorded as it came, duplicates and all: judging
 * it is `checks.ts`'s job.
 */
import type { Etcd3, IWatchResponse } from 'etcd3';
import type { Rng } from './rng.js';
import { sleep } from './cluster.js';
import { makeClient } from './workload.js';

/** One event as a watch delivered it. */
export interface WatchEvent {
  revision: number;
  key: string;
  /** The value put, or null for a delete. */
  value: string | null;
}

/** One watch stream of a PrefixWatcher, for reports. */
export interface WatchSession {
  host: string;
  startRevision: number;
  events: number;
  /** Why it ended: `rotate`, `stop`, `error: ...`, `end`, `canceled: ...`. */
  end?: string;
}

/** The end of the key range `[prefix, end)` holding every key that starts with `prefix`. */
export function prefixEnd(prefix: string): Buffer {
  const b = Buffer.from(prefix);
  for (let i = b.length - 1; i >= 0; i--) {
    if ((b[i] ?? 0xff) < 0xff) {
      const out = b.subarray(0, i + 1);
      out[i] = (out[i] ?? 0) + 1;
      return out;
    }
  }
  return Buffer.from([0]);
}

/** Why a watch stream ended, or `compacted` with the compaction revision. */
type StreamEnd = { reason: string; compactRevision?: number };

/**
 * Opens one Watch stream on `client` from `startRevision`, hands each response's
 * events to `onEvents`, and resolves when the stream fails or ends, when
 * `done()` holds (polled every 50 ms) or after `maxMs`.
 */
async function watchStream(client: Etcd3, prefix: string, startRevision: number, onEvents: (events: WatchEvent[]) => void, done: () => boolean, maxMs: number): Promise<StreamEnd> {
  let stream: Awaited<ReturnType<Etcd3['watchClient']['watch']>>;
  try {
    // a paused agent may never answer: bound the wait for the stream
    stream = await Promise.race([client.watchClient.watch(), sleep(3000).then(() => Promise.reject(new Error('no stream in 3 s')))]);
  } catch (err) {
    return { reason: `error: ${err instanceof Error ? err.message : String(err)}` };
  }
  let poll: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  try {
    return await new Promise<StreamEnd>((resolve) => {
      poll = setInterval(() => {
        if (done()) resolve({ reason: 'stop' });
      }, 50);
      deadline = setTimeout(() => resolve({ reason: 'rotate' }), maxMs);
      stream.on('data', (res: IWatchResponse) => {
        if (res.compact_revision && res.compact_revision !== '0') resolve({ reason: `compacted at ${res.compact_revision}`, compactRevision: Number(res.compact_revision) });
        else if (res.canceled) resolve({ reason: `canceled: ${res.cancel_reason}` });
        if (res.events.length > 0) {
          onEvents(res.events.map((e) => ({ revision: Number(e.kv.mod_revision), key: e.kv.key.toString(), value: e.type === 'Delete' ? null : e.kv.value.toString() })));
        }
      });
      stream.on('error', (err: Error) => resolve({ reason: `error: ${err.message.slice(0, 80)}` }));
      stream.on('end', () => resolve({ reason: 'end' }));
      stream.write({ create_request: { key: Buffer.from(prefix), range_end: prefixEnd(prefix), start_revision: startRevision } });
    });
  } finally {
    clearInterval(poll);
    clearTimeout(deadline);
    try {
      stream.cancel();
    } catch {
      // already gone
    }
  }
}

/** Follows `prefix` from `startRevision` across agents; see the module comment. */
export class PrefixWatcher {
  readonly events: WatchEvent[] = [];
  readonly sessions: WatchSession[] = [];
  /** Set when an agent said the start revision was compacted away (the check is then void). */
  compactRevision?: number;
  private nextRevision: number;
  private stopping = false;
  private loop?: Promise<void>;

  constructor(
    readonly name: string,
    private readonly hosts: string[],
    private readonly prefix: string,
    readonly startRevision: number,
    private readonly rng: Rng,
  ) {
    this.nextRevision = startRevision;
  }

  /** The highest revision seen so far (startRevision - 1 before any). */
  lastRevision(): number {
    return this.nextRevision - 1;
  }

  /** Starts following. */
  start(): void {
    this.loop = (async () => {
      while (!this.stopping && this.compactRevision === undefined) {
        const host = this.rng.pick(this.hosts);
        const session: WatchSession = { host, startRevision: this.nextRevision, events: 0 };
        this.sessions.push(session);
        const client = makeClient([host]);
        try {
          const end = await watchStream(
            client,
            this.prefix,
            this.nextRevision,
            (events) => {
              session.events += events.length;
              this.events.push(...events);
              for (const e of events) this.nextRevision = Math.max(this.nextRevision, e.revision + 1);
            },
            () => this.stopping,
            this.rng.int(2000, 5000),
          );
          session.end = end.reason;
          if (end.compactRevision !== undefined) this.compactRevision = end.compactRevision;
          if (end.reason.startsWith('error') || end.reason === 'end') await sleep(200);
        } finally {
          client.close();
        }
      }
    })();
  }

  /** Waits until the watcher has seen `revision` (true) or `timeoutMs` passed (false). */
  async reach(revision: number, timeoutMs: number): Promise<boolean> {
    const t0 = performance.now();
    while (this.lastRevision() < revision && this.compactRevision === undefined && performance.now() - t0 < timeoutMs) await sleep(100);
    return this.lastRevision() >= revision;
  }

  /** Stops following and waits for the last stream to close. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }
}

/** One agent's event history of `prefix` from `startRevision` through `untilRevision` (what it had by `timeoutMs`). */
export async function readStoreHistory(host: string, prefix: string, startRevision: number, untilRevision: number, timeoutMs: number): Promise<{ events: WatchEvent[]; complete: boolean; compactRevision?: number; end: string }> {
  const events: WatchEvent[] = [];
  let next = startRevision;
  const t0 = performance.now();
  let end = '';
  const client = makeClient([host]);
  try {
    while (next <= untilRevision && performance.now() - t0 < timeoutMs) {
      const r = await watchStream(
        client,
        prefix,
        next,
        (evs) => {
          events.push(...evs);
          for (const e of evs) next = Math.max(next, e.revision + 1);
        },
        () => next > untilRevision,
        Math.max(100, timeoutMs - (performance.now() - t0)),
      );
      end = r.reason;
      if (r.compactRevision !== undefined) return { events, complete: false, compactRevision: r.compactRevision, end };
      if (next <= untilRevision) await sleep(200);
    }
  } finally {
    client.close();
  }
  return { events, complete: next > untilRevision, end };
}

/** The highest mod revision among the keys under `prefix`, read linearizably through `hosts`; undefined if no agent answered. */
export async function lastPrefixRevision(hosts: string[], prefix: string): Promise<number | undefined> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const client = makeClient(hosts);
    try {
      const res = await client.getAll().prefix(prefix).exec();
      return Math.max(0, ...res.kvs.map((kv) => Number(kv.mod_revision)));
    } catch {
      await sleep(300);
    } finally {
      client.close();
    }
  }
  return undefined;
}
