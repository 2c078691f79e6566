import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor as waitForValue } from '@mgmt/testkit/node';
import type { GraphLogger } from '../src/index.js';

/** A fresh temporary directory and a function that removes it. */
export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'mgmt-graph-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A logger that records every line. */
export function recordingLogger(): GraphLogger & { lines: Array<{ level: string; obj: object; msg?: string | undefined }> } {
  const lines: Array<{ level: string; obj: object; msg?: string | undefined }> = [];
  return {
    lines,
    info: (obj, msg) => lines.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => lines.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => lines.push({ level: 'error', obj, msg }),
  };
}

/** Polls `predicate` every 20 ms until it holds or `timeoutMs` passes (then throws); on @mgmt/testkit's waitFor. */
export async function waitFor(predicate: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  await waitForValue(what, predicate, timeoutMs);
}
