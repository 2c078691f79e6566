/**
 * Proves the small pure helpers: `/_mgmt/` key names round-trip through
 * `hostnameFromKey` and refuse unusable hostnames, URL values round-trip,
 * idealClusterSize refuses anything but a positive integer (keeping the old
 * size, with a warning), and backoff doubles up to its cap.
 */
import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../src/backoff.js';
import { parseIdealClusterSize } from '../src/ideal-cluster-size.js';
import {
  decodeUrls,
  encodeUrls,
  endpointKey,
  hostnameFromKey,
  IDEAL_CLUSTER_SIZE_KEY,
  InvalidHostnameError,
  NOMINATED_PREFIX,
  nominatedKey,
  VOLUNTEERS_PREFIX,
  volunteerKey,
} from '../src/keys.js';

describe('keys', () => {
  it('names the keys of the reference article', () => {
    expect(volunteerKey('h1')).toBe('/_mgmt/volunteers/h1');
    expect(nominatedKey('h1')).toBe('/_mgmt/nominated/h1');
    expect(endpointKey('h1')).toBe('/_mgmt/endpoints/h1');
    expect(IDEAL_CLUSTER_SIZE_KEY).toBe('/_mgmt/idealClusterSize');
  });

  it('reads the hostname back, and only from direct children of the prefix', () => {
    expect(hostnameFromKey(VOLUNTEERS_PREFIX, volunteerKey('web-1.example'))).toBe('web-1.example');
    expect(hostnameFromKey(NOMINATED_PREFIX, volunteerKey('h1'))).toBeUndefined();
    expect(hostnameFromKey(VOLUNTEERS_PREFIX, '/_mgmt/volunteers/a/b')).toBeUndefined();
    expect(hostnameFromKey(VOLUNTEERS_PREFIX, '/_mgmt/volunteers/')).toBeUndefined();
  });

  it('refuses hostnames that cannot name a key', () => {
    expect(() => volunteerKey('a/b')).toThrow(InvalidHostnameError);
    expect(() => nominatedKey('')).toThrow(InvalidHostnameError);
    expect(() => endpointKey('a b')).toThrow(/invalid hostname/);
  });

  it('round-trips URL lists and accepts the separators of the flags', () => {
    const urls = ['http://127.0.0.1:2380', 'http://10.0.0.1:2380'];
    expect(decodeUrls(encodeUrls(urls))).toEqual(urls);
    expect(decodeUrls('http://a:1; http://b:2  http://c:3,')).toEqual(['http://a:1', 'http://b:2', 'http://c:3']);
  });
});

describe('parseIdealClusterSize', () => {
  it('accepts positive decimal integers', () => {
    expect(parseIdealClusterSize('3', 5)).toEqual({ size: 3 });
    expect(parseIdealClusterSize(' 7\n', 5)).toEqual({ size: 7 });
  });

  it.each(['0', '-1', '2.5', 'three', '', '1e3', '0x10', '100'])('refuses %j, keeping the old size with a warning', (raw) => {
    const parsed = parseIdealClusterSize(raw, 5);
    expect(parsed.size).toBe(5);
    expect(parsed.warning).toContain('keeping 5');
  });

  it('keeps the old size silently when the key is missing', () => {
    expect(parseIdealClusterSize(undefined, 4)).toEqual({ size: 4 });
  });
});

describe('backoffDelayMs', () => {
  it('doubles from the base up to the cap', () => {
    const policy = { baseDelayMs: 100, maxDelayMs: 1_000 };
    expect([0, 1, 2, 3, 4, 50].map((attempt) => backoffDelayMs(attempt, policy))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
  });
});
