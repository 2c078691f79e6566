/**
 * `mgmt run` flags for what one client connection may hold at once on this
 * member's etcd API (the server's connection budget, libs/kv
 * server/limits): `--max-watches-per-connection`,
 * `--max-leases-per-connection`, `--max-streams-per-connection` and
 * `--max-requests-per-connection` (unary calls in flight), each also as an
 * MGMT_* variable. Past a limit the client gets etcd's "too many requests".
 * Absent: the defaults, which a fleet of 1,000 agents sharing one
 * connection stays far below. Also the fair queue between connections:
 * `--max-requests-in-flight` and `--max-queued-requests`.
 */
import { DEFAULT_CONNECTION_LIMITS, DEFAULT_FAIR_QUEUE_LIMITS, type ConnectionLimits, type FairQueueLimits } from '@mgmt/agent';
import { ConfigError } from './run-config.js';

/** The raw flags. */
export interface ConnectionLimitFlags {
  maxWatchesPerConnection?: string;
  maxLeasesPerConnection?: string;
  maxStreamsPerConnection?: string;
  maxRequestsPerConnection?: string;
  maxRequestsInFlight?: string;
  maxQueuedRequests?: string;
}

/** Each limit's flag, environment variable and raw-flag field. */
const LIMIT_FLAGS: ReadonlyArray<{ kind: keyof ConnectionLimits; flag: string; env: string; field: keyof ConnectionLimitFlags }> = [
  { kind: 'watches', flag: '--max-watches-per-connection', env: 'MGMT_MAX_WATCHES_PER_CONNECTION', field: 'maxWatchesPerConnection' },
  { kind: 'leases', flag: '--max-leases-per-connection', env: 'MGMT_MAX_LEASES_PER_CONNECTION', field: 'maxLeasesPerConnection' },
  { kind: 'streams', flag: '--max-streams-per-connection', env: 'MGMT_MAX_STREAMS_PER_CONNECTION', field: 'maxStreamsPerConnection' },
  { kind: 'requests', flag: '--max-requests-per-connection', env: 'MGMT_MAX_REQUESTS_PER_CONNECTION', field: 'maxRequestsPerConnection' },
];

/** The largest limit accepted (a bound, like every other). */
const MAX_LIMIT = 1_000_000;

/** One limit (flag, then environment, then `fallback`); throws ConfigError with one line on a bad value. */
function resolveLimit(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined || text.trim() === '') return fallback;
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1 || n > MAX_LIMIT) {
    throw new ConfigError(`${flag}: ${JSON.stringify(text)} is not an integer from 1 to ${MAX_LIMIT} (default ${fallback})`);
  }
  return n;
}

/** Resolves the per-connection limits; throws ConfigError with one line on a bad value. */
export function resolveConnectionLimits(flags: ConnectionLimitFlags, env: Record<string, string | undefined> = process.env): ConnectionLimits {
  const limits: Record<keyof ConnectionLimits, number> = { ...DEFAULT_CONNECTION_LIMITS };
  for (const { kind, flag, env: name, field } of LIMIT_FLAGS) limits[kind] = resolveLimit(flags[field] ?? env[name], flag, DEFAULT_CONNECTION_LIMITS[kind]);
  return limits;
}

/** Resolves the fair queue's bounds; throws ConfigError with one line on a bad value. */
export function resolveFairQueue(flags: ConnectionLimitFlags, env: Record<string, string | undefined> = process.env): FairQueueLimits {
  return {
    maxInFlight: resolveLimit(flags.maxRequestsInFlight ?? env.MGMT_MAX_REQUESTS_IN_FLIGHT, '--max-requests-in-flight', DEFAULT_FAIR_QUEUE_LIMITS.maxInFlight),
    maxQueued: resolveLimit(flags.maxQueuedRequests ?? env.MGMT_MAX_QUEUED_REQUESTS, '--max-queued-requests', DEFAULT_FAIR_QUEUE_LIMITS.maxQueued),
  };
}
