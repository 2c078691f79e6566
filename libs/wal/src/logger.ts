/** The logging the WAL does: a subset of pino's API, so the agent can pass its pino logger. */
export interface WalLogger {
  warn(fields: object, message: string): void;
  info(fields: object, message: string): void;
}

/** A logger that drops everything (the default). */
export const silentLogger: WalLogger = {
  warn: () => undefined,
  info: () => undefined,
};
