/**
 * Picks and builds the transport a list of URLs selects: `nats://` URLs are
 * NATS servers (several for a NATS cluster); an `http://` or `tcp://` URL is
 * this member's own peer URL to listen on (direct TCP).
 */
import { createNatsTransport } from '../nats/nats-transport.js';
import type { NatsTransport, NatsTransportOptions } from '../nats/nats-transport.js';
import { createTcpTransport } from '../tcp/tcp-transport.js';
import type { TcpTransport, TcpTransportOptions } from '../tcp/tcp-transport.js';
import { assert } from './errors.js';
import type { CommonTransportOptions } from './options.js';
import { parsePeerUrls, splitUrlList } from './peer-url.js';

/** Options of transportForUrls. */
export interface TransportForUrlsOptions extends CommonTransportOptions {
  /** The URLs: an array, or one string split on `,` `;` or whitespace. */
  urls: string | readonly string[];
  /** Cluster id (TCP handshake check; NATS subject namespace). */
  clusterId: string;
  /** Extra options for the NATS transport. */
  nats?: Partial<Omit<NatsTransportOptions, keyof CommonTransportOptions | 'servers' | 'clusterId'>>;
  /** Extra options for the TCP transport. */
  tcp?: Partial<Omit<TcpTransportOptions, keyof CommonTransportOptions | 'listenUrl' | 'clusterId'>>;
}

/**
 * Builds (but does not start) the transport the URLs select. Throws one
 * PeerUrlError for a bad URL, an empty list or a mix of kinds. With several
 * TCP URLs it listens on the first.
 */
export function transportForUrls(options: TransportForUrlsOptions): NatsTransport | TcpTransport {
  const list = typeof options.urls === 'string' ? splitUrlList(options.urls) : [...options.urls];
  const { kind, urls } = parsePeerUrls(list);
  const { urls: _urls, nats, tcp, ...common } = options;
  if (kind === 'nats') return createNatsTransport({ ...common, ...nats, servers: urls.map((u) => u.url) });
  const first = urls[0];
  assert(first !== undefined, 'parsePeerUrls returned no URL');
  return createTcpTransport({ ...common, ...tcp, listenUrl: first.url });
}
