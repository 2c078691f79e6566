// Proves the etcd-style flags of `mgmt run` resolve or are refused with one
// line: the quota (etcd's 2 GiB default, 0 meaning the default, a ceiling)
// and the backup options (durations as Go writes them, defaults, and
// --backup-interval/--backup-keep without --backup-dir refused).
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTA_BACKEND_BYTES, parseDurationMs, resolveEtcdFlags } from './etcd-flags.js';

describe('etcd flags of mgmt run', () => {
  it('resolves the quota', () => {
    expect(resolveEtcdFlags({}, {}).quotaBackendBytes).toBe(DEFAULT_QUOTA_BACKEND_BYTES);
    expect(resolveEtcdFlags({ quotaBackendBytes: '0' }, {}).quotaBackendBytes).toBe(DEFAULT_QUOTA_BACKEND_BYTES);
    expect(resolveEtcdFlags({}, { MGMT_QUOTA_BACKEND_BYTES: '1048576' }).quotaBackendBytes).toBe(1048576);
    expect(() => resolveEtcdFlags({ quotaBackendBytes: '1e9' }, {})).toThrow(/^--quota-backend-bytes: "1e9" is not a number of bytes/);
  });

  it('resolves backups', () => {
    expect(parseDurationMs('1h30m')).toBe(5_400_000);
    expect(parseDurationMs('90s')).toBe(90_000);
    expect(parseDurationMs('1 hour')).toBeUndefined();
    expect(resolveEtcdFlags({}, {}).backup).toBeUndefined();
    expect(resolveEtcdFlags({ backupDir: '/b' }, {}).backup).toEqual({ dir: '/b', intervalMs: 3_600_000, keep: 24 });
    expect(resolveEtcdFlags({ backupDir: '/b', backupInterval: '30m', backupKeep: '3' }, {}).backup).toEqual({ dir: '/b', intervalMs: 1_800_000, keep: 3 });
    expect(() => resolveEtcdFlags({ backupInterval: '1h' }, {})).toThrow('--backup-interval and --backup-keep need --backup-dir (where the backups go)');
    expect(() => resolveEtcdFlags({ backupDir: '/b', backupInterval: 'often' }, {})).toThrow(/^--backup-interval: "often" is not a duration/);
    expect(() => resolveEtcdFlags({ backupDir: '/b', backupKeep: '0' }, {})).toThrow('--backup-keep: "0" is not a positive integer');
  });

  it('resolves the corruption check interval (off unless given)', () => {
    expect(resolveEtcdFlags({}, {}).corruptCheckIntervalMs).toBeUndefined();
    expect(resolveEtcdFlags({ experimentalCorruptCheckTime: '5m' }, {}).corruptCheckIntervalMs).toBe(300_000);
    expect(() => resolveEtcdFlags({ experimentalCorruptCheckTime: 'soon' }, {})).toThrow(/^--experimental-corrupt-check-time: "soon" is not a duration/);
  });
});
