/**
 * CPU seconds from /proc/<pid>/stat: utime + stime (fields 14 and 15) in
 * USER_HZ ticks, also when the command name holds spaces and parentheses;
 * and this process's own figure grows when it works. No timing is asserted.
 */
import { describe, expect, it } from 'vitest';
import { cpuSeconds, parseCpuSeconds } from './process-cpu.js';

describe('process CPU', () => {
  it('reads utime and stime after a command name with spaces and parentheses', () => {
    const line = '4242 (node (mgmt) run) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 75 0 0 20 0 11 0 1234 1000000 5000 18446744073709551615';
    expect(parseCpuSeconds(line)).toBeCloseTo(3.25);
  });

  it('refuses a line without the fields', () => {
    expect(() => parseCpuSeconds('1 (x) S')).toThrow(/unreadable/);
  });

  it('gives this process a figure that does not go down, and none for a process that is gone', () => {
    const before = cpuSeconds(process.pid)!;
    let x = 0;
    for (let i = 0; i < 2e7; i++) x += i;
    expect(x).toBeGreaterThan(0);
    expect(cpuSeconds(process.pid)!).toBeGreaterThanOrEqual(before);
    expect(cpuSeconds(2 ** 22 + 1)).toBeUndefined();
  });
});
