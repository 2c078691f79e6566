// Loads the `mgmt` command's code. The sources are TypeScript; running them
// through tsx costs seconds of start-up and ~80 MB per process, which every
// agent of a cluster pays. So the command runs a bundle of its own sources
// (esbuild, npm packages left external), rebuilt whenever a source file is
// newer than it, and falls back to tsx when the bundle cannot be built.
// `mgmt demo` always runs from the sources: its worker threads load
// TypeScript entries next to their modules. MGMT_NO_BUNDLE=1 forces tsx.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(cliDir, '../..');
const bundle = path.join(cliDir, 'dist', 'mgmt.bundle.mjs');

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
  return newest;
}

function fresh() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

/** Bundles src/main.ts with every @mgmt/* workspace package; npm packages stay external. */
async function build() {
  const esbuild = await import('esbuild');
  const tmp = `${bundle}.${process.pid}.tmp`;
  await esbuild.build({
    entryPoints: [path.join(cliDir, 'src', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    plugins: [
      {
        name: 'npm-external',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@mgmt/') ? undefined : { path: args.path, external: true }));
        },
      },
    ],
  });
  fs.renameSync(tmp, bundle);
}

/** The `main` function of the command line, from the bundle when possible. */
export async function loadMain(subcommand) {
  if (subcommand !== 'demo' && process.env.MGMT_NO_BUNDLE !== '1') {
    try {
      if (!fresh()) await build();
      return (await import(pathToFileURL(bundle).href)).main;
    } catch {
      // no esbuild, a read-only checkout, a build error: run the sources
    }
  }
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/main.ts')).main;
}
