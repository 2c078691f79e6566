import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { FileSpec } from '../types.js';
import type { Resource } from './resource.js';

/** Parses an octal mode string such as "0644". */
export function parseMode(mode: string): number {
  return Number.parseInt(mode, 8);
}

/** The temp-file prefix used for atomic writes; watchers ignore these names. */
export const TEMP_PREFIX = '.mgmt-tmp-';

async function statOrUndefined(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Whether the file at `spec.path` matches the spec's state, content and mode. */
export async function isFileConverged(spec: FileSpec): Promise<boolean> {
  const info = await statOrUndefined(spec.path);
  if (spec.state === 'absent') return info === undefined;
  if (info === undefined || !info.isFile()) return false;
  if (spec.mode !== undefined && (info.mode & 0o7777) !== parseMode(spec.mode)) return false;
  if (spec.content !== undefined && (await readFile(spec.path, 'utf8')) !== spec.content) return false;
  return true;
}

/**
 * Writes the file atomically: a temp file in the same directory (so rename
 * does not cross file systems) with the mode set before it is renamed in.
 */
export async function writeFileAtomic(path: string, content: string, mode: number | undefined): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temp, content, { mode: mode ?? 0o644 });
    if (mode !== undefined) await chmod(temp, mode); // writeFile's mode is filtered by umask
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** A file with the given content and mode, or no file. */
export function createFile(spec: FileSpec): Resource {
  return {
    kind: 'file',
    name: spec.name,
    check: () => isFileConverged(spec),
    async apply() {
      if (spec.state === 'absent') {
        await rm(spec.path, { force: true });
        return;
      }
      const mode = spec.mode === undefined ? undefined : parseMode(spec.mode);
      const info = await statOrUndefined(spec.path);
      if (spec.content === undefined && info !== undefined) {
        // Content is not managed: only the mode may need fixing.
        if (mode !== undefined) await chmod(spec.path, mode);
        return;
      }
      await writeFileAtomic(spec.path, spec.content ?? '', mode);
    },
  };
}
