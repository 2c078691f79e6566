// Loads the `mgmt` command's code. The sources are TypeScript; running them
// through tsx costs seconds of start-up and ~80 MB per process, which every
// agent of a cluster pays. So the command runs a bundle of its own sources
// and of the npm packages they use (esbuild, one CommonJS file), rebuilt
// whenever a source file or the lockfile is newer than it, compiled through
// a V8 code cache (code-cache.mjs), and falls back to tsx when the bundle
// cannot be built. Native addons and the packages the sources load only on
// first use stay outside the bundle. `mgmt demo` always runs from the
// sources: its worker threads load TypeScript entries next to their
// modules. MGMT_NO_BUNDLE=1 forces tsx.
//
// Why one file with the npm packages in it (issue 21, formation): an agent
// spent ~0.58 s of CPU loading the command, of which module resolution and
// the CommonJS loader of ~150 npm files were ~0.1 s and parsing and
// compiling ~0.15 s; five agents started together on two cores waited
// ~1.5-2 s for each other before any of them ran. Bundled, minified
// (whitespace and syntax; names kept for stack traces) and compiled from the
// code cache: ~0.3 s of CPU.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { removeCodeCaches, requireWithCodeCache } from './code-cache.mjs';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(cliDir, '../..');
const bundle = path.join(cliDir, 'dist', 'mgmt.bundle.cjs');

/** Packages the sources import only on first use (`import()`): bundled, they would be read and compiled at every start. */
const LOADED_ON_FIRST_USE = new Set(['@peculiar/x509', '@viz-js/viz']);

/** The newest modification time of the TypeScript sources the bundle is made of (and of the package manifests). */
function newestSource() {
  let newest = 0;
  const visit = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.name.endsWith('.ts') || e.name.endsWith('.json')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const group of ['apps', 'libs']) {
    for (const project of fs.readdirSync(path.join(root, group))) {
      const src = path.join(root, group, project, 'src');
      if (fs.existsSync(src)) visit(src);
      const manifest = path.join(root, group, project, 'package.json');
      if (fs.existsSync(manifest)) newest = Math.max(newest, fs.statSync(manifest).mtimeMs);
    }
  }
  // The npm packages are in the bundle too: an install changes the lockfile.
  const lockfile = path.join(root, 'package-lock.json');
  if (fs.existsSync(lockfile)) newest = Math.max(newest, fs.statSync(lockfile).mtimeMs);
  return newest;
}

function fresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

/** The package name of a bare import specifier ('@grpc/grpc-js/build/x' -> '@grpc/grpc-js'). */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Whether the npm package `name`, as resolved from `fromDir`, is a native addon (esbuild cannot bundle a .node file). */
function isNativeAddon(name, fromDir) {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const manifest = path.join(pkgDir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      return pkg.napi !== undefined || pkg.gypfile === true || fs.existsSync(path.join(pkgDir, 'binding.gyp'));
    }
    if (path.dirname(dir) === dir) return false;
  }
}

/** Bundles src/main.ts with the @mgmt/* workspace packages and the npm packages they use, as one CommonJS file. */
async function build() {
  const esbuild = await import('esbuild');
  const tmp = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [path.join(cliDir, 'src', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'silent',
    minifyWhitespace: true,
    minifySyntax: true,
    // code-cache.mjs reads the file as latin1
    charset: 'ascii',
    // import() of the packages left outside becomes require(): a function compiled from
    // V8's code cache has no dynamic import callback in Node 20 ("A dynamic import
    // callback was not specified"); both have a CommonJS entry.
    supported: { 'dynamic-import': false },
    // The sources are ES modules: their import.meta is the bundle's own location, as it was when the bundle was one.
    define: { 'import.meta.url': '__mgmtBundleUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
    banner: { js: "var __mgmtBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [
      {
        name: 'native-and-lazy-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => {
            if (args.path.startsWith('node:') || args.path.startsWith('@mgmt/')) return undefined;
            const name = packageName(args.path);
            const external = LOADED_ON_FIRST_USE.has(name) || isNativeAddon(name, args.resolveDir);
            return external ? { path: args.path, external: true } : undefined;
          });
        },
      },
    ],
  });
  fs.renameSync(tmp, bundle);
  removeCodeCaches(bundle);
}

/** The `main` function of the command line, from the bundle when possible. */
export async function loadMain(subcommand) {
  if (subcommand !== 'demo' && process.env.MGMT_NO_BUNDLE !== '1') {
    try {
      if (!fresh()) await build();
      return requireWithCodeCache(bundle, subcommand === 'run' ? 'run' : 'other').main;
    } catch {
      // no esbuild, a read-only checkout, a build error: run the sources
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/main.ts')).main;
}
