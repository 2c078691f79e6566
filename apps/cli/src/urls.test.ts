// Proves list flags split on , ; and spaces, and that every bad URL gives a
// UrlError naming the flag and the value.
import { describe, expect, it } from 'vitest';
import { UrlError, parseUrl, parseUrlList, splitList } from './urls.js';

describe('splitList', () => {
  it('splits on commas, semicolons and white space', () => {
    expect(splitList('a, b;c  d')).toEqual(['a', 'b', 'c', 'd']);
    expect(splitList(['a,b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(splitList(undefined)).toEqual([]);
    expect(splitList(' ; , ')).toEqual([]);
  });
});

describe('parseUrl', () => {
  it('normalizes good URLs and reads host:port as http', () => {
    expect(parseUrl('--client-urls', 'http://127.0.0.1:2379', 'client')).toBe('http://127.0.0.1:2379');
    expect(parseUrl('--client-urls', '127.0.0.1:2381/', 'client')).toBe('http://127.0.0.1:2381');
    expect(parseUrl('--server-urls', 'nats://127.0.0.1:4222', 'peer')).toBe('nats://127.0.0.1:4222');
    expect(parseUrl('--server-urls', 'tcp://[::1]:2380', 'peer')).toBe('tcp://[::1]:2380');
  });

  it.each([
    ['foo://h:1', 'has scheme foo'],
    ['http://h', 'has no port'],
    ['http://h:1/path', 'no path'],
    ['http://:99999', 'is not a URL'],
    ['nats://h:1', 'has scheme nats'],
  ])('refuses %s', (value, why) => {
    expect(() => parseUrl('--client-urls', value, 'client')).toThrow(UrlError);
    expect(() => parseUrl('--client-urls', value, 'client')).toThrow(why);
  });

  it('names the flag in the message', () => {
    expect(() => parseUrlList('--seeds', 'http://a:1,bad:', 'seed')).toThrow(/^--seeds: "bad:"/);
  });
});
