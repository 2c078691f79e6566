// The graph runner at a restart: the files it collected in its previous run
// stay in place until the store was read (they used to be deleted by the
// first convergence and written again once the store answered), and the
// ones whose exports vanished meanwhile go once it was.
import fs from 'node:fs';
import path from 'node:path';
import { exportedKey, parseGraph } from '@mgmt/graph';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyValue } from '../src/cluster/cluster-client.js';
import { COLLECTED_FILES, GraphRunner, type GraphStore } from '../src/graph/graph-runner.js';
import { silentLogger } from '../src/log.js';
import { tempDir, waitFor } from './helpers.js';

let tmp: { dir: string; cleanup: () => void };
beforeEach(() => {
  tmp = tempDir('mgmt-graph-runner-');
});
afterEach(() => tmp.cleanup());

/** A store that takes every write (the runner's own keys are not what this test looks at). */
const store: GraphStore = {
  put: async () => undefined,
  apply: async () => 0,
  delete: async () => 0,
  lease: async () => 1,
};

function exported(host: string, name: string, content: string): KeyValue {
  const key = exportedKey(host, { kind: 'file', name });
  return { key, value: JSON.stringify({ name, path: `/anywhere/${name}`, content, state: 'exists' }), lease: 1, createRevision: 5, modRevision: 5 };
}

describe('GraphRunner at a restart', () => {
  it('keeps the collected files until the store was read, then removes only the vanished ones', async () => {
    const collectDir = path.join(tmp.dir, 'collected');
    const dataDir = path.join(tmp.dir, 'data');
    const file = path.join(tmp.dir, 'graph.yaml');
    fs.writeFileSync(file, `graph: g\ncollect:\n- kind: file\n  pattern: "${collectDir}/"\n`);
    const graph = parseGraph(fs.readFileSync(file, 'utf8'), file);
    // The previous run collected f2a and f2b.
    fs.mkdirSync(collectDir, { recursive: true });
    fs.mkdirSync(dataDir, { recursive: true });
    for (const name of ['f2a', 'f2b']) fs.writeFileSync(path.join(collectDir, name), `${name}\n`);
    fs.writeFileSync(path.join(dataDir, COLLECTED_FILES), JSON.stringify(['f2a', 'f2b'].map((n) => path.join(collectDir, n))));

    const runner = new GraphRunner({ hostname: 'hostB', file, graph, dataDir, store, log: silentLogger() });
    try {
      await runner.start();
      expect(runner.converged).toBe(true);
      expect(fs.readdirSync(collectDir).sort()).toEqual(['f2a', 'f2b']);

      // The store says: hostA still exports f2a; f2b's host is gone.
      runner.observe([exported('hostA', 'f2a', 'f2a\n')], 10);
      await waitFor('the vanished f2b removed', () => !fs.existsSync(path.join(collectDir, 'f2b')));
      expect(fs.readFileSync(path.join(collectDir, 'f2a'), 'utf8')).toBe('f2a\n');
      // The list is written after the convergence that removed f2b.
      const list = () => JSON.parse(fs.readFileSync(path.join(dataDir, COLLECTED_FILES), 'utf8')) as string[];
      await waitFor('the list of collected files without f2b', () => JSON.stringify(list()) === JSON.stringify([path.join(collectDir, 'f2a')]));
    } finally {
      await runner.stop();
    }
  });
});
