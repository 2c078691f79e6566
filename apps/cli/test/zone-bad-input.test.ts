// Proves a bad `--zone` as a user meets it: the real `mgmt run` prints one
// line naming the flag and exits 2 (no stack trace), before starting anything.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const bin = path.join(root, 'node_modules/.bin/mgmt');

describe('mgmt run --zone with bad input', () => {
  it.each([[''], ['z'.repeat(80)], ['a b']])('refuses %j on one line with exit code 2', (zone) => {
    const r = spawnSync(bin, ['run', '--hostname', 'h1', '--zone', zone], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, MGMT_ZONE: undefined } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--zone');
  });

  it('refuses an empty MGMT_ZONE the same way', () => {
    const r = spawnSync(bin, ['run', '--hostname', 'h1'], { cwd: root, encoding: 'utf8', timeout: 30_000, env: { ...process.env, MGMT_ZONE: '' } });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
