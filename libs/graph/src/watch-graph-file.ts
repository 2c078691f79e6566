import { watch as fsWatch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { loadGraphFile } from './parse.js';
import type { Graph } from './types.js';

/**
 * Watches a graph file (through its directory, so editors that replace the
 * file are seen) and calls `onGraph` with each new valid graph, or `onError`
 * when it does not parse. Returns a function that stops watching. Pair it with
 * `engine.replaceGraph` to re-converge when the graph file changes.
 */
export function watchGraphFile(
  path: string,
  handlers: { onGraph(graph: Graph): void; onError(err: unknown): void; debounceMs?: number },
): () => void {
  const name = basename(path);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watcher = fsWatch(dirname(path), (_event, filename) => {
    if (filename !== null && filename.toString() !== name) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      loadGraphFile(path).then(handlers.onGraph, handlers.onError);
    }, handlers.debounceMs ?? 100);
  });
  watcher.on('error', handlers.onError);
  return () => {
    if (timer !== undefined) clearTimeout(timer);
    watcher.close();
  };
}
