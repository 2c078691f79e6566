/** Spawning the real `mgmt` command (node_modules/.bin/mgmt) from tests and tools. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The repository root (libs/testkit/src/node -> four levels up). */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
/** The `mgmt` command as npm links it. */
export const mgmtBin = path.join(repoRoot, 'node_modules/.bin/mgmt');

/** Starts `mgmt ARGS...` with stdout and stderr appended to `logFile`; `exit` resolves with its exit code. */
export function spawnMgmt(args: readonly string[], logFile: string, env: NodeJS.ProcessEnv = {}): { child: ChildProcess; exit: Promise<number | null> } {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(mgmtBin, args, { cwd: repoRoot, stdio: ['ignore', log, log], env: { ...process.env, MGMT_LOG_LEVEL: 'info', ...env } });
  fs.closeSync(log);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exit };
}

/** Runs `mgmt ARGS...` to completion; resolves with its stdout. */
export async function runMgmt(...args: string[]): Promise<string> {
  const { stdout } = await run(mgmtBin, args, { cwd: repoRoot });
  return stdout;
}
