/**
 * `mgmt run` flags that follow etcd's operation options: the backend quota
 * (`--quota-backend-bytes`, NOSPACE past it) and scheduled backups
 * (`--backup-dir`, `--backup-interval`, `--backup-keep`). Kept apart from
 * run-config.ts; resolved the same way (flag, then MGMT_* environment).
 */
import { ConfigError } from './run-config.js';

/** etcd's default quota (2 GiB) and largest allowed one (8 GiB). */
export const DEFAULT_QUOTA_BACKEND_BYTES = 2 * 1024 ** 3;
const MAX_QUOTA_BACKEND_BYTES = 8 * 1024 ** 3;

/** The raw flags. */
export interface EtcdFlags {
  quotaBackendBytes?: string;
}

/** What they resolve to. */
export interface EtcdFlagValues {
  quotaBackendBytes: number;
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
  return { quotaBackendBytes };
}
