/** Proves the zone, standby and failure-timeout values are checked: a bad one gets one clear warning and the old value stays. */
import { describe, expect, it } from 'vitest';
import { parseFailureTimeout, parseIdealStandbySize, zoneProblem } from '../src/zone-settings.js';

describe('zone names', () => {
  it('accepts ordinary names and refuses empty, overlong and odd ones', () => {
    expect(zoneProblem('rack-1')).toBeUndefined();
    expect(zoneProblem('eu.west_2')).toBeUndefined();
    expect(zoneProblem('')).toContain('must not be empty');
    expect(zoneProblem('z'.repeat(64))).toContain('at most 63');
    expect(zoneProblem('a b')).toContain('letters, digits');
  });
});

describe('idealStandbySize', () => {
  it('parses a non-negative integer; a missing key keeps the previous value silently', () => {
    expect(parseIdealStandbySize('2', 0)).toEqual({ value: 2 });
    expect(parseIdealStandbySize(' 0 ', 1)).toEqual({ value: 0 });
    expect(parseIdealStandbySize(undefined, 1)).toEqual({ value: 1 });
  });

  it('refuses negative, non-integer and huge values with one warning, keeping the old value', () => {
    for (const raw of ['-1', '1.5', 'two', '', '1000']) {
      const parsed = parseIdealStandbySize(raw, 1);
      expect(parsed.value).toBe(1);
      expect(parsed.warning).toMatch(/^ignoring \/_mgmt\/idealStandbySize=.*keeping 1$/);
    }
  });
});

describe('failureTimeout', () => {
  it('parses seconds and milliseconds', () => {
    expect(parseFailureTimeout('2s', 1000)).toEqual({ value: 2000 });
    expect(parseFailureTimeout('1500ms', 1000)).toEqual({ value: 1500 });
    expect(parseFailureTimeout('2.5', 1000)).toEqual({ value: 2500 });
  });

  it('refuses garbage and out-of-range durations, keeping the old value', () => {
    for (const raw of ['-2s', 'soon', '10ms', '1h']) {
      const parsed = parseFailureTimeout(raw, 2000);
      expect(parsed.value).toBe(2000);
      expect(parsed.warning).toContain('keeping 2000 ms');
    }
  });
});
