// Proves each resource kind is idempotent check-then-apply: check reports
// drift, apply repairs it, and a second check reports nothing left to do.
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ExecError, createResource, type ResourceSpec } from '../src/index.js';
import { recordingLogger, tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const logger = recordingLogger();
const make = (spec: ResourceSpec) => createResource(spec, { logger });
const modeOf = async (path: string) => (await stat(path)).mode & 0o7777;
const exists = async (path: string) => stat(path).then(() => true, () => false);

describe('file', () => {
  it('creates a missing file with content and mode, then is converged', async () => {
    const path = join(dir, 'sub', 'f1');
    const r = make({ kind: 'file', name: 'f1', path, content: 'hello\n', state: 'exists', mode: '0600' });
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await readFile(path, 'utf8')).toBe('hello\n');
    expect(await modeOf(path)).toBe(0o600);
    expect(await r.check()).toBe(true);
  });

  it('repairs modified content', async () => {
    const path = join(dir, 'f1');
    const r = make({ kind: 'file', name: 'f1', path, content: 'want\n', state: 'exists' });
    await writeFile(path, 'other\n');
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await readFile(path, 'utf8')).toBe('want\n');
    expect(await r.check()).toBe(true);
  });

  it('repairs a wrong mode without touching unmanaged content', async () => {
    const path = join(dir, 'f1');
    await writeFile(path, 'theirs\n');
    await chmod(path, 0o600);
    const r = make({ kind: 'file', name: 'f1', path, state: 'exists', mode: '0644' });
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await modeOf(path)).toBe(0o644);
    expect(await readFile(path, 'utf8')).toBe('theirs\n');
    expect(await r.check()).toBe(true);
  });

  it('removes a file whose state is absent', async () => {
    const path = join(dir, 'f1');
    await writeFile(path, 'x');
    const r = make({ kind: 'file', name: 'f1', path, state: 'absent' });
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await exists(path)).toBe(false);
    expect(await r.check()).toBe(true);
  });

  it('leaves no temp files behind', async () => {
    const path = join(dir, 'f1');
    await make({ kind: 'file', name: 'f1', path, content: 'x', state: 'exists' }).apply();
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual(['f1']);
  });
});

describe('exec', () => {
  it('without ifcmd always needs to run, and runs through /bin/sh', async () => {
    const marker = join(dir, 'm');
    const r = make({ kind: 'exec', name: 'e', cmd: `echo ran >> '${marker}'` });
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await readFile(marker, 'utf8')).toBe('ran\n');
  });

  it('with ifcmd runs only when the guard exits 0', async () => {
    const guard = join(dir, 'guard');
    const marker = join(dir, 'm');
    const r = make({ kind: 'exec', name: 'e', cmd: `touch '${marker}'`, ifcmd: `test -e '${guard}'` });
    expect(await r.check()).toBe(true); // guard fails: nothing to do
    await writeFile(guard, '');
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await exists(marker)).toBe(true);
  });

  it('fails with ExecError when the command exits non-zero', async () => {
    const r = make({ kind: 'exec', name: 'e', cmd: 'echo boom >&2; exit 3' });
    const err = await r.apply().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExecError);
    expect((err as ExecError).exitCode).toBe(3);
    expect((err as ExecError).stderr).toContain('boom');
  });
});

describe('noop and msg', () => {
  it('noop is always converged', async () => {
    expect(await make({ kind: 'noop', name: 'n' }).check()).toBe(true);
  });

  it('msg logs its body once through the injected logger', async () => {
    const log = recordingLogger();
    const r = createResource({ kind: 'msg', name: 'm', body: 'converged' }, { logger: log });
    expect(await r.check()).toBe(false);
    await r.apply();
    expect(await r.check()).toBe(true);
    expect(log.lines).toEqual([{ level: 'info', obj: { resource: 'msg[m]' }, msg: 'converged' }]);
  });
});
