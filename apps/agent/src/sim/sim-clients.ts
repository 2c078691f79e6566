/**
 * The simulated cluster's users: a few clients that write, read and
 * compare-and-set a handful of application keys through the host they are
 * attached to, during the faults and after, as an etcd client would:
 * writes and compare-and-sets are proposed through the leader that host
 * reaches and acknowledged when applied; reads are linearizable (the
 * leader's ReadIndex, then its applied state). Every operation is recorded
 * with its call and return as event numbers (never simultaneous), an
 * operation whose outcome the client cannot know (its deadline passed after
 * the proposal went out) without a return. The history is judged by the
 * linearizability checker, and every acknowledged write must still be in
 * the store when the run ends (no acknowledged write is lost).
 */
import type { ApplyResult } from '@mgmt/kv';
import { checkHistory, formatReport, type Operation, type RegisterValue } from '@mgmt/testkit/linearizability';
import type { SimMember } from './sim-member.js';
import { NoLeaderError, type SimWorld } from './sim-world.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The keys the clients use: few, so that operations meet. */
const KEYS = ['/app/a', '/app/b', '/app/c'];
/** The chance that an idle client starts an operation in a step (20 ms): about three a second each. */
const OPERATION_CHANCE = 0.06;
/** How long a client waits for a linearizable read (its deadline). */
const READ_TIMEOUT_MS = 3_000;
/** The checker's search budget per key (steps, not time: a run replays exactly). */
const CHECK_STEPS_PER_KEY = 2_000_000;

/** A write the client was told succeeded, with the revision it was told (0: not told). */
interface Acknowledged {
  key: string;
  value: string;
  revision: number;
}

/** Test-only switches of the clients. */
export interface ClientBugs {
  /** Reads are served from the state of the member the client's host runs (serializable), not through the leader's ReadIndex. */
  staleReads?: boolean;
}

/** The clients of one run; see the file comment. */
export class SimClients {
  private readonly history: Operation[] = [];
  private readonly acknowledged: Acknowledged[] = [];
  private readonly busy: boolean[];
  private event = 0;
  private written = 0;
  /** Operations still waiting for their answer. */
  private pending = 0;

  constructor(
    private readonly world: SimWorld,
    clients: number,
    private readonly bugs: ClientBugs = {},
  ) {
    this.busy = new Array<boolean>(clients).fill(false);
  }

  /** One world step: an idle client starts its next operation, now and then. */
  step(): void {
    const hosts = [...this.world.hosts.values()].filter((h) => h.alive && !h.done);
    if (hosts.length === 0) return;
    for (let c = 0; c < this.busy.length; c++) {
      if (this.busy[c] || !this.world.rng.chance(OPERATION_CHANCE)) continue;
      const host = this.world.rng.pick(hosts).address;
      const key = this.world.rng.pick(KEYS);
      const roll = this.world.rng.int(100);
      this.busy[c] = true;
      this.pending++;
      const done = () => {
        this.busy[c] = false;
        this.pending--;
      };
      const op = roll < 45 ? this.write(c, host, key) : roll < 80 ? this.read(c, host, key) : this.cas(c, host, key);
      void op.then(done, done);
    }
  }

  /** Whether an operation is still waiting for its answer. */
  get idle(): boolean {
    return this.pending === 0;
  }

  /** Reads every key once more, linearizably, after the faults stopped (the history's last word on each key). */
  readAll(host: string): void {
    for (const key of KEYS) {
      this.pending++;
      const done = () => {
        this.pending--;
      };
      void this.read(-1, host, key).then(done, done);
    }
  }

  private nextEvent(): number {
    return ++this.event;
  }

  /** A put by `client` through `host` (what the clients do on their own; tests call it to aim one). */
  async write(client: number, host: string, key: string): Promise<void> {
    const value = `v${++this.written}`;
    const record: Operation = { client, op: { kind: 'write', key, value }, call: this.nextEvent(), return: null, output: {} };
    this.history.push(record);
    try {
      const r = await this.world.propose(host, { put: { key: enc.encode(key), value: enc.encode(value) } });
      record.return = this.nextEvent();
      if (!r.ok) record.output = { error: r.error.message };
      else this.acknowledged.push({ key, value, revision: r.revision });
    } catch (err) {
      // Refused before it was proposed: no effect. Timed out after: the outcome is unknown (no return).
      if (err instanceof NoLeaderError) {
        record.return = this.nextEvent();
        record.output = { error: err.message };
      }
    }
  }

  private async cas(client: number, host: string, key: string): Promise<void> {
    const expected = this.lastWritten(key);
    const value = `v${++this.written}`;
    const record: Operation = { client, op: { kind: 'cas', key, expected, value }, call: this.nextEvent(), return: null, output: {} };
    this.history.push(record);
    const k = enc.encode(key);
    const compare =
      expected === null
        ? { key: k, target: 1, result: 0, createRevision: 0 } // CREATE == 0: the key is absent
        : { key: k, target: 3, result: 0, value: enc.encode(expected) }; // VALUE == expected
    try {
      const r: ApplyResult = await this.world.propose(host, { txn: { compare: [compare], success: [{ requestPut: { key: k, value: enc.encode(value) } }], failure: [] } });
      record.return = this.nextEvent();
      if (!r.ok) {
        record.output = { error: r.error.message };
        return;
      }
      const swapped = (r.response as { succeeded?: boolean }).succeeded === true;
      record.output = { ok: swapped };
      if (swapped) this.acknowledged.push({ key, value, revision: r.revision });
    } catch (err) {
      if (err instanceof NoLeaderError) {
        record.return = this.nextEvent();
        record.output = { error: err.message };
      }
    }
  }

  /** The newest value this run wrote to `key` (a likely current value, so that compare-and-sets succeed now and then). */
  private lastWritten(key: string): RegisterValue {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const o = this.history[i]!;
      if (o.op.key === key && o.op.kind !== 'read') return o.op.value ?? null;
    }
    return null;
  }

  private async read(client: number, host: string, key: string): Promise<void> {
    const record: Operation = { client, op: { kind: 'read', key }, call: this.nextEvent(), return: null, output: {} };
    this.history.push(record);
    const leader = this.bugs.staleReads ? this.world.hosts.get(host)?.facts.peer : this.world.leaderFor(host);
    if (!leader || leader.stopped) {
      record.return = this.nextEvent();
      record.output = { error: 'no leader reachable' };
      return;
    }
    try {
      const value = await this.withDeadline(this.readAt(leader, key));
      record.return = this.nextEvent();
      record.output = { value };
    } catch (err) {
      // A read that failed changed nothing: the checker drops it.
      record.return = this.nextEvent();
      record.output = { error: (err as Error).message };
    }
  }

  private async readAt(leader: SimMember, key: string): Promise<RegisterValue> {
    if (!this.bugs.staleReads) {
      const index = await leader.driver.readIndex();
      await leader.driver.waitApplied(index);
    }
    const kv = leader.state.kv.range({ key: enc.encode(key) }).kvs[0];
    return kv ? dec.decode(kv.value ?? new Uint8Array()) : null;
  }

  private withDeadline<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const cancel = this.world.clock.after(READ_TIMEOUT_MS, () => reject(new Error('read timed out')));
      p.then(
        (v) => {
          cancel();
          resolve(v);
        },
        (err: unknown) => {
          cancel();
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  /** Violations of the history (linearizability) and of the store (acknowledged writes lost), checked on `leader`. */
  check(leader: SimMember | undefined): string[] {
    const violations: string[] = [];
    const result = checkHistory(this.history, { maxStepsPerKey: CHECK_STEPS_PER_KEY, maxMs: Number.POSITIVE_INFINITY });
    if (result.status === 'not-linearizable') violations.push(`client history is not linearizable:\n${formatReport(this.history, result)}`);
    else if (result.status === 'unknown') violations.push(`client history undecided within the checker's budget (${result.undecidedKeys.join(', ')})`);
    if (!leader) return violations;
    for (const w of this.acknowledged) {
      const lost = this.lostOn(leader, w);
      if (lost) violations.push(`acknowledged write lost: ${w.key}=${w.value} at revision ${w.revision}: ${lost}`);
    }
    return violations;
  }

  /**
   * Why `w` is not in `m`'s store (undefined when it is): every value is
   * written once, so the key's history (a watch from its first revision)
   * must hold it, at the revision the client was told. If that history was
   * compacted away, the key's last write can at least not be older.
   */
  private lostOn(m: SimMember, w: Acknowledged): string | undefined {
    const key = enc.encode(w.key);
    const history = new Map<string, number>();
    let compacted = false;
    const watcher = m.state.kv.watch({ key, startRevision: 1 }, (d) => {
      if (d.kind === 'compacted') compacted = true;
      else for (const e of d.events) if (e.kv?.value) history.set(dec.decode(e.kv.value), Number(e.kv.modRevision ?? 0));
      return true;
    });
    watcher.cancel();
    const at = history.get(w.value);
    if (at !== undefined) return w.revision === 0 || at === w.revision ? undefined : `it is at revision ${at}, not ${w.revision}`;
    if (!compacted) return `no revision of the key holds it`;
    const now = m.state.kv.range({ key }).kvs[0];
    return now && Number(now.modRevision ?? 0) >= w.revision ? undefined : `the key was last written at revision ${String(now?.modRevision ?? 'never')}`;
  }
}
