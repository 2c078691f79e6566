/**
 * Peer and server URLs: parse, validate, and pick the transport they select
 * (`nats://` for NATS, `http://` or `tcp://` for direct TCP).
 */
import { PeerUrlError } from './errors.js';

/** The carriers a URL can select. */
export type UrlTransportKind = 'nats' | 'tcp';

/** A validated peer URL. */
export interface PeerUrl {
  /** The URL as given (trimmed). */
  readonly url: string;
  readonly scheme: 'http' | 'https' | 'tcp' | 'nats' | 'tls';
  readonly kind: UrlTransportKind;
  /** Host name or IP address; IPv6 without brackets. */
  readonly host: string;
  readonly port: number;
}

const SCHEMES: Record<string, { scheme: PeerUrl['scheme']; kind: UrlTransportKind; defaultPort?: number }> = {
  'http:': { scheme: 'http', kind: 'tcp' },
  // TLS over the same TCP carrier (the transport's `tls` option).
  'https:': { scheme: 'https', kind: 'tcp' },
  'tcp:': { scheme: 'tcp', kind: 'tcp' },
  'nats:': { scheme: 'nats', kind: 'nats', defaultPort: 4222 },
  // NATS over TLS (the transport's `tls` option gives the CA and a client certificate).
  'tls:': { scheme: 'tls', kind: 'nats', defaultPort: 4222 },
};

/** Parses one peer URL; throws PeerUrlError with the reason when it is unusable. */
export function parsePeerUrl(input: string): PeerUrl {
  if (typeof input !== 'string') throw new PeerUrlError(String(input), 'not a string');
  const text = input.trim();
  if (text === '') throw new PeerUrlError(input, 'empty');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch (cause) {
    throw new PeerUrlError(input, 'not a URL (expected e.g. http://10.0.0.1:2380 or nats://10.0.0.1:4222)', { cause });
  }
  const known = SCHEMES[parsed.protocol];
  if (known === undefined) {
    throw new PeerUrlError(input, `unsupported scheme ${JSON.stringify(parsed.protocol.replace(/:$/, ''))} (use http, https, tcp, nats or tls)`);
  }
  if (parsed.username !== '' || parsed.password !== '') throw new PeerUrlError(input, 'credentials in peer URLs are not supported');
  if (parsed.pathname !== '' && parsed.pathname !== '/') throw new PeerUrlError(input, 'a peer URL has no path');
  if (parsed.search !== '' || parsed.hash !== '') throw new PeerUrlError(input, 'a peer URL has no query or fragment');
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new PeerUrlError(input, 'missing host');
  // URL drops the default port of http (80); only accept a port written out.
  const portText = parsed.port !== '' ? parsed.port : explicitPort(text);
  let port: number;
  if (portText !== undefined) port = Number(portText);
  else if (known.defaultPort !== undefined) port = known.defaultPort;
  else throw new PeerUrlError(input, 'missing port (e.g. http://10.0.0.1:2380)');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PeerUrlError(input, `bad port ${portText ?? ''}`);
  return { url: text, scheme: known.scheme, kind: known.kind, host, port };
}

function explicitPort(text: string): string | undefined {
  const match = /^[a-z]+:\/\/(\[[^\]]*\]|[^/:]*):(\d+)\/?$/i.exec(text);
  return match?.[2];
}

/**
 * Parses a list of URLs (all of one kind) and says which transport they
 * select. Throws PeerUrlError for an empty list, a bad URL or a mix of kinds.
 */
export function parsePeerUrls(inputs: readonly string[]): { kind: UrlTransportKind; urls: PeerUrl[] } {
  if (inputs.length === 0) throw new PeerUrlError('', 'no URLs given');
  const urls = inputs.map(parsePeerUrl);
  const first = urls[0];
  if (first === undefined) throw new PeerUrlError('', 'no URLs given');
  const other = urls.find((url) => url.kind !== first.kind);
  if (other !== undefined) {
    throw new PeerUrlError(other.url, `mixes ${other.kind} with ${first.kind} URLs (${first.url}); use one kind`);
  }
  return { kind: first.kind, urls };
}

/** Splits a flag value on `,` `;` or whitespace (the CLI's list syntax). */
export function splitUrlList(value: string): string[] {
  return value.split(/[,;\s]+/).filter((part) => part !== '');
}
