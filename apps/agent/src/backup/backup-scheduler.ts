/**
 * Writes scheduled backups (backup-plan.ts) while this agent's member
 * leads: the store as a snapshot file (the same file `etcdctl snapshot
 * save` writes; restore it with `mgmt snapshot restore`), written to a
 * temporary name, fsynced and renamed, then the old files beyond `keep`
 * removed and the record proposed through Raft. A failure is logged and
 * tried again at the next check.
 */
import { encodeSnapshotFile } from '@mgmt/kv';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log.js';
import type { Peer } from '../peer.js';
import { BACKUP_RECORD_KEY, backupFileName, backupsToRemove, isBackupDue, parseBackupRecord, type BackupOptions } from './backup-plan.js';

/** How often the leader checks whether a backup is due (at most; less when the interval is shorter). */
const CHECK_EVERY_MS = 30_000;

/** Writes `bytes` to `file` durably: temporary name, fsync, rename, fsync of the directory. */
function writeDurably(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

/** Takes backups on schedule while the member runs here and leads. */
export class BackupScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly options: BackupOptions,
    private readonly hostname: string,
    private readonly peer: () => Peer | undefined,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    fs.mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    this.timer = setInterval(() => void this.check(), Math.min(CHECK_EVERY_MS, this.options.intervalMs));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Takes a backup if this member leads and one is due; resolves with the file written, if any. */
  async check(): Promise<string | undefined> {
    const peer = this.peer();
    if (this.running || !peer || !peer.member.raft.isLeader) return undefined;
    this.running = true;
    try {
      const store = peer.backend.store;
      const recorded = store.range({ key: Buffer.from(BACKUP_RECORD_KEY), serializable: true }).kvs[0]?.value;
      const last = parseBackupRecord(recorded ? Buffer.from(recorded).toString() : undefined);
      const now = this.now();
      if (!isBackupDue(last, this.options.intervalMs, now)) return undefined;
      const revision = store.revision;
      const file = path.join(this.options.dir, backupFileName(now, revision));
      writeDurably(file, encodeSnapshotFile(store.snapshot()));
      for (const old of backupsToRemove(fs.readdirSync(this.options.dir), this.options.keep)) fs.rmSync(path.join(this.options.dir, old), { force: true });
      const record = JSON.stringify({ host: this.hostname, file, revision, atMs: now });
      const result = await peer.backend.propose({ put: { key: Buffer.from(BACKUP_RECORD_KEY), value: Buffer.from(record) } });
      if (!result.ok) throw result.error;
      this.log.info({ file, revision }, 'backup written');
      return file;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'backup failed; trying again at the next check');
      return undefined;
    } finally {
      this.running = false;
    }
  }
}
