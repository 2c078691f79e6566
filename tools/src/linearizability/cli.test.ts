// Proves the command line prints the verdict and exits 0 for a linearizable
// history, 1 with an explanation and timeline for an anomaly, 2 with one
// error line for bad input or usage, and 3 when the budget runs out.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import type { CliIo } from './cli.js';
import { read, write } from '@mgmt/testkit/linearizability/testing';

function run(args: string[], files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return text;
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
  const code = runCli(args, io);
  return { code, out: out.join('\n'), err };
}

describe('runCli', () => {
  it('exits 0 and says LINEARIZABLE for a good history', () => {
    const { code, out } = run(['h.json'], { 'h.json': JSON.stringify([write(1, 'a', 0, 1), read(2, 'a', 2, 3)]) });
    expect(code).toBe(0);
    expect(out).toMatch(/^LINEARIZABLE: 2 operations/);
  });

  it('exits 1 with the explanation and the timeline for an anomaly', () => {
    const { code, out } = run(['h.json'], { 'h.json': JSON.stringify([write(1, 'a', 0, 1), read(2, 'b', 2, 3)]) });
    expect(code).toBe(1);
    expect(out).toContain('NOT LINEARIZABLE: 1 key(s) ("x")');
    expect(out).toContain('no operation ever wrote "b"');
    expect(out).toContain('|time ->');
  });

  it('exits 2 with one error line for bad input, a missing file or bad flags', () => {
    const bad = run(['h.json'], { 'h.json': JSON.stringify([{ client: 1, op: { kind: 'read', key: 'x' }, call: 0, return: 1, output: {} }]) });
    expect(bad.code).toBe(2);
    expect(bad.err).toEqual(["error: h.json: operation #0: a completed read needs 'output.value' (a string, or null for absent)"]);
    expect(run(['missing.json'], {}).err).toEqual(["error: ENOENT: no such file or directory, open 'missing.json'"]);
    expect(run([], {}).code).toBe(2);
    expect(run(['--max-steps', 'x', 'h.json'], {}).err).toEqual(['error: --max-steps needs a positive integer']);
    expect(run(['--frobnicate', 'h.json'], {}).err).toEqual(['error: unknown flag --frobnicate']);
  });

  it('exits 3 when the step budget runs out', () => {
    const history = [write(1, 'a', 0, 10), write(2, 'b', 0, 10), read(3, 'a', 11, 12), read(4, 'b', 13, 14)];
    const { code, out } = run(['--max-steps', '2', 'h.json'], { 'h.json': JSON.stringify(history) });
    expect(code).toBe(3);
    expect(out).toMatch(/^UNKNOWN \(step-budget exhausted; undecided keys: "x"\)/);
  });

  it('prints usage for --help', () => {
    const { code, out } = run(['--help'], {});
    expect(code).toBe(0);
    expect(out).toMatch(/^usage:/);
  });
});
