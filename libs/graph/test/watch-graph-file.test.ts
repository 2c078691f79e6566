// Proves watchGraphFile delivers each new valid graph and reports a broken
// one, so an agent can re-converge when the graph file changes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { GraphError, watchGraphFile, type Graph } from '../src/index.js';
import { tempDir, waitFor } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

it('reports new graphs and parse errors', async () => {
  const path = join(dir, 'g.yaml');
  await writeFile(path, 'graph: one\n');
  const graphs: Graph[] = [];
  const errors: unknown[] = [];
  const stop = watchGraphFile(path, { onGraph: (g) => graphs.push(g), onError: (e) => errors.push(e), debounceMs: 20 });
  try {
    await writeFile(path, 'graph: two\n');
    await waitFor(() => graphs.some((g) => g.name === 'two'), 'graph two');
    await writeFile(path, 'graph: three\nresources:\n  pkg: []\n');
    // A reader may catch the file half-written (an error of its own); wait for the error of the final text.
    await waitFor(() => errors.some((e) => e instanceof GraphError && e.line === 3), 'the parse error at line 3');
    expect(errors.every((e) => e instanceof GraphError)).toBe(true);
  } finally {
    stop();
  }
});
