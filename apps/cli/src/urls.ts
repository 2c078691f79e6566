/** A URL flag value that cannot be used. */
export class UrlError extends Error {
  constructor(flag: string, value: string, why: string) {
    super(`${flag}: ${JSON.stringify(value)} ${why}`);
    this.name = 'UrlError';
  }
}

/**
 * Splits a list flag the way the reference does: on commas, semicolons or
 * white space, dropping empty parts ("a, b;c d" -> ["a", "b", "c", "d"]).
 */
export function splitList(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? [value] : value;
  return parts.flatMap((p) => p.split(/[,;\s]+/)).filter((p) => p.length > 0);
}

const schemes: Record<string, readonly string[]> = {
  client: ['http:', 'https:'],
  peer: ['http:', 'https:', 'tcp:', 'nats:', 'tls:'],
  seed: ['http:', 'https:'],
};

/**
 * Parses one listen or seed URL. Accepts `host:port` without a scheme (as the
 * reference's help text does) and reads it as http. Returns the normalized
 * `scheme://host:port`.
 */
export function parseUrl(flag: string, value: string, kind: keyof typeof schemes): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    if (looksLikeIpv6(withScheme)) throw new UrlError(flag, value, 'is not a valid IPv6 URL (the address goes in brackets: http://[fd00::1]:2379)');
    throw new UrlError(flag, value, 'is not a URL (expected scheme://host:port)');
  }
  const allowed = schemes[kind] ?? [];
  if (!allowed.includes(url.protocol)) {
    throw new UrlError(flag, value, `has scheme ${url.protocol.slice(0, -1)}; expected one of ${allowed.map((s) => s.slice(0, -1)).join(', ')}`);
  }
  if (url.hostname === '') throw new UrlError(flag, value, 'has no host');
  if (url.port === '') throw new UrlError(flag, value, 'has no port');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new UrlError(flag, value, 'must be scheme://host:port with no path');
  }
  return `${url.protocol}//${url.host}`;
}

/** An authority with brackets or with more than one colon was meant to hold an IPv6 address. */
function looksLikeIpv6(url: string): boolean {
  const authority = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split('/')[0] ?? '';
  return authority.includes('[') || authority.includes(']') || (authority.match(/:/g) ?? []).length > 1;
}

/** Parses a list flag of URLs; an empty list is an error when `required`. */
export function parseUrlList(flag: string, value: string | readonly string[] | undefined, kind: keyof typeof schemes): string[] {
  return splitList(value).map((v) => parseUrl(flag, v, kind));
}
