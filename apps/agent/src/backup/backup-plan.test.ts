// Proves the schedule of backups: due when none was taken or the interval
// has passed since the cluster's last one (whoever took it), file names
// that sort by time, and pruning that keeps the newest N and touches
// nothing else in the directory.
import { describe, expect, it } from 'vitest';
import { backupFileName, backupsToRemove, isBackupDue, parseBackupRecord } from './backup-plan.js';

describe('backup plan', () => {
  it('is due with no record, or once the interval has passed', () => {
    const hour = 3_600_000;
    expect(isBackupDue(undefined, hour, 0)).toBe(true);
    const last = { host: 'h2', file: 'x', revision: 5, atMs: 10 * hour };
    expect(isBackupDue(last, hour, 10.5 * hour)).toBe(false);
    expect(isBackupDue(last, hour, 11 * hour)).toBe(true);
  });

  it('names files by time and revision, and keeps the newest N backups only', () => {
    expect(backupFileName(Date.UTC(2026, 11, 5, 10, 0, 7), 42)).toBe('mgmt-backup-20261205T100007Z-rev42.db');
    const names = [backupFileName(3000, 3), 'notes.txt', backupFileName(1000, 1), backupFileName(2000, 2), 'mgmt-backup-x.db'];
    expect(backupsToRemove(names, 2)).toEqual([backupFileName(1000, 1)]);
    expect(backupsToRemove(names, 5)).toEqual([]);
  });

  it('reads only well-formed records', () => {
    expect(parseBackupRecord('{"host":"h1","file":"f","revision":3,"atMs":9}')).toEqual({ host: 'h1', file: 'f', revision: 3, atMs: 9 });
    expect(parseBackupRecord('junk')).toBeUndefined();
    expect(parseBackupRecord('{"host":"h1"}')).toBeUndefined();
  });
});
