#!/usr/bin/env node
// Generates static TypeScript-typed code from every .proto in ../proto with
// protobufjs-cli. The output is committed (src/generated) so a fresh clone
// builds without running this; `nx run proto:generate` refreshes it and the
// test `generated.test.ts` fails when the committed copy is stale.
//
// Choices made here, in one place:
// - 64-bit integers decode as JS numbers (--force-number). Terms, indexes and
//   member ids in this project stay below 2^53.
// - ES modules (-w es6), no verify/convert/delimited helpers (unused).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Writes generated code for each .proto file into outDir; returns the file names written. */
export function generate(outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const protoDir = path.join(root, 'proto');
  const written = [];
  for (const file of fs.readdirSync(protoDir).filter((f) => f.endsWith('.proto')).sort()) {
    const base = file.replace(/\.proto$/, '');
    const js = path.join(outDir, `${base}.js`);
    const dts = path.join(outDir, `${base}.d.ts`);
    execFileSync('pbjs', ['-t', 'static-module', '-w', 'es6', '--force-number', '--no-verify', '--no-convert', '--no-delimited', '-o', js, path.join(protoDir, file)], { stdio: 'inherit' });
    execFileSync('pbts', ['-o', dts, js], { stdio: 'inherit' });
    // pbts emits a CommonJS-style import of `long` that ESM cannot use; with
    // --force-number nothing refers to it.
    const text = fs.readFileSync(dts, 'utf8').replace(/^import Long = require\("long"\);\n/m, '');
    fs.writeFileSync(dts, text);
    written.push(`${base}.js`, `${base}.d.ts`);
  }
  // Each folder of .proto files (e.g. proto/etcd) is one generated module
  // with its own protobufjs root (-r), so its packages can import each
  // other and never replace a namespace of another module in the shared
  // default root.
  for (const dir of fs.readdirSync(protoDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const files = fs.readdirSync(path.join(protoDir, dir)).filter((f) => f.endsWith('.proto')).sort().map((f) => path.join(protoDir, dir, f));
    const js = path.join(outDir, `${dir}.js`);
    const dts = path.join(outDir, `${dir}.d.ts`);
    execFileSync('pbjs', ['-t', 'static-module', '-w', 'es6', '-r', dir, '--force-number', '--no-verify', '--no-convert', '--no-delimited', '-o', js, ...files], { stdio: 'inherit' });
    execFileSync('pbts', ['-o', dts, js], { stdio: 'inherit' });
    const text = fs.readFileSync(dts, 'utf8').replace(/^import Long = require\("long"\);\n/m, '');
    fs.writeFileSync(dts, text);
    written.push(`${dir}.js`, `${dir}.d.ts`);
  }
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const out = process.argv[2] ?? path.join(root, 'src', 'generated');
  console.log(`generated ${generate(out).join(', ')} in ${path.relative(process.cwd(), out) || '.'}`);
}
