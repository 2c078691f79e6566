/**
 * Named errors of the durable log. Operating errors (a full disk, a damaged
 * file, a data directory from another cluster) are typed so the agent can
 * log them once and stop or wait; programmer errors go through `assert`.
 */

/** Base class of every error the WAL throws on purpose. */
export class WalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A file of the log is damaged somewhere other than its torn final record:
 * the agent must not start on it. `file` and `offset` say where.
 */
export class WalCorruptionError extends WalError {
  readonly file: string;
  readonly offset: number;
  constructor(file: string, offset: number, detail: string, options?: { cause?: unknown }) {
    super(`wal: ${file} is damaged at offset ${offset}: ${detail}; refusing to start on a damaged log`, options);
    this.file = file;
    this.offset = offset;
  }
}

/** A segment (or the log range a snapshot should cover) is missing from the data directory. */
export class WalMissingSegmentError extends WalError {
  readonly file: string;
  readonly offset: number;
  constructor(file: string, offset: number, detail: string) {
    super(`wal: ${detail} (${file} offset ${offset}); refusing to start with a hole in the log`);
    this.file = file;
    this.offset = offset;
  }
}

/** The data directory belongs to another cluster or another member. */
export class WalForeignDataError extends WalError {
  readonly file: string;
  readonly offset: number;
  constructor(file: string, offset: number, detail: string) {
    super(`wal: ${detail} (${file} offset ${offset}); refusing to start on another member's data`);
    this.file = file;
    this.offset = offset;
  }
}

/**
 * The disk is full (ENOSPC). The write was rolled back: nothing it carried
 * was acknowledged, and the log on disk is intact. Retry when space returns.
 */
export class WalDiskFullError extends WalError {
  readonly file: string;
  readonly offset: number;
  constructor(file: string, offset: number, options?: { cause?: unknown }) {
    super(`wal: disk full writing ${file} at offset ${offset}; the write was rolled back and nothing was acknowledged, retry when space returns`, options);
    this.file = file;
    this.offset = offset;
  }
}

/**
 * A write or fsync failed in a way that leaves the on-disk state unknown
 * (EIO, or any fsync failure: after a failed fsync the page cache can no
 * longer be trusted). The WAL refuses all further writes; restart to recover.
 */
export class WalFatalError extends WalError {}

/** The WAL was used after close(). */
export class WalClosedError extends WalError {
  constructor() {
    super('wal: closed');
  }
}

/** Too many saves are queued behind the current fsync (the bound on the group-commit queue). */
export class WalOverloadedError extends WalError {}

/** A broken invariant: a bug in the caller or in the WAL, never an operating condition. */
export class WalAssertionError extends WalError {}

/** Throws WalAssertionError with `message` unless `condition` holds. */
export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new WalAssertionError(typeof message === 'string' ? message : message());
}
