/**
 * The fleet worker as one CommonJS bundle (esbuild), built at each run of
 * the harness into tools/dist (inside the repository, so that the packages
 * left outside it resolve from node_modules). Through tsx, each worker
 * process spent ~2 s of CPU loading TypeScript; bundled, ~0.3 s. At a mass
 * restart the four workers loaded together on two cores while the members
 * served the fleet: the restart's first seconds went to that. An installed
 * agent runs a bundle too (apps/cli/bin/load-main.mjs). When esbuild cannot
 * build it, the harness runs the sources through tsx as before.
 */
import fs from 'node:fs';
import path from 'node:path';

const TOOLS = path.resolve(import.meta.dirname, '../..');
const SOURCE = path.join(TOOLS, 'src', 'fleet', 'fleet-worker.ts');
const BUNDLE = path.join(TOOLS, 'dist', 'fleet-worker.bundle.cjs');

/** The package of a bare import ('@grpc/grpc-js/build/x' -> '@grpc/grpc-js'). */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Whether npm package `name`, resolved from `fromDir`, is a native addon (a .node file cannot be bundled). */
function isNativeAddon(name: string, fromDir: string): boolean {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    const manifest = path.join(pkgDir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { napi?: unknown; gypfile?: unknown };
      return pkg.napi !== undefined || pkg.gypfile === true || fs.existsSync(path.join(pkgDir, 'binding.gyp'));
    }
    if (path.dirname(dir) === dir) return false;
  }
}

/** How to start a fleet worker: the bundle when it builds, else the sources through tsx (with `why`). */
export async function fleetWorkerEntry(): Promise<{ file: string; execArgv: string[]; why?: string }> {
  try {
    const esbuild = await import('esbuild');
    fs.mkdirSync(path.dirname(BUNDLE), { recursive: true });
    const tmp = `${BUNDLE}.${process.pid}.tmp`;
    await esbuild.build({
      entryPoints: [SOURCE],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'silent',
      minifyWhitespace: true,
      minifySyntax: true,
      supported: { 'dynamic-import': false },
      // The sources are ES modules: import.meta becomes the bundle's own location.
      define: { 'import.meta.url': '__fleetBundleUrl', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
      banner: { js: "var __fleetBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      plugins: [
        {
          name: 'native-external',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) => {
              if (args.path.startsWith('node:') || args.path.startsWith('@mgmt/')) return undefined;
              return isNativeAddon(packageName(args.path), args.resolveDir) ? { path: args.path, external: true } : undefined;
            });
          },
        },
      ],
    });
    fs.renameSync(tmp, BUNDLE);
    return { file: BUNDLE, execArgv: [] };
  } catch (err) {
    return { file: SOURCE, execArgv: ['--import', 'tsx'], why: (err as Error).message };
  }
}
