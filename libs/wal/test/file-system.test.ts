// Proves NodeFileSystem and SimDisk honour the same FileSystem contract the
// WAL is written against (exclusive create, append, size, truncate, sync,
// rename over an existing file, unlink, readdir, exists), so code tested on
// SimDisk behaves the same on the real disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeFileSystem, SimDisk, type FileSystem } from '../src/index.js';

const realRoot = mkdtempSync(join(tmpdir(), 'wal-fs-'));
afterAll(() => rmSync(realRoot, { recursive: true, force: true }));

const cases: Array<[string, () => { fs: FileSystem; root: string }]> = [
  ['NodeFileSystem', () => ({ fs: new NodeFileSystem(), root: mkdtempSync(join(realRoot, 'c-')) })],
  ['SimDisk', () => ({ fs: new SimDisk(), root: '/sim/root' })],
];

describe.each(cases)('%s', (_name, make) => {
  it('follows the FileSystem contract', async () => {
    const { fs, root } = make();
    const dir = `${root}/a/b`;
    fs.mkdirp(dir);
    fs.mkdirp(dir); // idempotent
    expect(fs.exists(dir)).toBe(true);
    const f = fs.openAppend(`${dir}/x`, { create: true });
    expect(() => fs.openAppend(`${dir}/x`, { create: true })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    f.write(new Uint8Array([1, 2, 3]));
    f.write(new Uint8Array([4]));
    expect(f.size()).toBe(4);
    f.truncate(2);
    f.write(new Uint8Array([9])); // appends at the new end
    f.sync();
    await f.syncAsync();
    f.close();
    expect([...fs.readFile(`${dir}/x`)]).toEqual([1, 2, 9]);
    const g = fs.openAppend(`${dir}/x`, { create: false });
    expect(g.size()).toBe(3);
    g.write(new Uint8Array([5]));
    g.close();
    expect([...fs.readFile(`${dir}/x`)]).toEqual([1, 2, 9, 5]);

    const t = fs.openAppend(`${dir}/y`, { create: true });
    t.write(new Uint8Array([7]));
    t.close();
    fs.rename(`${dir}/y`, `${dir}/x`); // replaces
    fs.fsyncDir(dir);
    expect([...fs.readFile(`${dir}/x`)]).toEqual([7]);
    fs.truncate(`${dir}/x`, 0);
    fs.fsyncFile(`${dir}/x`);
    expect(fs.readFile(`${dir}/x`).byteLength).toBe(0);
    expect(fs.readdir(dir).sort()).toEqual(['x']);
    fs.unlink(`${dir}/x`);
    expect(fs.exists(`${dir}/x`)).toBe(false);
    expect(fs.readdir(dir)).toEqual([]);
    expect(fs.readdir(`${root}/a`)).toEqual(['b']);
  });
});
