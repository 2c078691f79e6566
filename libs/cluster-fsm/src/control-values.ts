/**
 * Which `/_mgmt/` values can be believed. Anyone with `etcdctl` can write
 * any key (there is no auth yet), so every value read from the store is
 * checked before it is acted on: URL lists must hold URLs, control values
 * must be small, the ideal size must parse. A refused value is reported as
 * a {@link HostileValue} (the agent warns once per key and value) and the
 * last good value stays; the key's owner re-writes it.
 */
import { parseIdealClusterSize } from './ideal-cluster-size.js';
import { ENDPOINTS_PREFIX, IDEAL_CLUSTER_SIZE_KEY, MGMT_PREFIX, NOMINATED_PREFIX, VOLUNTEERS_PREFIX, decodeUrls, hostnameFromKey } from './keys.js';

/** The key holding the cluster's id (hex), written by the first agent and repaired by the leader. */
export const CLUSTER_ID_KEY = `${MGMT_PREFIX}clusterId`;

/**
 * Largest value a control key may hold (URL lists, the ideal size, the
 * cluster id): a few URLs fit many times over, a megabyte of garbage does not.
 */
export const MAX_CONTROL_VALUE_BYTES = 4096;

/** At most this many URLs in one list (bounds every loop over them). */
export const MAX_URLS_PER_VALUE = 16;

/** URL schemes a peer or client URL may use (`worker:` names a worker thread of `mgmt demo`). */
const URL_SCHEMES = new Set(['http:', 'https:', 'tcp:', 'nats:', 'tls:', 'worker:']);

/** A `/_mgmt/` value that was refused, and why. */
export interface HostileValue {
  key: string;
  problem: string;
}

/** The result of {@link parseUrlsValue}: the URLs, or why the value is refused. */
export type UrlsParse = { ok: true; urls: string[] } | { ok: false; problem: string };

/** Why `url` is not a usable peer/client URL, or undefined when it is one. */
export function urlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${JSON.stringify(abbreviate(url))} is not a URL`;
  }
  if (!URL_SCHEMES.has(parsed.protocol)) return `${JSON.stringify(abbreviate(url))} has scheme ${parsed.protocol} (expected http, https, tcp, nats, tls or worker)`;
  if (parsed.hostname === '') return `${JSON.stringify(abbreviate(url))} has no host`;
  return undefined;
}

/** Parses a URL-list value (`volunteers/*`, `nominated/*`, `endpoints/*`): 1-16 URLs, small. */
export function parseUrlsValue(value: string): UrlsParse {
  const sizeProblem = controlSizeProblem(value);
  if (sizeProblem !== undefined) return { ok: false, problem: sizeProblem };
  const urls = decodeUrls(value);
  if (urls.length === 0) return { ok: false, problem: 'no URLs' };
  if (urls.length > MAX_URLS_PER_VALUE) return { ok: false, problem: `${urls.length} URLs (at most ${MAX_URLS_PER_VALUE})` };
  for (const url of urls) {
    const problem = urlProblem(url);
    if (problem !== undefined) return { ok: false, problem };
  }
  return { ok: true, urls };
}

/** Why `value` is too large for a control key, or undefined. */
export function controlSizeProblem(value: string): string | undefined {
  // UTF-16 length bounds the UTF-8 size from below; count bytes only when it could matter.
  if (value.length <= MAX_CONTROL_VALUE_BYTES / 3) return undefined;
  const bytes = new TextEncoder().encode(value).byteLength;
  return bytes > MAX_CONTROL_VALUE_BYTES ? `${bytes} bytes (at most ${MAX_CONTROL_VALUE_BYTES})` : undefined;
}

const URL_LIST_PREFIXES = [VOLUNTEERS_PREFIX, NOMINATED_PREFIX, ENDPOINTS_PREFIX];

/**
 * The refused values among `kvs` (any keys; those outside the control keys
 * are not looked at): URL lists that are not URLs or too large, an
 * idealClusterSize that does not parse, a cluster id that is too large or
 * not hex. `previousIdealSize` only shapes the warning's text.
 */
export function findHostileValues(kvs: ReadonlyArray<{ key: string; value: string }>, previousIdealSize: number): HostileValue[] {
  const out: HostileValue[] = [];
  for (const { key, value } of kvs) {
    const prefix = URL_LIST_PREFIXES.find((p) => key.startsWith(p));
    if (prefix !== undefined) {
      if (hostnameFromKey(prefix, key) === undefined) continue;
      const parsed = parseUrlsValue(value);
      if (!parsed.ok) out.push({ key, problem: `ignoring ${key}: ${parsed.problem}` });
    } else if (key === IDEAL_CLUSTER_SIZE_KEY) {
      const tooBig = controlSizeProblem(value);
      const warning = tooBig !== undefined ? `ignoring ${key}: ${tooBig}; keeping ${previousIdealSize}` : parseIdealClusterSize(value, previousIdealSize).warning;
      if (warning !== undefined) out.push({ key, problem: warning });
    } else if (key === CLUSTER_ID_KEY) {
      const tooBig = controlSizeProblem(value);
      if (tooBig !== undefined || !/^[0-9a-f]{1,16}$/.test(value)) out.push({ key, problem: `ignoring ${key}: ${tooBig ?? `${JSON.stringify(abbreviate(value))} is not a cluster id`}` });
    }
  }
  return out;
}

/** The first 40 characters of `text`, for log lines about values of any size. */
export function abbreviate(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}... (${text.length} characters)`;
}
