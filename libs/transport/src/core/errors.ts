/**
 * Named errors of @mgmt/transport. Expected operating conditions are typed so
 * a caller can tell them apart; broken invariants go through `assert`.
 */

/** Base class of every error this library throws on purpose. */
export class TransportError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportError';
  }
}

/** A send was refused because the message is bigger than `maxMessageBytes`. */
export class MessageTooLargeError extends TransportError {
  readonly sizeBytes: number;
  readonly maxMessageBytes: number;
  constructor(sizeBytes: number, maxMessageBytes: number) {
    super(`message of ${sizeBytes} bytes is over the limit of ${maxMessageBytes} bytes`);
    this.name = 'MessageTooLargeError';
    this.sizeBytes = sizeBytes;
    this.maxMessageBytes = maxMessageBytes;
  }
}

/** A peer URL (or a list of them) that cannot be used. */
export class PeerUrlError extends TransportError {
  readonly url: string;
  constructor(url: string, reason: string, options?: { cause?: unknown }) {
    super(`bad peer URL ${JSON.stringify(url)}: ${reason}`, options);
    this.name = 'PeerUrlError';
    this.url = url;
  }
}

/** A byte stream that does not follow the frame format (garbage, oversized, truncated). */
export class FrameError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FrameError';
  }
}

/** A connection handshake that was refused (wrong cluster, wrong member, bad hello). */
export class HandshakeError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HandshakeError';
  }
}

/** The transport could not start (listen, subscribe, connect). */
export class TransportStartError extends TransportError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TransportStartError';
  }
}

/** An invariant of this library was broken: a bug, never an operating condition. */
export class AssertionError extends Error {
  constructor(message: string) {
    super(`assertion failed: ${message}`);
    this.name = 'AssertionError';
  }
}

/** Throws an AssertionError when `condition` is false. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}
