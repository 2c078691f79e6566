/**
 * The keys and values of zones, standbys and the failure timeout (issue 22):
 * `/_mgmt/zones/<hostname>` (the host's `--zone`, on its lease, written with
 * its volunteer key), `/_mgmt/idealStandbySize` and `/_mgmt/failureTimeout`
 * (set with etcdctl, like `idealClusterSize`). Anyone can write these keys:
 * a bad value is refused with a one-line warning and the previous value stays.
 */
import { MGMT_PREFIX } from './keys.js';

/** `/_mgmt/zones/<hostname>` = zone name. Leased by the host's agent. */
export const ZONES_PREFIX = `${MGMT_PREFIX}zones/`;
/** Learners to keep caught up beside the voters. */
export const IDEAL_STANDBY_SIZE_KEY = `${MGMT_PREFIX}idealStandbySize`;
/** How long a voter may stay silent before it is treated as failed (`2s`, `1500ms`, or seconds). */
export const FAILURE_TIMEOUT_KEY = `${MGMT_PREFIX}failureTimeout`;

/** Longest zone name accepted. */
export const MAX_ZONE_LENGTH = 63;
/** Largest standby size accepted: bounds every loop over learners. */
export const MAX_IDEAL_STANDBY_SIZE = 99;
/** The failure timeout when none is set. */
export const DEFAULT_FAILURE_TIMEOUT_MS = 2_000;
/** Bounds of an accepted failure timeout: shorter than a few heartbeats would replace healthy voters. */
export const MIN_FAILURE_TIMEOUT_MS = 500;
export const MAX_FAILURE_TIMEOUT_MS = 600_000;

/** The zone key of `hostname`. */
export function zoneKey(hostname: string): string {
  return `${ZONES_PREFIX}${hostname}`;
}

/** Why `zone` is not a zone name (empty, too long, odd characters), or undefined. */
export function zoneProblem(zone: string): string | undefined {
  if (zone.length === 0) return 'a zone name must not be empty';
  if (zone.length > MAX_ZONE_LENGTH) return `a zone name is at most ${MAX_ZONE_LENGTH} characters (got ${zone.length})`;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(zone)) return `zone ${JSON.stringify(zone)} must be letters, digits, '.', '_' or '-'`;
  return undefined;
}

/** A parsed setting: the value to use, and a one-line warning when the stored value was refused. */
export interface SettingParse {
  value: number;
  warning?: string;
}

/** Parses `/_mgmt/idealStandbySize`: a non-negative decimal integer; missing keeps `previous` silently. */
export function parseIdealStandbySize(raw: string | undefined, previous: number): SettingParse {
  if (raw === undefined) return { value: previous };
  const text = raw.trim();
  if (!/^[0-9]+$/.test(text)) return refused(IDEAL_STANDBY_SIZE_KEY, raw, previous, 'not a non-negative integer');
  const value = Number.parseInt(text, 10);
  if (value > MAX_IDEAL_STANDBY_SIZE) return refused(IDEAL_STANDBY_SIZE_KEY, raw, previous, `must be at most ${MAX_IDEAL_STANDBY_SIZE}`);
  return { value };
}

/** Parses `/_mgmt/failureTimeout` into milliseconds: `2s`, `1500ms`, `2.5` (seconds); missing keeps `previousMs` silently. */
export function parseFailureTimeout(raw: string | undefined, previousMs: number): SettingParse {
  if (raw === undefined) return { value: previousMs };
  const match = /^([0-9]+(?:\.[0-9]+)?)(ms|s)?$/.exec(raw.trim());
  if (match === null) return refused(FAILURE_TIMEOUT_KEY, raw, previousMs, "not a duration such as '2s' or '1500ms'", 'ms');
  const value = Math.round(Number(match[1]) * (match[2] === 'ms' ? 1 : 1000));
  if (value < MIN_FAILURE_TIMEOUT_MS || value > MAX_FAILURE_TIMEOUT_MS) {
    return refused(FAILURE_TIMEOUT_KEY, raw, previousMs, `must be between ${MIN_FAILURE_TIMEOUT_MS} ms and ${MAX_FAILURE_TIMEOUT_MS / 1000} s`, 'ms');
  }
  return { value };
}

function refused(key: string, raw: string, previous: number, why: string, unit = ''): SettingParse {
  // A value can be megabytes: the warning shows its start only.
  const shown = raw.length <= 40 ? raw : `${raw.slice(0, 40)}...`;
  return { value: previous, warning: `ignoring ${key}=${JSON.stringify(shown)} (${why}); keeping ${previous}${unit === '' ? '' : ` ${unit}`}` };
}
