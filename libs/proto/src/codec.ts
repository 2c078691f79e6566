import './runtime.js';
import { mgmt } from './generated/raft.js';

/** A frame that is not a valid encoded message. */
export class ProtoDecodeError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`cannot decode ${what}`, options);
    this.name = 'ProtoDecodeError';
  }
}

/** Encodes a Raft message for the wire. */
export function encodeMessage(message: mgmt.raft.Message.$Properties): Uint8Array {
  return mgmt.raft.Message.encode(message).finish();
}

/**
 * Decodes a Raft message from the wire. Bad bytes give a ProtoDecodeError,
 * never some other exception, so a transport can drop the frame and go on.
 */
export function decodeMessage(bytes: Uint8Array): mgmt.raft.Message {
  try {
    return mgmt.raft.Message.decode(bytes);
  } catch (cause) {
    throw new ProtoDecodeError('raft message', { cause });
  }
}
