// The snapshot policy (snapshot-taker.ts): due every N entries, and under a
// write load it waits for a quieter moment, bounded by a longest log.
import { describe, expect, it } from 'vitest';
import { DRIVER_DEFAULTS } from './options.js';
import { snapshotDue } from './snapshot-taker.js';

const policy = { snapshotEveryEntries: 10_000, snapshotCatchUpEntries: 2_000, snapshotBusyEntriesPerSecond: 200, snapshotBusyMaxEntries: 50_000 };

describe('snapshotDue', () => {
  it('is due every snapshotEveryEntries on a quiet member', () => {
    expect(snapshotDue(policy, 9_999, 0)).toBe(false);
    expect(snapshotDue(policy, 10_000, 0)).toBe(true);
    expect(snapshotDue(policy, 10_000, 200)).toBe(true);
  });

  it('waits while the member applies more than the busy rate, up to the longest log', () => {
    expect(snapshotDue(policy, 10_000, 2_500)).toBe(false);
    expect(snapshotDue(policy, 49_999, 2_500)).toBe(false);
    expect(snapshotDue(policy, 50_000, 2_500)).toBe(true);
  });

  it('never waits with the rate rule off, and never snapshots with an interval of 0', () => {
    expect(snapshotDue({ ...policy, snapshotBusyEntriesPerSecond: 0 }, 10_000, 1e6)).toBe(true);
    expect(snapshotDue({ ...policy, snapshotEveryEntries: 0 }, 1e9, 0)).toBe(false);
  });

  it('takes the interval as the longest log when the configured one is shorter', () => {
    expect(snapshotDue({ ...policy, snapshotEveryEntries: 100, snapshotBusyMaxEntries: 10 }, 100, 1e6)).toBe(true);
  });

  it('is production: the driver defaults wait under a load', () => {
    expect(snapshotDue(DRIVER_DEFAULTS, DRIVER_DEFAULTS.snapshotEveryEntries, 1_000)).toBe(false);
    expect(snapshotDue(DRIVER_DEFAULTS, DRIVER_DEFAULTS.snapshotBusyMaxEntries, 1_000)).toBe(true);
  });
});
