/**
 * The pure part of sharing resources through the cluster: which keys this
 * host must put or delete so the store holds exactly its exported resources
 * and its converged flag on its current lease, and which resources of every
 * host (its own included) the store offers for collection. No I/O here.
 */
import { exportedKey, exportedKeyPrefix, type CollectedResource, type ExportedResource } from '@mgmt/graph';
import { MGMT_PREFIX } from '@mgmt/cluster-fsm';
import type { KeyValue } from '../cluster/cluster-client.js';

/** Where every host's exported resources live: `/_mgmt/exported/<host>/<kind>/<name>`. */
export const EXPORTED_PREFIX = `${MGMT_PREFIX}exported/`;

/** Where each host says whether its graph is converged: `/_mgmt/converged/<host>` = `true` | `false`. */
export const CONVERGED_PREFIX = `${MGMT_PREFIX}converged/`;

/** The converged key of `hostname`. */
export function convergedKey(hostname: string): string {
  return `${CONVERGED_PREFIX}${hostname}`;
}

/** What to write so the store matches this host's exports. */
export interface ExportPlan {
  puts: Array<{ key: string; value: string }>;
  deletes: string[];
}

/**
 * Compares the desired exports (and converged flag, when known) with the
 * `/_mgmt/` keys read from the store. A key is (re)written when it is
 * missing, differs, or is held by another lease than `leaseId` (a previous
 * run's lease, about to expire); keys under this host's prefix that are no
 * longer exported are deleted.
 */
export function planExports(
  hostname: string,
  exported: readonly ExportedResource[],
  converged: boolean | undefined,
  stored: readonly KeyValue[],
  leaseId: number,
): ExportPlan {
  const want = new Map<string, string>();
  for (const r of exported) want.set(exportedKey(hostname, r), JSON.stringify(r.spec));
  if (converged !== undefined) want.set(convergedKey(hostname), String(converged));
  const mine = exportedKeyPrefix(hostname);
  const have = new Map<string, KeyValue>();
  for (const kv of stored) if (kv.key.startsWith(mine) || kv.key === convergedKey(hostname)) have.set(kv.key, kv);
  const puts: ExportPlan['puts'] = [];
  for (const [key, value] of want) {
    const kv = have.get(key);
    if (kv === undefined || kv.value !== value || kv.lease !== leaseId) puts.push({ key, value });
  }
  const deletes = [...have.keys()].filter((k) => !want.has(k) && k.startsWith(mine));
  return { puts, deletes };
}

/**
 * The resources every host exports, this host's own included (as mgmt's
 * collect asks every host, its own too), from the `/_mgmt/` keys, sorted by key.
 * Keys that do not have the `<host>/<kind>/<name>` shape, or whose value is
 * not JSON, are skipped (a bad remote host cannot break this one); the graph
 * library validates each spec against its kind when it collects it.
 * With `kinds`, only resources of those kinds (the others' values are not
 * even parsed: a fleet exports a thousand resources a host may not collect).
 */
export function collectedFromStore(stored: readonly KeyValue[], kinds?: ReadonlySet<string>): CollectedResource[] {
  const out: CollectedResource[] = [];
  const exported = stored.filter((kv) => kv.key.startsWith(EXPORTED_PREFIX));
  for (const kv of exported.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const rest = kv.key.slice(EXPORTED_PREFIX.length);
    const first = rest.indexOf('/');
    const second = rest.indexOf('/', first + 1);
    if (first <= 0 || second <= first + 1 || second === rest.length - 1) continue;
    const host = rest.slice(0, first);
    const kind = rest.slice(first + 1, second);
    if (kinds !== undefined && !kinds.has(kind)) continue;
    let spec: unknown;
    try {
      spec = JSON.parse(kv.value);
    } catch {
      continue;
    }
    out.push({ host, kind, name: rest.slice(second + 1), spec });
  }
  return out;
}

/** Writes this host made that its watch may not have reported yet, with when and at which revision (0: not known). */
export interface PendingWrites {
  puts: Map<string, { value: string; lease: number; atMs: number; revision: number }>;
  deletes: Map<string, { atMs: number; revision: number }>;
}

/** How long a write whose revision is not known is assumed to be in flight to the watch before the store's word counts again. */
export const PENDING_WRITE_MS = 5_000;

/**
 * The keys as they will be once this host's own recent writes arrive
 * through the watch: a write the mirror already shows is dropped from
 * `pending`, and so is one the mirror has passed (at `mirrorRevision` it
 * would show it: the key was changed since, which is for the plan to
 * repair); one it has not reached yet is overlaid. A write of unknown
 * revision counts for PENDING_WRITE_MS. Without it, every change the watch
 * reports before this host's own write would plan that write again (with a
 * thousand agents, a storm); and with a time alone, a watch lagging by more
 * than that under a fleet's load re-wrote every export again and again.
 */
export function withPendingWrites(stored: readonly KeyValue[], pending: PendingWrites, nowMs: number, mirrorRevision = 0): KeyValue[] {
  const byKey = new Map(stored.map((kv) => [kv.key, kv]));
  const over = (w: { atMs: number; revision: number }) => (w.revision > 0 ? mirrorRevision >= w.revision : nowMs - w.atMs > PENDING_WRITE_MS);
  for (const [key, w] of pending.puts) {
    const kv = byKey.get(key);
    if ((kv && kv.value === w.value && kv.lease === w.lease) || over(w)) pending.puts.delete(key);
    else byKey.set(key, { key, value: w.value, lease: w.lease, createRevision: kv?.createRevision ?? 0 });
  }
  for (const [key, w] of pending.deletes) {
    if (!byKey.has(key) || over(w)) pending.deletes.delete(key);
    else byKey.delete(key);
  }
  return [...byKey.values()];
}
