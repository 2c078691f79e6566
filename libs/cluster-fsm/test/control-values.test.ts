/**
 * Proves hostile `/_mgmt/` values are recognised before anything acts on
 * them: URL lists that are not URLs, megabyte values, an idealClusterSize
 * of 0, negative, non-integer or huge, a cluster id that is not one. Good
 * values give no warning, and keys outside the control keys are not judged.
 * A nomination record with a refused value is no nomination.
 */
import { describe, expect, it } from 'vitest';
import { CLUSTER_ID_KEY, MAX_CONTROL_VALUE_BYTES, findHostileValues, parseUrlsValue, urlProblem } from '../src/control-values.js';
import { parseIdealClusterSize } from '../src/ideal-cluster-size.js';
import { isNominationRecord } from '../src/lifecycle/nomination-level.js';

const megabyte = 'x'.repeat(1 << 20);

describe('URL-list values', () => {
  it('accepts the URLs agents write', () => {
    expect(parseUrlsValue('http://127.0.0.1:2380,nats://10.0.0.1:4222')).toEqual({ ok: true, urls: ['http://127.0.0.1:2380', 'nats://10.0.0.1:4222'] });
    // tls:// is a NATS server that requires TLS (the token PKI's peer URLs over NATS).
    expect(parseUrlsValue('tls://127.0.0.1:4222')).toEqual({ ok: true, urls: ['tls://127.0.0.1:4222'] });
    expect(urlProblem('tcp://h1:2380')).toBeUndefined();
    // `mgmt demo` names its agents' worker threads so.
    expect(parseUrlsValue('worker://h1')).toEqual({ ok: true, urls: ['worker://h1'] });
  });

  it.each([
    ['garbage', 'not a URL'],
    ['ftp://h1:21', 'scheme ftp:'],
    ['', 'no URLs'],
    [megabyte, `bytes (at most ${MAX_CONTROL_VALUE_BYTES})`],
    [Array.from({ length: 17 }, (_, i) => `http://h${i}:1`).join(','), '17 URLs'],
  ])('refuses %#', (value, problem) => {
    const parsed = parseUrlsValue(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

describe('findHostileValues', () => {
  it('is silent about good values and about keys it does not own', () => {
    const kvs = [
      { key: '/_mgmt/volunteers/h1', value: 'http://127.0.0.1:2380' },
      { key: '/_mgmt/endpoints/h1', value: 'http://127.0.0.1:2379' },
      { key: '/_mgmt/nominated/h1', value: 'http://127.0.0.1:2380' },
      { key: '/_mgmt/idealClusterSize', value: '1' },
      { key: CLUSTER_ID_KEY, value: '1a2b3c' },
      { key: '/_mgmt/status/h1', value: megabyte },
      { key: '/app/key', value: 'garbage' },
    ];
    expect(findHostileValues(kvs, 3)).toEqual([]);
  });

  it('names the key of each refused value, once each', () => {
    const kvs = [
      { key: '/_mgmt/volunteers/h2', value: 'not a url' },
      { key: '/_mgmt/endpoints/h3', value: megabyte },
      { key: '/_mgmt/nominated/h4', value: '%%%' },
      { key: CLUSTER_ID_KEY, value: 'hello world' },
    ];
    const found = findHostileValues(kvs, 3);
    expect(found.map((h) => h.key)).toEqual(kvs.map((kv) => kv.key));
    for (const h of found) expect(h.problem).toContain(h.key);
    // A warning about a megabyte value is one short line.
    expect(found[1]!.problem.length).toBeLessThan(200);
  });

  it.each(['0', '-1', '2.5', '1000000', 'three', '9'.repeat(1 << 20)])('refuses idealClusterSize %s and keeps the last good size', (value) => {
    const found = findHostileValues([{ key: '/_mgmt/idealClusterSize', value }], 3);
    expect(found).toHaveLength(1);
    expect(found[0]!.problem).toContain('keeping 3');
    expect(found[0]!.problem.length).toBeLessThan(200);
    expect(parseIdealClusterSize(value, 3).size).toBe(3);
  });

  it('takes idealClusterSize 1: shrinking to one member is an operator decision', () => {
    expect(findHostileValues([{ key: '/_mgmt/idealClusterSize', value: '1' }], 3)).toEqual([]);
    expect(parseIdealClusterSize('1', 3)).toEqual({ size: 1 });
  });
});

describe('a nomination record', () => {
  // The nominator leaves a refused value out of its view; the host must not act on it either (cluster.property seed -1040949582).
  it('counts only when its value is peer URLs', () => {
    expect(isNominationRecord('http://h2:2380')).toBe(true);
    expect(isNominationRecord(undefined)).toBe(false);
    for (const garbage of ['%%%', 'not a url', '', megabyte]) expect(isNominationRecord(garbage)).toBe(false);
  });
});
