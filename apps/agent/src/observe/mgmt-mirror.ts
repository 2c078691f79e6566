/**
 * The agent's copy of the `/_mgmt/` keys, kept by one watch: a full read
 * (at the start, and again only after the watch's start revision was
 * compacted) followed by the watch's events. Batches in, the new mirror
 * and the keys that changed out; no I/O. Events update the key map in
 * place (the mirror passed in is not used again): copying thousands of
 * keys for every event, in each of a thousand agents, was most of what a
 * fleet process did. An event at or below the revision
 * the mirror already holds is a repeat (a watch resumed on another member
 * from the last revision seen) and is skipped, so a resume never applies
 * an event twice and, watching from `revision + 1`, never leaves a gap.
 */
import type { KeyValue } from '../cluster/cluster-client.js';

/** One change of a key, as a watch reports it. */
export interface KeyEvent {
  type: 'put' | 'delete';
  kv: KeyValue;
}

/** What the watch hands the mirror. */
export type WatchBatch =
  /** Every key under the prefix as of `revision` (replaces the mirror). */
  | { kind: 'snapshot'; revision: number; kvs: readonly KeyValue[] }
  /** Events up to `revision` (a watch response's header revision). */
  | { kind: 'events'; revision: number; events: readonly KeyEvent[] };

/** The `/_mgmt/` keys as of `revision`. */
export interface MgmtMirror {
  readonly revision: number;
  readonly kvs: ReadonlyMap<string, KeyValue>;
}

/** A mirror that has seen nothing (revision 0: the watch starts with a full read). */
export const EMPTY_MIRROR: MgmtMirror = { revision: 0, kvs: new Map<string, KeyValue>() };

/** Applies one batch; `changed` lists the keys whose value, lease or presence changed. */
export function applyWatchBatch(mirror: MgmtMirror, batch: WatchBatch): { mirror: MgmtMirror; changed: string[] } {
  if (batch.kind === 'snapshot') {
    const next = new Map(batch.kvs.map((kv) => [kv.key, kv]));
    const changed: string[] = [];
    for (const [key, kv] of next) if (!sameKeyValue(mirror.kvs.get(key), kv)) changed.push(key);
    for (const key of mirror.kvs.keys()) if (!next.has(key)) changed.push(key);
    return { mirror: { revision: Math.max(batch.revision, 0), kvs: next }, changed };
  }
  const kvs = mirror === EMPTY_MIRROR ? new Map<string, KeyValue>() : (mirror.kvs as Map<string, KeyValue>);
  const changed = new Set<string>();
  for (const e of batch.events) {
    const at = e.kv.modRevision ?? batch.revision;
    if (at <= mirror.revision) continue;
    if (e.type === 'put') {
      if (!sameKeyValue(kvs.get(e.kv.key), e.kv)) changed.add(e.kv.key);
      kvs.set(e.kv.key, e.kv);
    } else if (kvs.delete(e.kv.key)) {
      changed.add(e.kv.key);
    }
  }
  return { mirror: { revision: Math.max(mirror.revision, batch.revision), kvs }, changed: [...changed] };
}

function sameKeyValue(a: KeyValue | undefined, b: KeyValue): boolean {
  return a !== undefined && a.value === b.value && a.lease === b.lease && a.createRevision === b.createRevision;
}
