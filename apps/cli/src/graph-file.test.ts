import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRunGraph } from './graph-file.js';
import { ConfigError } from './run-config.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-graph-file-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('loadRunGraph', () => {
  it('loads every example of the repository', async () => {
    for (const name of ['graph0', 'etcd1a', 'etcd1b', 'etcd1c', 'etcd1d']) {
      const { graph } = await loadRunGraph(path.resolve(import.meta.dirname, `../../../examples/${name}.yaml`));
      expect(graph.name).toBe(name);
    }
  });

  it('names the file, line and field of a graph that does not validate', async () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'graph: g\nresources:\n  file:\n  - name: f\n    path: /tmp/x\n    state: maybe\n');
    const err = await loadRunGraph(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/^--file: .*bad\.yaml:6: resources\.file\[0\]\.state: /);
  });

  it('says so when the file is missing or a directory', async () => {
    await expect(loadRunGraph(path.join(dir, 'nope.yaml'))).rejects.toThrow(/--file: .*nope\.yaml: no such file/);
    await expect(loadRunGraph(dir)).rejects.toThrow(/is a directory/);
  });
});
