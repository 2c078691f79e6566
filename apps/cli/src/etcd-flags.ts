/**
 * `mgmt run` flags that follow etcd's operation options: the backend quota
 * (`--quota-backend-bytes`, NOSPACE past it) and scheduled backups
 * (`--backup-dir`, `--backup-interval` default 1h, `--backup-keep` default
 * 24; written by the leader only, see the agent's backup-plan.ts). Kept
 * apart from run-config.ts; resolved the same way (flag, then MGMT_*
 * environment).
 */
import type { BackupOptions } from '@mgmt/agent';
import path from 'node:path';
import { ConfigError } from './run-config.js';

/** etcd's default quota (2 GiB) and largest allowed one (8 GiB). */
export const DEFAULT_QUOTA_BACKEND_BYTES = 2 * 1024 ** 3;
const MAX_QUOTA_BACKEND_BYTES = 8 * 1024 ** 3;

/** The raw flags. */
export interface EtcdFlags {
  quotaBackendBytes?: string;
  backupDir?: string;
  backupInterval?: string;
  backupKeep?: string;
  experimentalCorruptCheckTime?: string;
}

/** What they resolve to. */
export interface EtcdFlagValues {
  quotaBackendBytes: number;
  backup?: BackupOptions;
  corruptCheckIntervalMs?: number;
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go-style duration (`1h`, `30m`, `1h30m`, `90s`) in milliseconds; undefined when it is not one. */
export function parseDurationMs(text: string): number | undefined {
  const parts = [...text.trim().matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) return undefined;
  return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS_MS[p[2]!]!, 0);
}

/** Backups every 1 hour unless told, keeping 24. */
const DEFAULT_BACKUP_INTERVAL = '1h';
const DEFAULT_BACKUP_KEEP = 24;

function resolveBackup(flags: EtcdFlags, env: Record<string, string | undefined>): BackupOptions | undefined {
  const dir = flags.backupDir ?? env.MGMT_BACKUP_DIR;
  const intervalText = flags.backupInterval ?? env.MGMT_BACKUP_INTERVAL;
  const keepText = flags.backupKeep ?? env.MGMT_BACKUP_KEEP;
  if (dir === undefined || dir === '') {
    if (intervalText !== undefined || keepText !== undefined) throw new ConfigError('--backup-interval and --backup-keep need --backup-dir (where the backups go)');
    return undefined;
  }
  const intervalMs = parseDurationMs(intervalText ?? DEFAULT_BACKUP_INTERVAL);
  if (intervalMs === undefined || intervalMs < 1000) throw new ConfigError(`--backup-interval: ${JSON.stringify(intervalText)} is not a duration of at least 1s (e.g. 1h, 30m, 1h30m)`);
  const keep = keepText === undefined ? DEFAULT_BACKUP_KEEP : Number(keepText);
  if (!Number.isSafeInteger(keep) || keep < 1 || !/^\s*\d+\s*$/.test(keepText ?? '1')) throw new ConfigError(`--backup-keep: ${JSON.stringify(keepText)} is not a positive integer`);
  return { dir: path.resolve(dir), intervalMs, keep };
}

/** Resolves the flags; throws ConfigError with one line on a bad value. */
export function resolveEtcdFlags(flags: EtcdFlags, env: Record<string, string | undefined> = process.env): EtcdFlagValues {
  const quotaText = flags.quotaBackendBytes ?? env.MGMT_QUOTA_BACKEND_BYTES;
  let quotaBackendBytes = DEFAULT_QUOTA_BACKEND_BYTES;
  if (quotaText !== undefined && quotaText.trim() !== '') {
    const n = Number(quotaText);
    if (!/^\s*\d+\s*$/.test(quotaText) || !Number.isSafeInteger(n) || n > MAX_QUOTA_BACKEND_BYTES) {
      throw new ConfigError(`--quota-backend-bytes: ${JSON.stringify(quotaText)} is not a number of bytes from 0 to ${MAX_QUOTA_BACKEND_BYTES} (0: etcd's default, 2 GiB)`);
    }
    if (n > 0) quotaBackendBytes = n;
  }
  const checkText = flags.experimentalCorruptCheckTime ?? env.MGMT_EXPERIMENTAL_CORRUPT_CHECK_TIME;
  let corruptCheckIntervalMs: number | undefined;
  if (checkText !== undefined && checkText !== '' && checkText !== '0') {
    corruptCheckIntervalMs = parseDurationMs(checkText);
    if (corruptCheckIntervalMs === undefined || corruptCheckIntervalMs < 1000) {
      throw new ConfigError(`--experimental-corrupt-check-time: ${JSON.stringify(checkText)} is not a duration of at least 1s (e.g. 5m)`);
    }
  }
  return { quotaBackendBytes, backup: resolveBackup(flags, env), corruptCheckIntervalMs };
}
