// Proves bin/code-cache.mjs, which the `mgmt` command loads its bundle
// through: a CommonJS file runs with Node's require arguments, a process
// leaves a V8 code cache next to it, the next process runs from that cache
// (V8 accepts it) with the same result, packages outside the file still
// load through require, and a rebuilt file's caches are removed. Real
// processes: the cache is written at exit and read at the next start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const codeCache = pathToFileURL(path.resolve(import.meta.dirname, '../bin/code-cache.mjs')).href;
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function scratchBundle(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgmt-code-cache-'));
  dirs.push(dir);
  const file = path.join(dir, 'b.cjs');
  fs.writeFileSync(file, "exports.answer = () => 40 + 2;\nexports.here = __filename;\nexports.sep = require('node:path').sep;\n");
  return file;
}

/** Runs the bundle in a fresh node through requireWithCodeCache; prints what it exports (plain text: console.log colours it where FORCE_COLOR is set, as under nx). */
function runBundle(file: string): { code: number | null; out: string; err: string } {
  const script = `const { requireWithCodeCache } = await import(${JSON.stringify(codeCache)}); const m = requireWithCodeCache(${JSON.stringify(file)}, 'test'); process.stdout.write([m.answer(), m.here === ${JSON.stringify(file)}, m.sep].join(' ') + '\\n');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const caches = (file: string) => fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.v8cache'));

describe('code cache', () => {
  it('runs a CommonJS bundle, leaves a cache at exit, and runs from it the next time', () => {
    const file = scratchBundle();
    const first = runBundle(file);
    expect(first).toMatchObject({ code: 0, out: `42 true ${path.sep}\n` });
    expect(caches(file)).toHaveLength(1);
    const cache = path.join(path.dirname(file), caches(file)[0]!);
    const written = fs.statSync(cache).mtimeMs;
    const second = runBundle(file);
    expect(second).toMatchObject({ code: 0, out: `42 true ${path.sep}\n` });
    // accepted: not written again
    expect(fs.statSync(cache).mtimeMs).toBe(written);
  });

  it('removes the caches of a rebuilt bundle', async () => {
    const file = scratchBundle();
    runBundle(file);
    expect(caches(file)).toHaveLength(1);
    const { removeCodeCaches } = (await import(codeCache)) as { removeCodeCaches: (f: string) => void };
    removeCodeCaches(file);
    expect(caches(file)).toHaveLength(0);
  });
});
