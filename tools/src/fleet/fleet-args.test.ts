// Proves the fleet harness's flags: defaults, values given either way, and
// one clear line for bad input (the caller exits 2); and the percentile it
// reports (nearest rank).
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_OPTIONS, parseFleetArgs, percentile } from './fleet-args.js';

describe('parseFleetArgs', () => {
  it('takes the defaults, and values as separate or inline arguments', () => {
    expect(parseFleetArgs([])).toEqual(DEFAULT_FLEET_OPTIONS);
    expect(parseFleetArgs(['--', '--agents', '50', '--per-process=25', '--quick'])).toEqual({ ...DEFAULT_FLEET_OPTIONS, agents: 50, perProcess: 25, quick: true });
  });

  it('refuses unknown flags, missing values and out-of-range numbers with one line', () => {
    for (const argv of [['--agent', '5'], ['--agents'], ['--agents', '0'], ['--agents', '1e3'], ['--window-ms', '10']]) {
      const r = parseFleetArgs(argv);
      expect('error' in r && !r.error.includes('\n')).toBe(true);
    }
  });
});

describe('percentile', () => {
  it('is the nearest-rank value, undefined for no values', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 50)).toBeUndefined();
  });
});
