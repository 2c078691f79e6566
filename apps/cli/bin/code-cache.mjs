// Runs a CommonJS bundle with a V8 code cache kept next to it, so that a
// process does not parse and compile the command's ~2 MB of JavaScript
// again at every start (Node 20 has no module compile cache; Node 22's
// module.enableCompileCache would do this). Five agents started together on
// two cores spent most of their start-up CPU loading the command: the cache
// takes a process from ~0.58 s to ~0.3 s of CPU (issue 21, formation).
//
// The cache is V8's own (vm.Script cachedData): V8 checks it against the
// source, its version and its flags, and rejects one that does not match;
// then the script compiles as without a cache. Its file name carries what
// makes it valid (the bundle's size and time, Node's version, the V8 flags
// of this process, NODE_OPTIONS included) and the use it was made by (the functions an agent
// compiles in its first seconds are not those of `mgmt --version`), so a
// profiled run (--cpu-prof) or another Node keeps a cache of its own
// instead of replacing everybody's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** Write the cache this long after start (the command's start-up functions compiled by then), or at exit if sooner. */
const WRITE_AFTER_MS = 2_000;

/** The cache file for `bundle` as `st` describes it, run by this Node with these flags, for this kind of use. */
function cacheFileFor(bundle, st, use) {
  const key = [use, st.size, st.mtimeMs, process.version, process.arch, process.env.NODE_OPTIONS ?? '', ...process.execArgv].join('\0');
  const hash = crypto.createHash('sha256').update(key).digest('hex').slice(0, 16);
  return `${bundle}.${hash}.v8cache`;
}

/** Removes every code cache of `bundle` (after it was rebuilt: they no longer match). */
export function removeCodeCaches(bundle) {
  const dir = path.dirname(bundle);
  const prefix = `${path.basename(bundle)}.`;
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.v8cache')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** Writes `data` to `file` atomically (processes started together may write the same cache). */
function writeAtomically(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch {
    // a read-only checkout: run without a cache
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Loads a CommonJS `bundle` the way Node's require does (the same wrapper
 * and arguments), compiled with its code cache when there is a valid one,
 * and returns its exports. Without one, the cache is written once the
 * command has run for a moment. The bundle must be ASCII (esbuild's
 * `charset: 'ascii'`): it is read as latin1, which is faster than decoding
 * UTF-8 and the same for ASCII. `use` names what the process is for (its
 * subcommand): each use has a cache of its own.
 */
export function requireWithCodeCache(bundle, use) {
  // The cache's name and the source come from the same open file: a bundle
  // rebuilt (renamed into place) in between must not get the old one's
  // cache (V8 checks a cache against the source's length, not its bytes).
  const fd = fs.openSync(bundle, 'r');
  let source;
  let cacheFile;
  try {
    cacheFile = cacheFileFor(bundle, fs.fstatSync(fd), use);
    source = fs.readFileSync(fd, 'latin1');
  } finally {
    fs.closeSync(fd);
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(bundle), module, bundle, path.dirname(bundle));
  if (cachedData === undefined || script.cachedDataRejected) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeAtomically(cacheFile, script.createCachedData());
    };
    setTimeout(write, WRITE_AFTER_MS).unref();
    process.once('exit', write);
  }
  return module.exports;
}
