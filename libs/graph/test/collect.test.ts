// Proves the exported/collected seam: @@ resources are exported without the
// @@, collected ones join the graph under host-prefixed names with the file
// pattern as their directory, and the engine deletes the files it wrote for
// collected resources once they disappear.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyCollected,
  collectResources,
  createEngine,
  exportedKey,
  exportedResources,
  parseGraph,
  type CollectedResource,
} from '../src/index.js';
import { recordingLogger, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const exists = async (path: string) => stat(path).then(() => true, () => false);

const hostA = parseGraph(
  [
    'graph: a',
    'resources:',
    '  file:',
    '  - name: local',
    '    path: /tmp/mgmt/local',
    '  - name: "@@file2"',
    '    path: "/tmp/mgmt/f2"',
    '    content: "i am f2, exported from host A\\n"',
    '    state: exists',
    '',
  ].join('\n'),
  'a.yaml',
);

describe('exportedResources', () => {
  it('returns only @@ resources, named without @@', () => {
    const exported = exportedResources(hostA);
    expect(exported).toEqual([
      {
        kind: 'file',
        name: 'file2',
        spec: { name: 'file2', path: '/tmp/mgmt/f2', content: 'i am f2, exported from host A\n', state: 'exists' },
      },
    ]);
    expect(exportedKey('hostA', exported[0] as { kind: string; name: string })).toBe('/_mgmt/exported/hostA/file/file2');
  });
});

describe('applyCollected', () => {
  const collector = (pattern: string) =>
    parseGraph(`graph: b\ncollect:\n- kind: file\n  pattern: "${pattern}"\n`, 'b.yaml');

  it('adds collected files under the pattern directory, named by host', () => {
    const collected: CollectedResource[] = exportedResources(hostA).map((e) => ({ host: 'hostA', ...e }));
    const g = applyCollected(collector('/tmp/mgmt/hostB/'), collected);
    expect(g.resources).toEqual([
      {
        kind: 'file',
        name: 'hostA/file2',
        path: '/tmp/mgmt/hostB/f2',
        content: 'i am f2, exported from host A\n',
        state: 'exists',
        collectedFrom: 'hostA',
      },
    ]);
  });

  it('ignores kinds that are not collected and skips invalid specs', () => {
    const { graph, skipped } = collectResources(collector('/x'), [
      { host: 'h', kind: 'exec', name: 'e', spec: { name: 'e', cmd: 'true' } },
      { host: 'h', kind: 'file', name: 'bad', spec: { name: 'bad', path: 'relative' } },
      { host: 'h', kind: 'file', name: 'ok', spec: { name: 'ok', path: '/a/ok' } },
    ]);
    expect(graph.resources.map((r) => r.name)).toEqual(['h/ok']);
    expect(graph.resources[0]).toMatchObject({ path: '/x/ok' });
    expect(skipped.map((s) => s.resource.name)).toEqual(['bad']);
  });

  it('does not change the input graph', () => {
    const g = collector('/x/');
    applyCollected(g, [{ host: 'h', kind: 'file', name: 'f', spec: { name: 'f', path: '/a/f' } }]);
    expect(g.resources).toEqual([]);
  });
});

describe('engine with collected files', () => {
  it('writes collected files, then deletes them when they disappear', async () => {
    const base = parseGraph(`graph: b\ncollect:\n- kind: file\n  pattern: "${dir}/hostB/"\n`, 'b.yaml');
    const fromA: CollectedResource = {
      host: 'hostA',
      kind: 'file',
      name: 'f2',
      spec: { name: 'f2', path: '/tmp/mgmt/f2', content: 'from A\n' },
    };
    const fromC: CollectedResource = { ...fromA, host: 'hostC', spec: { name: 'f2', path: '/tmp/mgmt/f3', content: 'from C\n' } };
    const engine = createEngine({ graph: applyCollected(base, [fromA, fromC]), logger: recordingLogger() });
    try {
      expect((await engine.converge()).converged).toBe(true);
      expect(await readFile(join(dir, 'hostB', 'f2'), 'utf8')).toBe('from A\n');
      expect(await readFile(join(dir, 'hostB', 'f3'), 'utf8')).toBe('from C\n');

      // hostA's exported resources vanish from the store.
      const report = await engine.replaceGraph(applyCollected(base, [fromC]));
      expect(report.converged).toBe(true);
      expect(await exists(join(dir, 'hostB', 'f2'))).toBe(false);
      expect(await exists(join(dir, 'hostB', 'f3'))).toBe(true);

      await engine.replaceGraph(base);
      expect(await exists(join(dir, 'hostB', 'f3'))).toBe(false);
    } finally {
      engine.close();
    }
  });

  it('removes collected files recorded by a previous run', async () => {
    const base = parseGraph(`graph: b\ncollect:\n- kind: file\n  pattern: "${dir}/hostB/"\n`, 'b.yaml');
    const fromA: CollectedResource = { host: 'hostA', kind: 'file', name: 'f2', spec: { name: 'f2', path: '/x/f2', content: 'A' } };
    const first = createEngine({ graph: applyCollected(base, [fromA]), logger: recordingLogger() });
    await first.converge();
    const persisted = first.collectedFiles();
    expect(persisted).toEqual([join(dir, 'hostB', 'f2')]);
    first.close();

    // Restart: hostA's exports vanished while this host was down.
    const second = createEngine({ graph: base, logger: recordingLogger(), collectedFiles: persisted });
    await second.converge();
    expect(await exists(join(dir, 'hostB', 'f2'))).toBe(false);
    expect(second.collectedFiles()).toEqual([]);
    second.close();
  });

  it('keeps the collected files of a previous run until what is collected is known', async () => {
    const base = parseGraph(`graph: b\ncollect:\n- kind: file\n  pattern: "${dir}/hostB/"\n`, 'b.yaml');
    const fromA: CollectedResource = { host: 'hostA', kind: 'file', name: 'f2', spec: { name: 'f2', path: '/x/f2', content: 'A' } };
    const first = createEngine({ graph: applyCollected(base, [fromA]), logger: recordingLogger() });
    await first.converge();
    const persisted = first.collectedFiles();
    first.close();

    // Restart: the store is not read yet, the local graph converges without what it collects.
    const second = createEngine({ graph: base, logger: recordingLogger(), collectedFiles: persisted, collectedPending: true });
    try {
      expect((await second.converge()).converged).toBe(true);
      expect(await readFile(join(dir, 'hostB', 'f2'), 'utf8')).toBe('A');
      expect(second.collectedFiles()).toEqual(persisted);

      // A convergence of the graph without what is collected, queued before the store was read, keeps it.
      const queued = second.converge();
      // The store was read: hostA's export is gone.
      const known = second.replaceGraph(base, { collectedKnown: true });
      await queued;
      expect(await readFile(join(dir, 'hostB', 'f2'), 'utf8')).toBe('A');
      await known;
      expect(await exists(join(dir, 'hostB', 'f2'))).toBe(false);
      expect(second.collectedFiles()).toEqual([]);
    } finally {
      second.close();
    }
  });
});
