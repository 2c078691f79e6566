/**
 * The chaos runner's checks beyond linearizability, all against the store's
 * own event history of the workload's keys (read after healing with a watch
 * from the first revision, from every voter). Each returns a list of
 * problems; empty means it holds.
 *
 * - `compareReplicas`: every voter holds the same history (same revisions,
 *   keys and values), as far as each has it.
 * - `checkWrites`: the history is made of the clients' writes: every value in
 *   it was written by a client to that key, at most once; a successful cas
 *   found the value it expected; every acknowledged write or successful cas is
 *   in it (so it is readable, or was overwritten by a later revision); nothing
 *   that definitely failed is in it; revision order respects real time (an
 *   operation that returned before another was called has the lower
 *   revision); and each key's final read is the key's last value.
 * - `checkWatch`: what a watcher saw through the faults is exactly the history
 *   from its start revision to the last revision it saw: revisions strictly
 *   increasing, none missing, none repeated, same keys and values.
 */
import type { Operation } from '@mgmt/testkit/linearizability';
import type { WatchEvent } from './watch.js';

const MAX_PROBLEMS_PER_CHECK = 5;

function describeEvent(e: WatchEvent | undefined): string {
  return e === undefined ? 'nothing' : `rev ${e.revision} ${e.key}=${e.value ?? '(deleted)'}`;
}

function sameEvent(a: WatchEvent | undefined, b: WatchEvent | undefined): boolean {
  return a !== undefined && b !== undefined && a.revision === b.revision && a.key === b.key && a.value === b.value;
}

/** Problems where two agents' histories differ within what both have. */
export function compareReplicas(histories: Map<string, WatchEvent[]>): string[] {
  const problems: string[] = [];
  const [first, ...rest] = [...histories];
  if (first === undefined) return problems;
  for (const [name, events] of rest) {
    const n = Math.min(events.length, first[1].length);
    for (let i = 0; i < n; i++) {
      if (!sameEvent(events[i], first[1][i])) {
        problems.push(`replicas disagree: event #${i} is ${describeEvent(first[1][i])} on ${first[0]} but ${describeEvent(events[i])} on ${name}`);
        break;
      }
    }
  }
  return problems;
}

/** Problems of the store history `events` (from revision 1) against the client operations `history` and the final reads. */
export function checkWrites(events: WatchEvent[], history: Operation[], finals: Map<string, string | null>): string[] {
  const problems: string[] = [];
  const add = (p: string) => {
    if (problems.length < MAX_PROBLEMS_PER_CHECK * 4) problems.push(p);
  };
  const writer = new Map<string, Operation>(); // `${key}\0${value}` -> the write or cas that wrote it
  for (const o of history) if (o.op.kind !== 'read' && o.op.value !== undefined && o.op.value !== null) writer.set(`${o.op.key}\0${o.op.value}`, o);

  const seen = new Map<string, number>(); // `${key}\0${value}` -> revision
  const current = new Map<string, string | null>();
  const ordered: { rev: number; op: Operation }[] = [];
  for (const e of events) {
    const id = `${e.key}\0${e.value ?? ''}`;
    const op = e.value === null ? undefined : writer.get(id);
    const before = current.get(e.key) ?? null;
    current.set(e.key, e.value);
    if (op === undefined) {
      add(`rev ${e.revision}: ${e.key}=${e.value ?? '(deleted)'} was written by no client`);
      continue;
    }
    const again = seen.get(id);
    if (again !== undefined) add(`rev ${e.revision}: ${e.key}=${e.value} applied twice (first at rev ${again})`);
    seen.set(id, e.revision);
    if (op.op.kind === 'cas' && before !== (op.op.expected ?? null)) add(`rev ${e.revision}: cas ${e.key} ${op.op.expected ?? 'null'}->${e.value} applied while the key held ${before ?? 'nothing'}`);
    if (op.output.error !== undefined) add(`rev ${e.revision}: ${e.key}=${e.value} was applied, but its call failed before sending (${op.output.error.slice(0, 60)})`);
    if (op.op.kind === 'cas' && op.output.ok === false) add(`rev ${e.revision}: cas ${e.key} ->${e.value} was applied, but answered "comparison failed"`);
    ordered.push({ rev: e.revision, op });
  }

  for (const o of history) {
    if (o.op.kind === 'read' || o.return === null || o.output.error !== undefined) continue;
    if (o.op.kind === 'cas' && o.output.ok !== true) continue;
    if (!seen.has(`${o.op.key}\0${o.op.value ?? ''}`)) add(`acknowledged ${o.op.kind} ${o.op.key}=${o.op.value ?? ''} (client ${o.client}) is not in the store's history`);
  }

  // real time: scanning from the highest revision, keep the earliest return of any later-revision operation
  let minReturnAfter = Infinity;
  let minOp: { rev: number; op: Operation } | undefined;
  for (let i = ordered.length - 1; i >= 0; i--) {
    const cur = ordered[i];
    if (cur === undefined) continue;
    if (minReturnAfter < cur.op.call && minOp) add(`rev ${cur.rev} (${cur.op.op.key}=${cur.op.op.value ?? ''}) was called after rev ${minOp.rev} (${minOp.op.op.key}=${minOp.op.op.value ?? ''}) had returned`);
    const ret = cur.op.return ?? Infinity;
    if (ret < minReturnAfter) {
      minReturnAfter = ret;
      minOp = cur;
    }
  }

  for (const [key, value] of finals) {
    const last = current.get(key) ?? null;
    if (value !== last) add(`final read of ${key} gave ${value ?? 'nothing'} but the history ends with ${last ?? 'nothing'}`);
  }
  return problems;
}

/** Problems of one watcher's `seen` events against the store history `events` (the watcher started at `startRevision`). */
export function checkWatch(name: string, seen: WatchEvent[], events: WatchEvent[], startRevision: number): string[] {
  const problems: string[] = [];
  let prev: WatchEvent | undefined;
  for (const e of seen) {
    if (prev && (e.revision < prev.revision || (e.revision === prev.revision && e.key <= prev.key))) {
      problems.push(`watcher ${name}: ${describeEvent(e)} came after ${describeEvent(prev)} (${e.revision === prev.revision && e.key === prev.key ? 'duplicate' : 'out of order'})`);
      if (problems.length >= MAX_PROBLEMS_PER_CHECK) return problems;
    }
    prev = e;
  }
  const last = seen[seen.length - 1]?.revision ?? startRevision - 1;
  const expected = events.filter((e) => e.revision >= startRevision && e.revision <= last);
  for (let i = 0; i < Math.max(expected.length, seen.length); i++) {
    const got = seen[i];
    const want = expected[i];
    if (!sameEvent(got, want)) {
      const gap = got !== undefined && want !== undefined && got.revision > want.revision;
      problems.push(`watcher ${name}: event #${i} is ${describeEvent(seen[i])}, the store has ${describeEvent(expected[i])}${gap ? ' (a gap: the watcher missed it)' : ''}`);
      break;
    }
  }
  return problems;
}
