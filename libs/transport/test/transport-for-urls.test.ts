// Proves transportForUrls picks NATS for nats:// URLs and TCP for http:// or
// tcp:// URLs, accepts the CLI's list syntax, and refuses bad input with one
// PeerUrlError before anything is started.
import { describe, expect, it } from 'vitest';
import { NatsTransport, PeerUrlError, TcpTransport, transportForUrls } from '../src/index.js';

describe('transportForUrls', () => {
  it('picks the transport from the scheme', async () => {
    const nats = transportForUrls({ urls: 'nats://127.0.0.1:4222, nats://127.0.0.1:4223', localId: 1, clusterId: 'c' });
    expect(nats).toBeInstanceOf(NatsTransport);
    const tcp = transportForUrls({ urls: ['http://127.0.0.1:0'], localId: 1, clusterId: 'c' });
    expect(tcp).toBeInstanceOf(TcpTransport);
    expect((tcp as TcpTransport).listenUrl).toBe('http://127.0.0.1:0');
    await Promise.all([nats.close(), tcp.close()]);
  });

  it.each([[''], ['bogus'], ['https://a:1'], ['http://a:1;nats://b:2'], ['http://host']])('refuses %j with a PeerUrlError', (urls) => {
    expect(() => transportForUrls({ urls, localId: 1, clusterId: 'c' })).toThrow(PeerUrlError);
  });
});
