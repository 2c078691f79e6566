// Proves the installed `mgmt` command as a user meets it: a real process
// started through the npm bin link, --help lists the subcommands, version
// prints, and an unknown flag or subcommand gives one line and exit 2.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin/mgmt');

function mgmt(...args: string[]) {
  const r = spawnSync(bin, args, { cwd: root, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('mgmt command', () => {
  it('lists the subcommands in --help', () => {
    const r = mgmt('--help');
    expect(r.code).toBe(0);
    for (const sub of ['run', 'ctl', 'status', 'viz', 'version']) expect(r.out).toMatch(new RegExp(`^\\s+${sub}\\b`, 'm'));
  });

  it('prints the version', () => {
    const r = mgmt('version');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^mgmt \d+\.\d+\.\d+\n$/);
  });

  it('names an unknown flag on one line and exits 2', () => {
    const r = mgmt('--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--frobnicate');
  });

  it('names an unknown subcommand on one line and exits 2', () => {
    const r = mgmt('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('frobnicate');
  });

  it('names an unknown flag of a subcommand and exits 2', () => {
    const r = mgmt('run', '--frobnicate');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--frobnicate');
  });

  it('refuses a bad URL with one clear line, no stack trace', () => {
    const r = mgmt('run', '--client-urls', 'nonsense://x');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('--client-urls');
  });

  it('refuses bad demo flags with one clear line', () => {
    for (const [args, flag] of [
      [['demo', '--agents', '0'], '--agents'],
      [['demo', '--base-port', '70000'], '--base-port'],
      [['demo', '--status-url', 'nats://x:1'], '--status-url'],
    ] as const) {
      const r = mgmt(...args);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(flag);
    }
  });

  it('refuses a graph file that does not validate, naming file, line and field', () => {
    const r = mgmt('run', '--file', 'package.json');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--file: .*package\.json/);
  });
});
