// The graph runner re-exports an edited graph at once. An edit that
// changes only the exported (@@) resources changes nothing this host
// applies, so its convergence does not change and nothing in the store
// changes either: before, only another host's export change or (on a
// member) the agent's 5 s look made a new plan, and in CI a host without a
// member never published its edit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadGraphFile } from '@mgmt/graph';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyValue } from '../cluster/cluster-client.js';
import { GraphRunner, type GraphStore } from './graph-runner.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function graphText(dir: string, content: string): string {
  return `graph: g
resources:
  file:
  - name: "@@f2"
    path: "${dir}/out/f2"
    content: "${content}"
    state: exists
collect:
- kind: file
  pattern: "${dir}/out/"
edges: []
`;
}

/** A store that records the transactions it is given. */
class RecordingStore implements GraphStore {
  readonly applied: Array<{ key: string; value: string }[]> = [];
  async put(): Promise<void> {}
  async delete(): Promise<number> {
    return 0;
  }
  async lease(): Promise<number> {
    return 7;
  }
  async apply(puts: ReadonlyArray<{ key: string; value: string }>): Promise<number> {
    this.applied.push([...puts]);
    return 0;
  }
}

const until = async (what: string, ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!ok()) throw new Error(`not reached: ${what}`);
};

describe('GraphRunner', () => {
  it('re-exports an edited graph at once, with nothing else changing in the store', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'graph-runner-'));
    dirs.push(dir);
    const file = path.join(dir, 'g.yaml');
    fs.writeFileSync(file, graphText(dir, 'v1'));
    const store = new RecordingStore();
    const logged: string[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(line) });
    const runner = new GraphRunner({ hostname: 'h', file, graph: await loadGraphFile(file), dataDir: dir, store, log });
    await runner.start();
    const exportedValues = () => store.applied.flat().filter((p) => p.key.startsWith('/_mgmt/exported/')).map((p) => p.value);
    try {
      // The first observation writes the v1 export (and the converged flag); the watch then shows them back.
      runner.observe([], 1);
      await until('the v1 export written', () => exportedValues().some((v) => v.includes('v1')));
      const written: KeyValue[] = store.applied.flat().map(({ key, value }) => ({ key, value, lease: 7, createRevision: 2, modRevision: 2 }));
      runner.observe(written, 2);
      await until('settled', () => runner.settled);
      const writes = store.applied.length;
      // The edit changes the export only: nothing local re-converges, no other key changes.
      fs.writeFileSync(file, graphText(dir, 'v2'));
      await until('the edit read', () => logged.some((l) => l.includes('graph file changed')));
      await until('the v2 export written', () => exportedValues().some((v) => v.includes('v2')));
      expect(store.applied.length).toBe(writes + 1);
    } finally {
      await runner.stop();
    }
  });
});
