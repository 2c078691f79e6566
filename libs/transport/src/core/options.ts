/** Options common to every transport, with the defaults in one place. */
import { assert } from './errors.js';

/** A pino-compatible logger (only the calls this library makes). */
export interface TransportLogger {
  warn(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  debug(fields: Record<string, unknown>, message: string): void;
}

/** Options shared by every transport. */
export interface CommonTransportOptions {
  /** This member's id (positive integer). */
  localId: number;
  /** Largest message accepted by `send`, in bytes. Default 8 MiB. */
  maxMessageBytes?: number;
  /** Bound on the messages queued per peer. Default 4096. */
  maxQueuedMessagesPerPeer?: number;
  /** Bound on the bytes queued per peer; at least `maxMessageBytes`. Default 2 x maxMessageBytes. */
  maxQueuedBytesPerPeer?: number;
  /** Bound on inbound messages held while no handler is set. Default 4096. */
  maxInboxMessages?: number;
  /** First reconnect delay. Default 50 ms. */
  reconnectDelayMsMin?: number;
  /** Largest reconnect delay. Default 2000 ms. */
  reconnectDelayMsMax?: number;
  /** Logger; defaults to one that writes warnings to stderr. */
  logger?: TransportLogger;
  /** Random source in [0, 1) for backoff jitter; defaults to Math.random (edge code, not the core). */
  random?: () => number;
}

/** CommonTransportOptions with every default filled in. */
export type ResolvedCommonOptions = Required<CommonTransportOptions>;

/** Default maximum message size: 8 MiB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

/** A logger that prints warnings to stderr and drops the rest. */
export const stderrLogger: TransportLogger = {
  warn(fields, message) {
    console.warn(`[transport] ${message} ${JSON.stringify(fields)}`);
  },
  info() {},
  debug() {},
};

/** A logger that drops everything. */
export const silentLogger: TransportLogger = { warn() {}, info() {}, debug() {} };

/** Checks that `id` is a usable member id. */
export function isMemberId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

/** Fills in defaults and checks the options. */
export function resolveCommonOptions(options: CommonTransportOptions): ResolvedCommonOptions {
  assert(isMemberId(options.localId), `localId must be a positive safe integer, got ${String(options.localId)}`);
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  assert(Number.isSafeInteger(maxMessageBytes) && maxMessageBytes > 0, 'maxMessageBytes must be a positive integer');
  const resolved: ResolvedCommonOptions = {
    localId: options.localId,
    maxMessageBytes,
    maxQueuedMessagesPerPeer: options.maxQueuedMessagesPerPeer ?? 4096,
    maxQueuedBytesPerPeer: options.maxQueuedBytesPerPeer ?? 2 * maxMessageBytes,
    maxInboxMessages: options.maxInboxMessages ?? 4096,
    reconnectDelayMsMin: options.reconnectDelayMsMin ?? 50,
    reconnectDelayMsMax: options.reconnectDelayMsMax ?? 2000,
    logger: options.logger ?? stderrLogger,
    random: options.random ?? Math.random,
  };
  assert(resolved.maxQueuedMessagesPerPeer > 0, 'maxQueuedMessagesPerPeer must be positive');
  assert(resolved.maxQueuedBytesPerPeer >= maxMessageBytes, 'maxQueuedBytesPerPeer must be at least maxMessageBytes');
  assert(resolved.maxInboxMessages > 0, 'maxInboxMessages must be positive');
  assert(
    resolved.reconnectDelayMsMin > 0 && resolved.reconnectDelayMsMax >= resolved.reconnectDelayMsMin,
    'reconnect delays must be positive and min <= max',
  );
  return resolved;
}
