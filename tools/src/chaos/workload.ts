/**
 * Client loops for the chaos runner: each logical client has its own etcd3
 * connection (no client-side retries) and does random reads, writes of
 * unique values and compare-and-sets on a few keys, recording every
 * operation with its call and return times for the linearizability checker.
 */
import { noop } from 'cockatiel';
import { Etcd3 } from 'etcd3';
import type { Operation } from '@mgmt/testkit/linearizability';
import type { Rng } from './rng.js';

/** Per-call timeout: a write that has not answered by then has an unknown outcome. */
export const CALL_TIMEOUT_MS = 3000;

/** Options of the workload. */
export interface WorkloadOptions {
  clients: number;
  keys: string[];
  /** Client URLs of every agent. */
  hosts: string[];
  rng: Rng;
}

class Timeout extends Error {}

/** Error messages of failed calls (first 60 characters) and how often each occurred, for diagnosis. */
export const errorCounts = new Map<string, number>();

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout(`timed out after ${ms} ms`)), ms);
  });
  p.catch(() => undefined); // a late failure after the timeout is not unhandled
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

/** A client with no retries and no circuit breaker, so each call is one attempt. */
export function makeClient(hosts: string[]): Etcd3 {
  return new Etcd3({ hosts, dialTimeout: 1000, faultHandling: { host: () => noop, global: noop } });
}

/**
 * Does one recorded operation; never throws. A failed read, or any call that
 * gRPC refused before sending it, is recorded with `error` (dropped by the
 * checker); a write or cas that failed otherwise or timed out has an unknown
 * outcome (`return: null`).
 */
export async function recordOp(client: Etcd3, id: number | string, op: Operation['op'], history: Operation[]): Promise<Operation> {
  const call = performance.now();
  let rec: Operation;
  try {
    if (op.kind === 'read') {
      const v = await withTimeout(client.get(op.key).string(), CALL_TIMEOUT_MS);
      rec = { client: id, op, call, return: performance.now(), output: { value: v ?? null } };
    } else if (op.kind === 'write') {
      await withTimeout(client.put(op.key).value(op.value ?? '').exec(), CALL_TIMEOUT_MS);
      rec = { client: id, op, call, return: performance.now(), output: {} };
    } else {
      const r = await withTimeout(
        client
          .if(op.key, 'Value', '==', op.expected ?? '')
          .then(client.put(op.key).value(op.value ?? ''))
          .commit(),
        CALL_TIMEOUT_MS,
      );
      rec = { client: id, op, call, return: performance.now(), output: { ok: r.succeeded } };
    }
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const short = `${op.kind === 'read' ? 'read' : 'write'}: ${msg.slice(0, 60)}`;
    errorCounts.set(short, (errorCounts.get(short) ?? 0) + 1);
    // A failed read tells nothing; a failed write or cas may still have applied: unknown outcome.
    // gRPC's "No connection established" comes from the channel before anything is sent: a definite failure.
    const notSent = msg.includes('No connection established');
    rec = op.kind === 'read' || notSent ? { client: id, op, call, return: performance.now(), output: { error: msg } } : { client: id, op, call, return: null, output: {} };
  }
  history.push(rec);
  return rec;
}

/** A running workload: `stop()` ends the loops and resolves once they all returned. */
export interface Workload {
  history: Operation[];
  stop(): Promise<void>;
}

/** Starts `clients` loops of random operations; see the module comment. */
export function startWorkload(o: WorkloadOptions): Workload {
  const history: Operation[] = [];
  let stopping = false;
  const loops: Promise<void>[] = [];
  const clients: Etcd3[] = [];
  for (let c = 0; c < o.clients; c++) {
    const rng = o.rng.fork();
    const client = makeClient(o.hosts);
    clients.push(client);
    loops.push(
      (async () => {
        const lastRead = new Map<string, string | null>();
        let n = 0;
        while (!stopping) {
          const key = rng.pick(o.keys);
          const r = rng.next();
          const seen = lastRead.get(key);
          let op: Operation['op'];
          if (r < 0.5) op = { kind: 'read', key };
          else if (r < 0.8 || seen === undefined || seen === null) op = { kind: 'write', key, value: `c${c}-${n++}` };
          else op = { kind: 'cas', key, expected: seen, value: `c${c}-${n++}` };
          const rec = await recordOp(client, c, op, history);
          if (op.kind === 'read' && rec.return !== null && rec.output.error === undefined) lastRead.set(key, rec.output.value ?? null);
          if (rec.return === null || rec.output.error !== undefined) await new Promise((res) => setTimeout(res, 50));
        }
      })(),
    );
  }
  return {
    history,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      for (const c of clients) c.close();
    },
  };
}

/** Reads every key once more with a fresh client (retrying a few times) and records the reads as client `final`. */
export async function finalReads(hosts: string[], keys: string[], history: Operation[]): Promise<Map<string, string | null>> {
  const client = makeClient(hosts);
  const out = new Map<string, string | null>();
  try {
    for (const key of keys) {
      for (let attempt = 0; attempt < 10; attempt++) {
        const rec = await recordOp(client, 'final', { kind: 'read', key }, history);
        if (rec.output.error === undefined && rec.return !== null) {
          out.set(key, rec.output.value ?? null);
          break;
        }
        await new Promise((res) => setTimeout(res, 300));
      }
    }
  } finally {
    client.close();
  }
  return out;
}
