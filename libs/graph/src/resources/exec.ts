import { spawn } from 'node:child_process';
import { ExecError } from '../errors.js';
import type { ExecSpec } from '../types.js';
import type { Resource } from './resource.js';

const STDERR_BYTES_MAX = 64 * 1024;

/** Runs `cmd` through /bin/sh -c; resolves with the exit code and the first 64 KiB of stderr. */
export function runShell(cmd: string): Promise<{ exitCode: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', cmd], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_BYTES_MAX) stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stderr }));
  });
}

/**
 * Runs `cmd` when `ifcmd` exits 0 (or always when there is no `ifcmd`), as
 * mgmt's exec does: without a guard the command runs on every convergence,
 * so commands should be idempotent or guarded.
 */
export function createExec(spec: ExecSpec): Resource {
  return {
    kind: 'exec',
    name: spec.name,
    async check() {
      if (spec.ifcmd === undefined) return false;
      const guard = await runShell(spec.ifcmd);
      return guard.exitCode !== 0;
    },
    async apply() {
      const result = await runShell(spec.cmd);
      if (result.exitCode !== 0) throw new ExecError(spec.cmd, result.exitCode, result.stderr);
    },
  };
}
