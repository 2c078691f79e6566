// Proves that parseGraph accepts mgmt's YAML graph format and that every
// validation error names the file, the line and the field at fault.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GraphError, loadGraphFile, parseGraph } from '../src/index.js';

const example = readFileSync(new URL('../examples/fan-in.yaml', import.meta.url), 'utf8');

function errorOf(text: string): GraphError {
  try {
    parseGraph(text, 'x.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(GraphError);
    return err as GraphError;
  }
  throw new Error('expected a GraphError');
}

describe('parseGraph', () => {
  it('parses the example graph', () => {
    const g = parseGraph(example, 'fan-in.yaml');
    expect(g.name).toBe('mygraph');
    expect(g.comment).toContain('fan in');
    expect(g.resources.map((r) => `${r.kind}[${r.name}]`)).toEqual([
      'noop[noop1]',
      'file[file1]',
      'file[@@file2]',
      'exec[exec1]',
      'msg[msg1]',
    ]);
    const file1 = g.resources.find((r) => r.name === 'file1');
    expect(file1).toMatchObject({ kind: 'file', path: '/tmp/mgmt/f1', content: 'i am f1\n', state: 'exists' });
    expect(g.edges).toEqual([{ name: 'e1', from: { kind: 'file', name: 'file1' }, to: { kind: 'exec', name: 'exec1' } }]);
    expect(g.collect).toEqual([{ kind: 'file', pattern: '/tmp/mgmt/' }]);
  });

  it('loads a graph file from disk and cites its path in errors', async () => {
    const path = new URL('../examples/fan-in.yaml', import.meta.url).pathname;
    expect((await loadGraphFile(path)).name).toBe('mygraph');
    await expect(loadGraphFile('/nonexistent/graph.yaml')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a bad enum value with its line and field', () => {
    const text = example.replace('content: "i am f2, exported from host A\\n"\n    state: exists', 'state: present');
    const err = errorOf(text);
    expect(err.message).toBe('x.yaml:13: resources.file[1].state: expected "exists" or "absent"');
    expect(err.file).toBe('x.yaml');
    expect(err.line).toBe(13);
    expect(err.field).toBe('resources.file[1].state');
  });

  it('reports an unknown kind at its key', () => {
    const err = errorOf('graph: g\nresources:\n  noop:\n  - name: a\n  pkg:\n  - name: b\n');
    expect(err.line).toBe(5);
    expect(err.field).toBe('resources.pkg');
    expect(err.reason).toMatch(/unknown kind "pkg"/);
  });

  it('reports an unknown field', () => {
    const err = errorOf('graph: g\nresources:\n  noop:\n  - name: a\n    colour: red\n');
    expect([err.line, err.field, err.reason]).toEqual([5, 'resources.noop[0].colour', 'unknown field']);
  });

  it('reports a missing required field at its parent', () => {
    const err = errorOf('graph: g\nresources:\n  exec:\n  - name: a\n');
    expect([err.line, err.field, err.reason]).toEqual([4, 'resources.exec[0].cmd', 'required']);
  });

  it('reports a bad mode', () => {
    const err = errorOf('graph: g\nresources:\n  file:\n  - name: a\n    path: /tmp/a\n    mode: "rw-r--r--"\n');
    expect([err.line, err.field]).toEqual([6, 'resources.file[0].mode']);
  });

  it('reports a missing graph name', () => {
    const err = errorOf('resources:\n  noop:\n  - name: a\n');
    expect([err.field, err.reason]).toEqual(['graph', 'required']);
  });

  it('reports duplicate names within a kind', () => {
    const err = errorOf('graph: g\nresources:\n  noop:\n  - name: a\n  - name: a\n');
    expect([err.line, err.field]).toEqual([5, 'resources.noop[1].name']);
    expect(err.reason).toMatch(/duplicate name "a"/);
  });

  it('allows the same name in two kinds', () => {
    expect(() => parseGraph('graph: g\nresources:\n  noop:\n  - name: a\n  msg:\n  - name: a\n    body: hi\n', 'x.yaml')).not.toThrow();
  });

  it('reports an edge naming a missing resource', () => {
    const err = errorOf(
      'graph: g\nresources:\n  noop:\n  - name: a\nedges:\n- name: e1\n  from: {kind: noop, name: a}\n  to: {kind: noop, name: b}\n',
    );
    expect([err.line, err.field, err.reason]).toEqual([8, 'edges[0].to', 'no resource noop[b]']);
  });

  it('reports an edge with an unknown kind', () => {
    const err = errorOf('graph: g\nedges:\n- name: e1\n  from: {kind: pkg, name: a}\n  to: {kind: noop, name: b}\n');
    expect([err.line, err.field]).toEqual([4, 'edges[0].from.kind']);
  });

  it('reports a cycle', () => {
    const err = errorOf(
      [
        'graph: g',
        'resources:',
        '  noop:',
        '  - name: a',
        '  - name: b',
        '  - name: c',
        'edges:',
        '- name: e1',
        '  from: {kind: noop, name: a}',
        '  to: {kind: noop, name: b}',
        '- name: e2',
        '  from: {kind: noop, name: b}',
        '  to: {kind: noop, name: c}',
        '- name: e3',
        '  from: {kind: noop, name: c}',
        '  to: {kind: noop, name: a}',
        '',
      ].join('\n'),
    );
    expect(err.field).toMatch(/^edges\[\d\]$/);
    expect(err.reason).toMatch(/cycle through edges e\d -> e\d -> e\d/);
    expect([8, 11, 14]).toContain(err.line);
  });

  it('reports invalid YAML with its line', () => {
    const err = errorOf('graph: g\nresources:\n  noop: [\n');
    expect(err.reason).toMatch(/invalid YAML/);
    expect(err.line).toBeGreaterThanOrEqual(3);
  });
});
