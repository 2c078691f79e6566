/**
 * The bytes of a store command in a Raft entry: an mgmtkv.Command
 * (proto/etcd/internal.proto) with an encoding version and a header whose
 * id lets the proposing member hand the applied result to the waiting
 * client, in the manner of etcd's InternalRaftRequest.
 */
import { mgmtkv } from '@mgmt/proto';
import { CommandDecodeError, Errors } from './errors.js';
import type { Command } from './types.js';

/** The command encoding this code writes and reads. */
export const COMMAND_VERSION = 1;

/** etcd's default --max-request-bytes: a larger command is refused. */
export const MAX_REQUEST_BYTES = 1.5 * 1024 * 1024;

/** A command read back from an entry, with the id of its proposal. */
export interface DecodedCommand {
  readonly id: number;
  readonly command: mgmtkv.Command;
}

/**
 * Encodes a command for a Raft entry, tagged with proposal `id`. Throws
 * etcd's "request is too large" error (an EtcdError) past `maxBytes`.
 */
export function encodeCommand(command: Command, id: number, maxBytes = MAX_REQUEST_BYTES): Uint8Array {
  const bytes = mgmtkv.Command.encode({ ...command, version: COMMAND_VERSION, header: { id } }).finish();
  if (bytes.length > maxBytes) throw Errors.requestTooLarge();
  return bytes;
}

/**
 * Decodes an entry's command. The bytes are copied once, so the store may
 * keep values that point into them whatever the caller does with its buffer.
 * Bad bytes or an unknown version give a CommandDecodeError.
 */
export function decodeCommand(bytes: Uint8Array): DecodedCommand {
  let command: mgmtkv.Command;
  try {
    command = mgmtkv.Command.decode(Buffer.from(bytes));
  } catch (cause) {
    throw new CommandDecodeError('not a protobuf Command', { cause });
  }
  if (command.version !== COMMAND_VERSION) throw new CommandDecodeError(`unknown version ${command.version}`);
  return { id: command.header?.id ?? 0, command };
}
