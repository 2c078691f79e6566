/** A logger that keeps what it is told, for tests that count warnings. */
import type { TransportLogger } from '../core/options.js';

/** One recorded log line. */
export interface LogRecord {
  readonly level: 'warn' | 'info' | 'debug';
  readonly message: string;
  readonly fields: Record<string, unknown>;
}

/** A TransportLogger that records every call. */
export class RecordingLogger implements TransportLogger {
  readonly records: LogRecord[] = [];
  warn(fields: Record<string, unknown>, message: string): void {
    this.records.push({ level: 'warn', message, fields });
  }
  info(fields: Record<string, unknown>, message: string): void {
    this.records.push({ level: 'info', message, fields });
  }
  debug(fields: Record<string, unknown>, message: string): void {
    this.records.push({ level: 'debug', message, fields });
  }
  /** The warnings recorded so far. */
  get warnings(): LogRecord[] {
    return this.records.filter((r) => r.level === 'warn');
  }
}
