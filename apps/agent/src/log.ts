/**
 * Structured logs (pino): one JSON line per event on stderr, with the
 * agent's host name on every line. MGMT_LOG_LEVEL sets the level (info).
 */
import { pino, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/** Creates the agent's root logger. */
export function createLogger(hostname: string, level = process.env.MGMT_LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { host: hostname }, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination({ fd: 2, sync: false }));
}

/** A logger that drops everything (tests). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
