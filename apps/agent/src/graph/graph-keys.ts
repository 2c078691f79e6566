/**
 * The mirrored keys a host's graph reads, kept up to date from the watch's
 * changes: the exported resources by kind, and this host's own exports and
 * converged flag. The graph runner was handed every mirrored key (in a
 * fleet, thousands: every host's volunteer key, status, exports and
 * converged flag) and scanned them all for each export edit; a thousand
 * agents sharing a process did that together after every edit, and the
 * next edit waited seconds to be read. Now it gets the exports of the kinds
 * it collects and its own keys, and keeping them costs a look at each
 * changed key. Pure: no I/O.
 */
import type { KeyValue } from '../cluster/cluster-client.js';
import { CONVERGED_PREFIX, EXPORTED_PREFIX, convergedKey } from './exports.js';

/** The kind of an exported key (`/_mgmt/exported/<host>/<kind>/<name>`), or undefined for another key. */
function kindOf(key: string): string | undefined {
  if (!key.startsWith(EXPORTED_PREFIX)) return undefined;
  const first = key.indexOf('/', EXPORTED_PREFIX.length);
  const second = first < 0 ? -1 : key.indexOf('/', first + 1);
  return second > first + 1 ? key.slice(first + 1, second) : undefined;
}

export class GraphKeys {
  private readonly byKind = new Map<string, Map<string, KeyValue>>();
  private readonly own = new Map<string, KeyValue>();
  private readonly ownPrefix: string;
  private readonly ownConverged: string;

  constructor(hostname: string) {
    this.ownPrefix = `${EXPORTED_PREFIX}${hostname}/`;
    this.ownConverged = convergedKey(hostname);
  }

  /** The keys `changed` now hold what `kvs` holds (absent: deleted). */
  update(changed: readonly string[], kvs: ReadonlyMap<string, KeyValue>): void {
    for (const key of changed) {
      const kv = kvs.get(key);
      if (key === this.ownConverged || key.startsWith(this.ownPrefix)) {
        if (kv) this.own.set(key, kv);
        else this.own.delete(key);
      }
      const kind = key.startsWith(CONVERGED_PREFIX) ? undefined : kindOf(key);
      if (kind === undefined) continue;
      let keys = this.byKind.get(kind);
      if (kv) {
        if (keys === undefined) this.byKind.set(kind, (keys = new Map()));
        keys.set(key, kv);
      } else if (keys?.delete(key) && keys.size === 0) {
        this.byKind.delete(kind);
      }
    }
  }

  /** What the graph reads: the exports of `kinds` and this host's own keys (each key once). */
  forGraph(kinds: ReadonlySet<string>): KeyValue[] {
    const out = new Map(this.own);
    for (const kind of kinds) for (const [key, kv] of this.byKind.get(kind) ?? []) out.set(key, kv);
    return [...out.values()];
  }
}
