// Proves the engine converges a graph in edge order, reports each resource's
// outcome, skips exported (@@) resources, and repairs drift of managed files
// while watching. No timing assertions: waits poll with a bound.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DependencyFailedError, createEngine, parseGraph, type Engine } from '../src/index.js';
import { recordingLogger, tempDir, waitFor } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
const engines: Engine[] = [];
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  for (const e of engines.splice(0)) e.close();
  await cleanup();
});

const exists = async (path: string) => stat(path).then(() => true, () => false);

function orderedGraph(d: string) {
  // exec is declared first but depends on the file through edge e1.
  return parseGraph(
    [
      'graph: ordered',
      'resources:',
      '  exec:',
      '  - name: copy',
      `    cmd: "cp '${d}/f1' '${d}/marker'"`,
      `    ifcmd: "! test -e '${d}/marker'"`,
      '  file:',
      '  - name: f1',
      `    path: "${d}/f1"`,
      '    content: "from f1\\n"',
      '  - name: "@@f2"',
      `    path: "${d}/f2"`,
      '    content: "exported\\n"',
      '  msg:',
      '  - name: done',
      '    body: converged',
      'edges:',
      '- name: e1',
      '  from: {kind: file, name: f1}',
      '  to: {kind: exec, name: copy}',
      '',
    ].join('\n'),
    'ordered.yaml',
  );
}

describe('engine', () => {
  it('runs the exec after the file it depends on, and a second pass is all fine', async () => {
    const logger = recordingLogger();
    const seen: boolean[] = [];
    const engine = createEngine({ graph: orderedGraph(dir), logger, onConverged: (c) => seen.push(c) });
    engines.push(engine);
    const first = await engine.converge();
    expect(first.converged).toBe(true);
    expect(first.resources.map((r) => [r.key, r.status])).toEqual([
      ['file[f1]', 'applied'],
      ['exec[copy]', 'applied'],
      ['msg[done]', 'applied'],
    ]);
    expect(await readFile(join(dir, 'marker'), 'utf8')).toBe('from f1\n');
    expect(await exists(join(dir, 'f2'))).toBe(false); // exported, not applied locally
    const second = await engine.converge();
    expect(second.resources.every((r) => r.status === 'fine')).toBe(true);
    expect(seen).toEqual([true, true]);
  });

  it('reports a failed resource and fails its dependents without running them', async () => {
    const graph = parseGraph(
      [
        'graph: failing',
        'resources:',
        '  exec:',
        '  - name: bad',
        '    cmd: exit 1',
        '  - name: after',
        `    cmd: "touch '${dir}/after'"`,
        '  noop:',
        '  - name: other',
        'edges:',
        '- name: e1',
        '  from: {kind: exec, name: bad}',
        '  to: {kind: exec, name: after}',
        '',
      ].join('\n'),
      'failing.yaml',
    );
    const engine = createEngine({ graph, logger: recordingLogger() });
    engines.push(engine);
    const report = await engine.converge();
    expect(report.converged).toBe(false);
    const byKey = new Map(report.resources.map((r) => [r.key, r]));
    expect(byKey.get('noop[other]')?.status).toBe('fine');
    expect(byKey.get('exec[bad]')?.status).toBe('failed');
    const after = byKey.get('exec[after]');
    expect(after?.status).toBe('failed');
    expect(after?.status === 'failed' && after.error).toBeInstanceOf(DependencyFailedError);
    expect(await exists(join(dir, 'after'))).toBe(false);
  });

  it('repairs a managed file that is edited or removed while watching', async () => {
    const path = join(dir, 'f1');
    const graph = parseGraph(
      `graph: drift\nresources:\n  file:\n  - name: f1\n    path: "${path}"\n    content: "desired\\n"\n    mode: "0640"\n`,
      'drift.yaml',
    );
    const engine = createEngine({ graph, logger: recordingLogger(), debounceMs: 20 });
    engines.push(engine);
    expect((await engine.converge()).converged).toBe(true);
    engine.watch();

    await writeFile(path, 'tampered\n');
    await waitFor(async () => (await readFile(path, 'utf8').catch(() => '')) === 'desired\n', 'edited file repaired');

    await rm(path);
    await waitFor(async () => (await readFile(path, 'utf8').catch(() => '')) === 'desired\n', 'removed file restored');
    expect((await stat(path)).mode & 0o7777).toBe(0o640);
  });

  it('watches a directory that only exists after the first convergence', async () => {
    const path = join(dir, 'later', 'f1');
    const graph = parseGraph(
      `graph: later\nresources:\n  file:\n  - name: f1\n    path: "${path}"\n    content: "desired\\n"\n`,
      'later.yaml',
    );
    const engine = createEngine({ graph, logger: recordingLogger(), debounceMs: 20 });
    engines.push(engine);
    engine.watch(); // the directory does not exist yet
    expect((await engine.converge()).converged).toBe(true);
    await writeFile(path, 'tampered\n');
    await waitFor(async () => (await readFile(path, 'utf8').catch(() => '')) === 'desired\n', 'edited file repaired');
  });

  it('replaceGraph converges the new graph', async () => {
    const engine = createEngine({ graph: parseGraph('graph: empty\n', 'a.yaml'), logger: recordingLogger() });
    engines.push(engine);
    expect((await engine.converge()).resources).toEqual([]);
    const path = join(dir, 'new');
    const report = await engine.replaceGraph(
      parseGraph(`graph: g\nresources:\n  file:\n  - name: n\n    path: "${path}"\n    content: "x"\n`, 'b.yaml'),
    );
    expect(report.resources).toEqual([{ key: 'file[n]', status: 'applied' }]);
    expect(await readFile(path, 'utf8')).toBe('x');
  });
});
