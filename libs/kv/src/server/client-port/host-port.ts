/** Splits a listen address `host:port` or `[v6]:port`; throws on a malformed one. */
export function splitHostPort(address: string): { host: string; port: number } {
  const colon = address.lastIndexOf(':');
  const portText = address.slice(colon + 1);
  const port = Number(portText);
  if (colon <= 0 || portText === '' || !Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`bad listen address ${JSON.stringify(address)}: want host:port`);
  let host = address.slice(0, colon);
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  return { host, port };
}
