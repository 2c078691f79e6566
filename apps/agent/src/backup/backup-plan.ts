/**
 * Scheduled backups, the pure part: when the next one is due, what its
 * file is called, and which old files go. One member at a time: only the
 * Raft leader writes a backup, and the cluster-wide record of the last one
 * (`/_mgmt/backup/last`, written through Raft) tells a new leader when the
 * next is due, so a failover neither skips nor doubles one.
 */

/** Options of `--backup-dir DIR --backup-interval 1h --backup-keep N`. */
export interface BackupOptions {
  readonly dir: string;
  readonly intervalMs: number;
  /** How many backup files this host keeps (older ones are removed). */
  readonly keep: number;
}

/** The record of the last backup, as stored under BACKUP_RECORD_KEY. */
export interface BackupRecord {
  readonly host: string;
  readonly file: string;
  readonly revision: number;
  readonly atMs: number;
}

/** Where the last backup is recorded. */
export const BACKUP_RECORD_KEY = '/_mgmt/backup/last';

const FILE_PATTERN = /^mgmt-backup-(\d{8}T\d{6}Z)-rev(\d+)\.db$/;

/** Whether a backup is due at `nowMs` after the last one (none yet: due). */
export function isBackupDue(last: BackupRecord | undefined, intervalMs: number, nowMs: number): boolean {
  return last === undefined || nowMs - last.atMs >= intervalMs;
}

/** The file name of a backup taken at `atMs` at store revision `revision` (sorts by time). */
export function backupFileName(atMs: number, revision: number): string {
  const stamp = new Date(atMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return `mgmt-backup-${stamp}-rev${revision}.db`;
}

/** Of the names in a backup directory, the backups to remove so that `keep` newest stay. */
export function backupsToRemove(names: readonly string[], keep: number): string[] {
  const backups = names.filter((n) => FILE_PATTERN.test(n)).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}

/** Parses a record; undefined when it is absent or not one (a user may have written anything). */
export function parseBackupRecord(text: string | undefined): BackupRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const r = JSON.parse(text) as Partial<BackupRecord>;
    return typeof r.atMs === 'number' && typeof r.host === 'string' && typeof r.file === 'string' && typeof r.revision === 'number' ? (r as BackupRecord) : undefined;
  } catch {
    return undefined;
  }
}
