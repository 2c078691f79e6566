// Proves the shared pieces: the bounded send queue never passes its bounds,
// backoff grows to its cap and never returns zero, and the URL parser
// accepts what the CLI documents and refuses the rest with one PeerUrlError.
import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/core/backoff.js';
import { SendQueue } from '../src/core/send-queue.js';
import { parsePeerUrl, parsePeerUrls, PeerUrlError, splitUrlList } from '../src/index.js';

describe('SendQueue', () => {
  it('refuses past its message bound and its byte bound, and keeps FIFO order', () => {
    const q = new SendQueue(3, 10);
    expect(q.push(new Uint8Array([1]))).toBe(true);
    expect(q.push(new Uint8Array(8))).toBe(true);
    expect(q.push(new Uint8Array(2))).toBe(false); // 11 bytes
    expect(q.push(new Uint8Array(1))).toBe(true);
    expect(q.push(new Uint8Array(0))).toBe(false); // 4 messages
    expect(q.byteLength).toBe(10);
    expect([...q.shift()!]).toEqual([1]);
    expect(q.length).toBe(2);
    expect(q.clear()).toBe(2);
    expect(q.byteLength).toBe(0);
  });

  it('compacts as it drains', () => {
    const q = new SendQueue(100_000, 1 << 30);
    for (let i = 0; i < 5000; i += 1) q.push(new Uint8Array([i & 0xff]));
    for (let i = 0; i < 5000; i += 1) expect(q.shift()?.[0]).toBe(i & 0xff);
    expect(q.shift()).toBeUndefined();
  });
});

describe('Backoff', () => {
  it('grows to the cap, is never zero, and resets', () => {
    const b = new Backoff(10, 100, () => 0);
    const delays = Array.from({ length: 8 }, () => b.nextDelayMs());
    expect(delays).toEqual([5, 10, 20, 40, 50, 50, 50, 50]);
    b.reset();
    expect(b.nextDelayMs()).toBe(5);
    const top = new Backoff(10, 100, () => 0.999999);
    for (let i = 0; i < 10; i += 1) expect(top.nextDelayMs()).toBeLessThanOrEqual(100);
  });
});

describe('parsePeerUrl', () => {
  it('accepts http, https, tcp and nats URLs', () => {
    expect(parsePeerUrl('http://127.0.0.1:2380')).toMatchObject({ scheme: 'http', kind: 'tcp', host: '127.0.0.1', port: 2380 });
    expect(parsePeerUrl('https://127.0.0.1:2380')).toMatchObject({ scheme: 'https', kind: 'tcp', host: '127.0.0.1', port: 2380 });
    expect(parsePeerUrl(' tcp://node-1:7000/ ')).toMatchObject({ scheme: 'tcp', kind: 'tcp', host: 'node-1', port: 7000 });
    expect(parsePeerUrl('nats://10.0.0.1')).toMatchObject({ kind: 'nats', port: 4222 });
    expect(parsePeerUrl('http://[::1]:2380')).toMatchObject({ host: '::1', port: 2380 });
    expect(parsePeerUrl('http://127.0.0.1:80')).toMatchObject({ port: 80 });
  });

  it.each([
    ['', /empty/],
    ['127.0.0.1:2380', /scheme|not a URL/],
    ['wss://a:1', /unsupported scheme "wss"/],
    ['http://a', /missing port/],
    ['http://a:99999', /not a URL|bad port/],
    ['http://a:1/path', /no path/],
    ['http://u:p@a:1', /credentials/],
    ['ftp://a:1', /unsupported scheme/],
  ])('refuses %j with one PeerUrlError', (input, reason) => {
    expect(() => parsePeerUrl(input)).toThrow(PeerUrlError);
    expect(() => parsePeerUrl(input)).toThrow(reason);
  });

  it('picks one kind for a list and refuses mixes', () => {
    expect(parsePeerUrls(['nats://a:1', 'nats://b:2']).kind).toBe('nats');
    expect(parsePeerUrls(['http://a:1', 'tcp://b:2']).kind).toBe('tcp');
    expect(() => parsePeerUrls(['http://a:1', 'nats://b:2'])).toThrow(/mixes/);
    expect(() => parsePeerUrls([])).toThrow(PeerUrlError);
  });

  it('splits lists on commas, semicolons and spaces', () => {
    expect(splitUrlList('http://a:1, http://b:2;http://c:3  http://d:4')).toHaveLength(4);
  });
});
