/**
 * The `/_mgmt/` keys through which agents and the leader talk. Every
 * clustering decision is a key in the replicated store, so it goes through
 * consensus and is visible to `etcdctl`.
 */

/** Prefix of every clustering key. */
export const MGMT_PREFIX = '/_mgmt/';
/** Prefix of `volunteers/<hostname>` (value: peer URLs; bound to the host's lease). */
export const VOLUNTEERS_PREFIX = `${MGMT_PREFIX}volunteers/`;
/** Prefix of `nominated/<hostname>` (value: peer URLs; written by the leader). */
export const NOMINATED_PREFIX = `${MGMT_PREFIX}nominated/`;
/** Prefix of `endpoints/<hostname>` (value: client URLs of a running peer; leased). */
export const ENDPOINTS_PREFIX = `${MGMT_PREFIX}endpoints/`;
/** The key holding the desired number of voting members, as a decimal. */
export const IDEAL_CLUSTER_SIZE_KEY = `${MGMT_PREFIX}idealClusterSize`;

/** Key of a host's volunteer record. */
export function volunteerKey(hostname: string): string {
  return VOLUNTEERS_PREFIX + checkedHostname(hostname);
}

/** Key of a host's nomination record. */
export function nominatedKey(hostname: string): string {
  return NOMINATED_PREFIX + checkedHostname(hostname);
}

/** Key of a running peer's client endpoints. */
export function endpointKey(hostname: string): string {
  return ENDPOINTS_PREFIX + checkedHostname(hostname);
}

/** The hostname in `key` under `prefix`, or undefined when the key is not a direct child. */
export function hostnameFromKey(prefix: string, key: string): string | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const hostname = key.slice(prefix.length);
  return isValidHostname(hostname) ? hostname : undefined;
}

/**
 * Encodes URLs as a key's value. A comma list, the separator `--server-urls`
 * already accepts, so `etcdctl get` shows something a person can read.
 */
export function encodeUrls(urls: readonly string[]): string {
  return urls.join(',');
}

/** Decodes a key's value written by {@link encodeUrls} (also accepts `;` and spaces). */
export function decodeUrls(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((url) => url.trim())
    .filter((url) => url.length > 0);
}

/** Whether `hostname` can name a key: non-empty, no `/`, no whitespace. */
export function isValidHostname(hostname: string): boolean {
  return hostname.length > 0 && hostname.length <= 253 && !/[/\s]/.test(hostname);
}

function checkedHostname(hostname: string): string {
  if (!isValidHostname(hostname)) {
    throw new InvalidHostnameError(hostname);
  }
  return hostname;
}

/** A hostname that cannot be part of a `/_mgmt/` key. */
export class InvalidHostnameError extends Error {
  override readonly name = 'InvalidHostnameError';
  constructor(readonly hostname: string) {
    super(`invalid hostname ${JSON.stringify(hostname)}: must be 1-253 characters without '/' or whitespace`);
  }
}
