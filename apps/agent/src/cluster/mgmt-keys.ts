/**
 * The leader's `/_mgmt/` keys as strings, kept by a watch on its own store.
 * The nominator builds a view of the cluster whenever those keys change,
 * and with a thousand agents registering that was every 100 ms tick; each
 * view read and decoded every key under `/_mgmt/` (volunteers, status,
 * endpoints, exports: thousands) several times over. Here each change is
 * decoded once, when it is applied; a view reads the decoded items, sorted
 * by key as a range read gives them, and the sorted lists are kept until
 * the next change of their group (`/_mgmt/volunteers/`, `/_mgmt/status/`, ...).
 */
import { MGMT_PREFIX } from '@mgmt/cluster-fsm';
import { prefixEnd, type KvStore, type Watcher } from '@mgmt/kv';
import type { KeyValue } from './cluster-client.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Where the view reads keys from: every key under a prefix, ascending. */
export interface KeySource {
  under(prefix: string): readonly KeyValue[];
}

/** The group of `key`: its prefix up to the slash after `/_mgmt/<segment>`, or `/_mgmt/` for a key without one. */
function groupOf(key: string): string {
  const slash = key.indexOf('/', MGMT_PREFIX.length);
  return slash < 0 ? MGMT_PREFIX : key.slice(0, slash + 1);
}

const byKey = (a: KeyValue, b: KeyValue): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A KeySource that reads the store each time, decoding every key (tests, and one-off reads). */
export function storeKeys(kv: KvStore): KeySource {
  return {
    under(prefix: string): KeyValue[] {
      const key = enc.encode(prefix);
      return kv.range({ key, rangeEnd: enc.encode(prefixEnd(prefix)) }).kvs.map((item) => ({
        key: dec.decode(item.key),
        value: dec.decode(item.value),
        lease: Number(item.lease ?? 0),
        createRevision: Number(item.createRevision ?? 0),
      }));
    },
  };
}

/** See the file comment. */
export class MgmtKeys implements KeySource {
  private readonly groups = new Map<string, Map<string, KeyValue>>();
  private readonly sorted = new Map<string, KeyValue[]>();
  private all: KeyValue[] | undefined;
  private watcher: Watcher | undefined;
  private stopped = false;
  /** Counts changes (and reloads): equal versions, equal contents. */
  version = 0;

  constructor(
    private readonly kv: KvStore,
    /** Subscribes to the store being replaced by a snapshot (AgentState.onRestore). */
    onRestore: (fn: () => void) => () => void,
  ) {
    this.offRestore = onRestore(() => this.reload());
    this.reload();
  }

  private readonly offRestore: () => void;

  /** Every key under `prefix`, ascending by key (a list kept until its group changes). */
  under(prefix: string): readonly KeyValue[] {
    if (prefix === MGMT_PREFIX) return (this.all ??= [...this.groups.values()].flatMap((g) => [...g.values()]).sort(byKey));
    if (prefix.startsWith(MGMT_PREFIX) && groupOf(prefix) === prefix) {
      let list = this.sorted.get(prefix);
      if (list === undefined) this.sorted.set(prefix, (list = [...(this.groups.get(prefix)?.values() ?? [])].sort(byKey)));
      return list;
    }
    return this.under(MGMT_PREFIX).filter((item) => item.key.startsWith(prefix));
  }

  /** Stops following the store. */
  stop(): void {
    this.stopped = true;
    this.watcher?.cancel();
    this.watcher = undefined;
    this.offRestore();
  }

  /** Reads every key again and watches from there (at the start, after a restore, or when the watch was compacted away). */
  private reload(): void {
    if (this.stopped) return;
    this.watcher?.cancel();
    this.groups.clear();
    this.changed(undefined);
    for (const item of storeKeys(this.kv).under(MGMT_PREFIX)) this.set(item);
    const key = enc.encode(MGMT_PREFIX);
    this.watcher = this.kv.watch({ key, rangeEnd: enc.encode(prefixEnd(MGMT_PREFIX)), startRevision: this.kv.revision + 1 }, (d) => {
      if (d.kind === 'compacted') {
        // Not inside the store's delivery: read again once it is done.
        queueMicrotask(() => this.reload());
        return true;
      }
      for (const e of d.events) {
        const k = dec.decode(e.kv!.key!);
        if (e.type === 1) this.delete(k);
        else this.set({ key: k, value: dec.decode(e.kv!.value!), lease: Number(e.kv!.lease ?? 0), createRevision: Number(e.kv!.createRevision ?? 0) });
      }
      return true;
    });
  }

  private set(item: KeyValue): void {
    const group = groupOf(item.key);
    let map = this.groups.get(group);
    if (map === undefined) this.groups.set(group, (map = new Map()));
    map.set(item.key, item);
    this.changed(group);
  }

  private delete(key: string): void {
    const group = groupOf(key);
    const map = this.groups.get(group);
    if (!map?.delete(key)) return;
    if (map.size === 0) this.groups.delete(group);
    this.changed(group);
  }

  /** Forgets the sorted lists `group` (every group when undefined) is in. */
  private changed(group: string | undefined): void {
    this.version++;
    this.all = undefined;
    if (group === undefined) this.sorted.clear();
    else this.sorted.delete(group);
  }
}
