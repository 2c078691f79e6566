/**
 * Runs `mgmt run --file`: converges the host's resource graph with the
 * engine of libs/graph, keeps its exported (`@@`) resources and its
 * converged flag in the store on the agent's lease (so they vanish with the
 * host), and collects the resources every host exports, its own included.
 * The agent hands it the `/_mgmt/` keys its watch mirrors after every change
 * (`observe`); the runner reacts to changes, and writes its exports and
 * converged flag in one transaction per change.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  collectResources,
  createEngine,
  exportedKey,
  exportedKeyPrefix,
  exportedResources,
  watchGraphFile,
  type CollectedResource,
  type Engine,
  type Graph,
} from '@mgmt/graph';
import type { KeyValue } from '../cluster/cluster-client.js';
import type { Logger } from '../log.js';
import { collectedFromStore, convergedKey, planExports, withPendingWrites, type PendingWrites } from './exports.js';

/** How the runner writes to the cluster store. */
export interface GraphStore {
  put(key: string, value: string, lease: number): Promise<void>;
  /** Puts and deletes in one transaction (all on `lease`); resolves with the revision it made (0: not known). */
  apply(puts: ReadonlyArray<{ key: string; value: string }>, deletes: readonly string[], lease: number): Promise<number>;
  delete(key: string): Promise<number>;
  /** The agent's lease (granted on first use); the exports live on it. */
  lease(): Promise<number>;
}

export interface GraphRunnerOptions {
  hostname: string;
  /** The graph file, watched for edits. */
  file: string;
  /** The graph as loaded (and validated) from `file`. */
  graph: Graph;
  /** Where the list of collected files survives restarts. */
  dataDir: string;
  store: GraphStore;
  log: Logger;
}

/** Name of the file (in the data directory) listing the collected files written. */
export const COLLECTED_FILES = 'collected-files.json';

export class GraphRunner {
  private localGraph: Graph;
  private readonly engine: Engine;
  private collected: CollectedResource[] = [];
  private collectedText = '[]';
  private stopWatchingFile: (() => void) | undefined;
  private reconciling = false;
  private lastStored: readonly KeyValue[] | undefined;
  /** The mirror's revision `lastStored` is at (0: not known). */
  private lastRevision = 0;
  /** The collected-files list as last written (or read at the start). */
  private persisted: string;
  /** Whether the store was observed since the start (before it, collected files are kept: engine's `collectedPending`). */
  private observed = false;
  private closed = false;
  /** What this runner last wrote to each key: a key that no longer holds it was touched by someone else. */
  private readonly written = new Map<string, string>();
  /** Writes the watch has not reported back yet (see withPendingWrites). */
  private readonly pending: PendingWrites = { puts: new Map(), deletes: new Map() };
  /** The last attempt to publish the exports failed (the agent's retry tick tries again). */
  private reconcileFailed = false;
  /**
   * The graph file or the converged flag changed and no export plan was
   * made since. A plan is asked for at once, and until one is made the
   * runner is not settled, so the agent's retry tick hands it the keys
   * again (that ask is turned away while a plan made before is still being
   * written). An edit of the exported (@@) resources alone changes nothing
   * this host applies: its convergence stays as it was and nothing in the
   * store changes, so before this, on a host without a member (a peer
   * looks every 5 s), the edit was published only at another host's next
   * export change. Seen in CI: an edited graph not re-exported in 30 s.
   */
  private exportsStale = false;
  /** Whether the last convergence succeeded (undefined before the first). */
  converged: boolean | undefined;

  constructor(private readonly o: GraphRunnerOptions) {
    this.localGraph = o.graph;
    const log = o.log;
    const collectedFiles = readCollectedFiles(path.join(o.dataDir, COLLECTED_FILES), log);
    this.persisted = JSON.stringify([...collectedFiles].sort());
    this.engine = createEngine({
      graph: o.graph,
      logger: { info: (f, m) => log.info(f, m), warn: (f, m) => log.warn(f, m), error: (f, m) => log.error(f, m) },
      collectedFiles,
      // What is collected is known once the store was read: a restart keeps the files it collected until then.
      collectedPending: true,
      onConverged: (ok) => this.onConverged(ok),
    });
  }

  /** Converges the local graph and starts watching managed files and the graph file. */
  async start(): Promise<void> {
    this.engine.watch();
    this.stopWatchingFile = watchGraphFile(this.o.file, {
      onGraph: (g) => {
        this.o.log.info({ file: this.o.file, graph: g.name }, 'graph file changed; converging the new graph');
        this.localGraph = g;
        this.exportsStale = true;
        void this.converge();
        if (this.lastStored) void this.reconcile(this.lastStored);
      },
      onError: (err) => this.o.log.warn({ file: this.o.file, err: (err as Error).message }, 'graph file not usable; keeping the previous graph'),
    });
    await this.converge();
  }

  /**
   * The `/_mgmt/` keys changed: collect what every host exports (and
   * re-converge when that changed), and bring this host's exports and
   * converged flag in the store up to date.
   */
  /** Whether nothing waits for another observation: no export write in flight, unconfirmed or failed. */
  get settled(): boolean {
    return !this.reconciling && !this.reconcileFailed && !this.exportsStale && this.pending.puts.size === 0 && this.pending.deletes.size === 0;
  }

  /** The kinds the graph collects (what it needs of the other hosts' exports: graph-keys.ts). */
  collectKinds(): Set<string> {
    return new Set(this.localGraph.collect.map((rule) => rule.kind));
  }

  /** `stored`: at least the exports of the kinds it collects and this host's own exports and converged flag. */
  observe(stored: readonly KeyValue[], revision = 0): void {
    if (this.closed) return;
    this.lastStored = stored;
    this.lastRevision = revision;
    // Only the kinds this graph collects: another kind's export changes nothing here.
    const collected = collectedFromStore(stored, this.collectKinds());
    const text = JSON.stringify(collected);
    const first = !this.observed;
    this.observed = true;
    if (text !== this.collectedText || first) {
      this.collected = collected;
      this.collectedText = text;
      void this.converge();
    }
    void this.reconcile(stored);
  }

  /** Stops watching; withdraws this host's exports and converged flag (best effort). */
  async stop(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stopWatchingFile?.();
    this.engine.close();
    const mine = exportedKeyPrefix(this.o.hostname);
    const keys = new Set([
      ...exportedResources(this.localGraph).map((r) => exportedKey(this.o.hostname, r)),
      ...(this.lastStored ?? []).filter((kv) => kv.key.startsWith(mine)).map((kv) => kv.key),
      convergedKey(this.o.hostname),
    ]);
    await Promise.allSettled([...keys].map((k) => this.o.store.delete(k)));
  }

  private async converge(): Promise<void> {
    const { graph, skipped } = collectResources(this.localGraph, this.collected);
    for (const s of skipped) this.o.log.warn({ host: s.resource.host, kind: s.resource.kind, name: s.resource.name, reason: s.reason }, 'collected resource skipped');
    try {
      const report = await this.engine.replaceGraph(graph, { collectedKnown: this.observed });
      for (const r of report.resources) if (r.status === 'failed') this.o.log.warn({ resource: r.key, err: r.error?.message }, 'resource failed');
    } catch (err) {
      this.o.log.error({ err: (err as Error).message }, 'convergence failed');
    }
    this.persistCollectedFiles();
  }

  private onConverged(ok: boolean): void {
    const changed = this.converged !== ok;
    this.converged = ok;
    if (changed) this.o.log.info({ converged: ok }, ok ? 'graph converged' : 'graph not converged');
    if (!changed) return;
    this.exportsStale = true;
    if (this.lastStored) void this.reconcile(this.lastStored);
  }

  private async reconcile(stored: readonly KeyValue[]): Promise<void> {
    if (this.reconciling || this.closed) return;
    this.reconciling = true;
    // The plan below is made from the graph as it is now.
    this.exportsStale = false;
    try {
      const lease = await this.o.store.lease();
      // Only this host's own keys matter to its plan (and its pending writes are all among them).
      const mine = exportedKeyPrefix(this.o.hostname);
      const converged = convergedKey(this.o.hostname);
      const own = stored.filter((kv) => kv.key.startsWith(mine) || kv.key === converged);
      const plan = planExports(this.o.hostname, exportedResources(this.localGraph), this.converged, withPendingWrites(own, this.pending, Date.now(), this.lastRevision), lease);
      this.reconcileFailed = false;
      if (plan.puts.length === 0 && plan.deletes.length === 0) return;
      const have = new Map(stored.map((kv) => [kv.key, kv.value]));
      const revision = await this.o.store.apply(plan.puts, plan.deletes, lease);
      const atMs = Date.now();
      for (const { key, value } of plan.puts) this.pending.puts.set(key, { value, lease, atMs, revision });
      for (const key of plan.deletes) this.pending.deletes.set(key, { atMs, revision });
      for (const { key, value } of plan.puts) {
        const before = this.written.get(key);
        if (before !== undefined && have.get(key) !== before) this.o.log.info({ key }, `re-wrote ${key}: ${have.has(key) ? 'its value was changed' : 'it was deleted'}`);
        this.written.set(key, value);
      }
    } catch (err) {
      this.reconcileFailed = true;
      this.o.log.debug({ err: (err as Error).message }, 'publishing exported resources failed; retrying');
    } finally {
      this.reconciling = false;
    }
  }

  private persistCollectedFiles(): void {
    const text = JSON.stringify(this.engine.collectedFiles().sort());
    if (text === this.persisted) return;
    const file = path.join(this.o.dataDir, COLLECTED_FILES);
    try {
      fs.mkdirSync(this.o.dataDir, { recursive: true });
      fs.writeFileSync(`${file}.tmp`, text);
      fs.renameSync(`${file}.tmp`, file);
      this.persisted = text;
    } catch (err) {
      this.o.log.warn({ file, err: (err as Error).message }, 'could not record the collected files');
    }
  }
}

/** The collected files a previous run wrote; a missing or unreadable list is empty (with a warning when unreadable). */
function readCollectedFiles(file: string, log: Logger): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  try {
    const list: unknown = JSON.parse(text);
    if (Array.isArray(list) && list.every((p) => typeof p === 'string')) return list;
  } catch {
    // fall through
  }
  log.warn({ file }, 'ignoring an unreadable list of collected files');
  return [];
}
