import { watch as fsWatch, type FSWatcher } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DependencyFailedError } from './errors.js';
import { TEMP_PREFIX } from './resources/file.js';
import { createResource, type Resource } from './resources/index.js';
import { dependenciesOf, topoOrder } from './topo.js';
import { isExported, resourceKey, type Graph, type GraphLogger, type ResourceSpec } from './types.js';

/** The outcome for one resource in one convergence. */
export type ResourceOutcome =
  | { key: string; status: 'fine' }
  | { key: string; status: 'applied' }
  | { key: string; status: 'failed'; error: Error };

/** What one convergence did, resource by resource in the order they ran. */
export interface ConvergeReport {
  resources: ResourceOutcome[];
  /** True when no resource failed. */
  converged: boolean;
}

/** Options of createEngine. */
export interface EngineOptions {
  graph: Graph;
  logger: GraphLogger;
  /** Called after every convergence. */
  onConverged?(converged: boolean): void;
  /** Quiet time after a file event before re-converging; default 100 ms. */
  debounceMs?: number;
  /**
   * Paths of collected files written by a previous run (from
   * `engine.collectedFiles()`, persisted by the agent), so files of hosts
   * whose exports vanished while this host was down are still removed.
   */
  collectedFiles?: Iterable<string>;
  /**
   * The collected resources are not known yet (the agent has not read the
   * store since it started): the files of `collectedFiles` are kept, not
   * removed as vanished, until a graph replaced with `{ collectedKnown:
   * true }` (one that holds what is collected) is converged. Without it a
   * restart deleted every collected file and wrote it again once the store
   * was read, and a host that could not reach its cluster lost them all.
   */
  collectedPending?: boolean;
}

/** Converges one graph on this host and keeps it converged. */
export interface Engine {
  /** Converges the current graph once (serialized with any running convergence). */
  converge(): Promise<ConvergeReport>;
  /** Starts watching managed files for drift; edits and removals trigger a convergence. */
  watch(): void;
  /**
   * Swaps the graph and converges (which removes files written for collected
   * resources that are gone). `collectedKnown`: the graph holds every
   * collected resource (ends `collectedPending`, as the graph is swapped in:
   * a convergence of an earlier graph still queued keeps the files).
   */
  replaceGraph(graph: Graph, options?: { collectedKnown?: boolean }): Promise<ConvergeReport>;
  /** Paths of files written for collected resources and not yet removed; persist them across restarts. */
  collectedFiles(): string[];
  /** Stops watching and timers. */
  close(): void;
}

/** Creates an engine; nothing runs until converge() or watch(). */
export function createEngine(options: EngineOptions): Engine {
  const { logger } = options;
  const debounceMs = options.debounceMs ?? 100;
  let graph = options.graph;
  let instances = instantiate(graph, logger);
  let watching = false;
  let closed = false;
  const watchers = new Map<string, FSWatcher>();
  let debounceTimer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<unknown> = Promise.resolve();
  /** Paths of collected file resources this engine has written (deleted when they disappear). */
  const collectedFilesWritten = new Set<string>(options.collectedFiles ?? []);
  let collectedPending = options.collectedPending ?? false;

  const convergeOnce = async (): Promise<ConvergeReport> => {
    await removeVanishedCollectedFiles();
    const deps = dependenciesOf(graph.edges);
    const failed = new Set<string>();
    const outcomes: ResourceOutcome[] = [];
    for (const { spec, resource } of instances) {
      const key = resourceKey(spec);
      const failedDep = (deps.get(key) ?? []).find((d) => failed.has(d));
      try {
        if (failedDep !== undefined) throw new DependencyFailedError(failedDep);
        if (await resource.check()) {
          outcomes.push({ key, status: 'fine' });
        } else {
          await resource.apply();
          outcomes.push({ key, status: 'applied' });
          logger.info({ resource: key }, 'applied');
        }
        if (spec.kind === 'file' && spec.collectedFrom !== undefined && spec.state === 'exists') {
          collectedFilesWritten.add(spec.path);
        }
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        failed.add(key);
        outcomes.push({ key, status: 'failed', error });
        logger.warn({ resource: key, err: error }, 'resource failed');
      }
    }
    const report = { resources: outcomes, converged: failed.size === 0 };
    ensureWatchers();
    options.onConverged?.(report.converged);
    return report;
  };

  const converge = (): Promise<ConvergeReport> => {
    const next = running.then(convergeOnce);
    running = next.catch(() => undefined);
    return next;
  };

  const onFileEvent = (): void => {
    if (closed) return;
    if (debounceTimer !== undefined) clearTimeout(debounceTimer);
    debounceTimer = setTimeout(() => {
      debounceTimer = undefined;
      converge().catch((err: unknown) => logger.error({ err }, 'convergence failed'));
    }, debounceMs);
  };

  /** Managed file names by directory, for the current graph. */
  const managedByDir = (): Map<string, Set<string>> => {
    const byDir = new Map<string, Set<string>>();
    for (const { spec } of instances) {
      if (spec.kind !== 'file') continue;
      const dir = dirname(spec.path);
      byDir.set(dir, (byDir.get(dir) ?? new Set()).add(basename(spec.path)));
    }
    return byDir;
  };

  /**
   * Watches every directory holding a managed file that is not watched yet.
   * Called after each convergence too, because a directory may only exist
   * once the engine has created the file in it.
   */
  const ensureWatchers = (): void => {
    if (!watching || closed) return;
    for (const [dir, names] of managedByDir()) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = fsWatch(dir, (_event, filename) => {
          // Some platforms give no filename: treat that as a possible change.
          if (filename === null) return onFileEvent();
          const name = filename.toString();
          if (name.startsWith(TEMP_PREFIX)) return;
          if (names.has(name)) onFileEvent();
        });
        watcher.on('error', (err) => {
          logger.warn({ dir, err: err.message }, 'watch failed; will retry after the next convergence');
          watcher.close();
          watchers.delete(dir);
          onFileEvent();
        });
        watchers.set(dir, watcher);
      } catch (err) {
        // A directory the first convergence has not created yet is normal: it is watched after that convergence.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        logger.warn({ dir, err: (err as Error).message }, 'cannot watch directory; will retry after the next convergence');
      }
    }
  };

  const stopWatchers = (): void => {
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };

  const removeVanishedCollectedFiles = async (): Promise<void> => {
    if (collectedPending) return;
    const stillCollected = new Set(
      graph.resources.flatMap((r) => (r.kind === 'file' && r.collectedFrom !== undefined ? [r.path] : [])),
    );
    for (const path of [...collectedFilesWritten]) {
      if (stillCollected.has(path)) continue;
      try {
        await rm(path, { force: true });
        collectedFilesWritten.delete(path);
        logger.info({ path }, 'removed file of a collected resource that disappeared');
      } catch (err) {
        // Kept in the set: retried at the next convergence.
        logger.warn({ path, err }, 'cannot remove file of a collected resource that disappeared');
      }
    }
  };

  return {
    converge,
    collectedFiles: () => [...collectedFilesWritten].sort(),
    watch() {
      watching = true;
      ensureWatchers();
    },
    async replaceGraph(next, replaceOptions) {
      const done = running.then(async () => {
        graph = next;
        if (replaceOptions?.collectedKnown) collectedPending = false;
        instances = instantiate(graph, logger);
        stopWatchers(); // the set of managed files changed
        ensureWatchers();
      });
      running = done.catch(() => undefined);
      await done;
      return converge();
    },
    close() {
      closed = true;
      watching = false;
      if (debounceTimer !== undefined) clearTimeout(debounceTimer);
      stopWatchers();
    },
  };
}

function instantiate(graph: Graph, logger: GraphLogger): Array<{ spec: ResourceSpec; resource: Resource }> {
  const local = graph.resources.filter((r) => !isExported(r));
  return topoOrder(local, graph.edges).map((spec) => ({ spec, resource: createResource(spec, { logger }) }));
}
