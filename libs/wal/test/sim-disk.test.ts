// Proves SimDisk models a power cut the way the WAL's crash tests assume:
// fsynced bytes survive and unsynced ones are lost, torn or kept; a new
// file, rename or unlink survives only once its directory is fsynced (or,
// at a crash, as an in-order prefix); crashAfterOps kills the process at an
// exact step; bit flips damage data at rest; a full disk writes what fits
// and fails with ENOSPC.
import { describe, expect, it } from 'vitest';
import { SimCrashError, SimDisk } from '../src/index.js';

const bytes = (...b: number[]) => new Uint8Array(b);

function setup(): SimDisk {
  const d = new SimDisk({ seed: 5 });
  d.mkdirp('/d');
  return d;
}

describe('SimDisk', () => {
  it('keeps fsynced bytes and loses unsynced ones at a crash', () => {
    const d = setup();
    const f = d.openAppend('/d/a', { create: true });
    f.write(bytes(1, 2));
    f.sync();
    d.fsyncDir('/d');
    f.write(bytes(3, 4));
    expect(d.readFile('/d/a')).toEqual(bytes(1, 2, 3, 4));
    d.crash('lose');
    expect(d.readFile('/d/a')).toEqual(bytes(1, 2));
  });

  it('keeps or tears unsynced appends on request', () => {
    const d = setup();
    const f = d.openAppend('/d/a', { create: true });
    f.sync();
    d.fsyncDir('/d');
    f.write(new Uint8Array(100).fill(9));
    d.crash('keep');
    expect(d.readFile('/d/a').byteLength).toBe(100);
    const g = d.openAppend('/d/a', { create: false });
    g.write(new Uint8Array(100).fill(8));
    d.crash('tear');
    const after = d.readFile('/d/a');
    expect(after.byteLength).toBeGreaterThanOrEqual(100);
    expect(after.byteLength).toBeLessThanOrEqual(200);
    expect(after.subarray(0, 100).every((b) => b === 9)).toBe(true);
  });

  it('makes creates, renames and unlinks durable only with a directory fsync', () => {
    const d = setup();
    const f = d.openAppend('/d/tmp', { create: true });
    f.write(bytes(1));
    f.sync();
    d.rename('/d/tmp', '/d/final');
    d.crash('lose');
    expect(d.exists('/d/final')).toBe(false);
    expect(d.exists('/d/tmp')).toBe(false);

    const g = d.openAppend('/d/tmp', { create: true });
    g.write(bytes(1));
    g.sync();
    d.rename('/d/tmp', '/d/final');
    d.fsyncDir('/d');
    d.unlink('/d/final');
    d.crash('lose');
    expect(d.readFile('/d/final')).toEqual(bytes(1));
  });

  it('restores an unsynced truncate of synced data', () => {
    const d = setup();
    const f = d.openAppend('/d/a', { create: true });
    f.write(bytes(1, 2, 3));
    f.sync();
    d.fsyncDir('/d');
    f.truncate(1);
    f.write(bytes(7));
    expect(d.readFile('/d/a')).toEqual(bytes(1, 7));
    d.crash('lose');
    expect(d.readFile('/d/a')).toEqual(bytes(1, 2, 3));
  });

  it('kills the process after exactly n mutating operations', () => {
    const d = setup();
    d.crashAfterOps(2);
    const f = d.openAppend('/d/a', { create: true }); // 1
    f.write(bytes(1)); // 2
    expect(() => f.sync()).toThrow(SimCrashError);
    expect(d.isDead).toBe(true);
    expect(() => d.readdir('/d')).toThrow(SimCrashError);
    d.crash();
    expect(d.readdir('/d')).toEqual([]);
    expect(() => f.write(bytes(1))).toThrow(/handle from before a crash/);
  });

  it('flips bits at rest and fails writes past its capacity with ENOSPC', () => {
    const d = setup();
    const f = d.openAppend('/d/a', { create: true });
    f.write(bytes(0, 0));
    f.sync();
    d.fsyncDir('/d');
    d.flipBit('/d/a', 1, 2);
    d.crash('lose');
    expect(d.readFile('/d/a')).toEqual(bytes(0, 4));
    d.capacityBytes = 5;
    const g = d.openAppend('/d/a', { create: false });
    expect(() => g.write(bytes(1, 2, 3, 4, 5))).toThrow(expect.objectContaining({ code: 'ENOSPC' }));
    expect(d.readFile('/d/a').byteLength).toBe(5); // what fit was written
  });
});
