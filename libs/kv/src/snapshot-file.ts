/**
 * The snapshot file `Maintenance.Snapshot` streams and `etcdctl snapshot
 * save` writes: the store's snapshot (snapshot.ts) in a checked envelope.
 * It ends as etcd's does, with the SHA-256 of everything before it, and
 * its size is a multiple of 512 plus 32, which is how etcd's tools tell a
 * snapshot that carries its hash (etcdctl snapshot restore checks
 * `size % 512 == sha256.Size`). The contents are not bbolt: restore it with
 * `mgmt snapshot restore`.
 *
 * Layout: magic `MGMTSNAP` (8) | format version u32 | payload length u64 |
 * block size u32 | payload | CRC32C of each payload block (u32 each) | zero
 * padding to a multiple of 512 | SHA-256 (32). The block checksums let a
 * damaged file be refused with the offset of the damage.
 */
import { crc32c } from './crc32c.js';
import { createHash } from 'node:crypto';

const MAGIC = Buffer.from('MGMTSNAP', 'latin1');
/** The envelope version this code writes and reads. */
export const SNAPSHOT_FILE_VERSION = 1;
const HEADER_BYTES = 24;
const BLOCK_BYTES = 64 * 1024;
const ALIGN_BYTES = 512;
const SHA256_BYTES = 32;

/** A snapshot file that is truncated, damaged or not a snapshot; `offset` is where it goes wrong. */
export class SnapshotFileError extends Error {
  constructor(
    reason: string,
    readonly offset: number,
  ) {
    super(`${reason} (at byte offset ${offset})`);
    this.name = 'SnapshotFileError';
  }
}

/** Wraps a store snapshot in the file envelope. */
export function encodeSnapshotFile(payload: Uint8Array): Buffer {
  const blocks = Math.ceil(payload.length / BLOCK_BYTES);
  const unpadded = HEADER_BYTES + payload.length + 4 * blocks;
  const padded = Math.ceil(unpadded / ALIGN_BYTES) * ALIGN_BYTES;
  const file = Buffer.alloc(padded + SHA256_BYTES);
  MAGIC.copy(file, 0);
  file.writeUInt32BE(SNAPSHOT_FILE_VERSION, 8);
  file.writeBigUInt64BE(BigInt(payload.length), 12);
  file.writeUInt32BE(BLOCK_BYTES, 20);
  file.set(payload, HEADER_BYTES);
  for (let i = 0; i < blocks; i++) {
    const block = payload.subarray(i * BLOCK_BYTES, (i + 1) * BLOCK_BYTES);
    file.writeUInt32BE(crc32c(Buffer.from(block.buffer, block.byteOffset, block.byteLength)) >>> 0, HEADER_BYTES + payload.length + 4 * i);
  }
  createHash('sha256').update(file.subarray(0, padded)).digest().copy(file, padded);
  return file;
}

/** The store snapshot inside a file; throws SnapshotFileError with the offset of the first fault. */
export function decodeSnapshotFile(file: Uint8Array): Uint8Array {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.length < HEADER_BYTES) throw new SnapshotFileError(`truncated: ${bytes.length} bytes, shorter than the ${HEADER_BYTES}-byte header`, bytes.length);
  if (!bytes.subarray(0, 8).equals(MAGIC)) throw new SnapshotFileError('not an mgmt snapshot (no MGMTSNAP magic)', 0);
  const version = bytes.readUInt32BE(8);
  if (version !== SNAPSHOT_FILE_VERSION) throw new SnapshotFileError(`unknown snapshot format version ${version}`, 8);
  const length = Number(bytes.readBigUInt64BE(12));
  const blockBytes = bytes.readUInt32BE(20);
  if (blockBytes === 0 || !Number.isSafeInteger(length)) throw new SnapshotFileError('bad header', 12);
  const blocks = Math.ceil(length / blockBytes);
  const unpadded = HEADER_BYTES + length + 4 * blocks;
  const padded = Math.ceil(unpadded / ALIGN_BYTES) * ALIGN_BYTES;
  const total = padded + SHA256_BYTES;
  if (bytes.length < total) throw new SnapshotFileError(`truncated: ${bytes.length} bytes, the header says ${total}`, bytes.length);
  if (bytes.length > total) throw new SnapshotFileError(`${bytes.length - total} unexpected bytes after the end`, total);
  const payload = bytes.subarray(HEADER_BYTES, HEADER_BYTES + length);
  for (let i = 0; i < blocks; i++) {
    const block = payload.subarray(i * blockBytes, (i + 1) * blockBytes);
    if ((crc32c(block) >>> 0) !== bytes.readUInt32BE(HEADER_BYTES + length + 4 * i)) {
      throw new SnapshotFileError(`corrupt data in block ${i} (CRC32C mismatch)`, HEADER_BYTES + i * blockBytes);
    }
  }
  if (bytes.subarray(unpadded, padded).some((b) => b !== 0)) throw new SnapshotFileError('corrupt padding', unpadded);
  const sha = createHash('sha256').update(bytes.subarray(0, padded)).digest();
  if (!sha.equals(bytes.subarray(padded, total))) throw new SnapshotFileError('SHA-256 mismatch', padded);
  return payload;
}
