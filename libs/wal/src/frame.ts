/**
 * Frames: the checksummed unit every WAL file is made of. Pure: no I/O.
 *
 *   offset 0  u32  payload length
 *   offset 4  u32  CRC32C of the payload
 *   offset 8  u32  CRC32C of bytes 0..8 (so a damaged length is never trusted)
 *   offset 12 ...  payload
 *
 * The writer puts one frame in each write() and fsyncs before the next, so
 * after a power cut only the final frame of the final segment can be torn.
 * `scanFrames` reads frames until the end or the first damaged one and says
 * whether any intact frame follows the damage: if one does, the damage is
 * not a torn write but corruption.
 */
import { crc32c } from './crc32c.js';
import { ByteWriter } from './bytes.js';

/** Bytes of a frame header. */
export const FRAME_HEADER_BYTES = 12;

/** A ByteWriter with room reserved for a frame header; fill the payload, then call sealFrame. */
export function frameWriter(initialCapacity = 256): ByteWriter {
  const w = new ByteWriter(Math.max(initialCapacity, FRAME_HEADER_BYTES + 16));
  w.u32(0).u32(0).u32(0);
  return w;
}

/** Writes the header of a frame built with frameWriter and returns the whole frame. */
export function sealFrame(w: ByteWriter): Uint8Array {
  const frame = w.finish();
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const payload = frame.subarray(FRAME_HEADER_BYTES);
  view.setUint32(0, payload.byteLength, true);
  view.setUint32(4, crc32c(payload), true);
  view.setUint32(8, crc32c(frame.subarray(0, 8)), true);
  return frame;
}

/** A frame with the given payload (copies; the writer path uses frameWriter instead). */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const w = frameWriter(payload.byteLength + FRAME_HEADER_BYTES);
  w.raw(payload);
  return sealFrame(w);
}

/** One intact frame found by scanFrames. */
export interface ScannedFrame {
  /** Offset of the frame header in the file. */
  offset: number;
  payload: Uint8Array;
}

/** Where and why scanning stopped before the end of the bytes. */
export interface FrameDamage {
  offset: number;
  reason: string;
  /** True if an intact frame starts somewhere after the damage (so it cannot be a torn tail). */
  intactFrameFollows: boolean;
}

/** What scanFrames found. */
export interface FrameScan {
  frames: ScannedFrame[];
  /** Bytes from the start of the file that hold intact frames only. */
  intactBytes: number;
  damage?: FrameDamage;
}

type FrameCheck = { ok: true; length: number } | { ok: false; reason: string };

function checkFrameAt(bytes: Uint8Array, view: DataView, at: number): FrameCheck {
  const left = bytes.byteLength - at;
  if (left < FRAME_HEADER_BYTES) return { ok: false, reason: `short frame header (${left} of ${FRAME_HEADER_BYTES} bytes)` };
  const length = view.getUint32(at, true);
  const payloadCrc = view.getUint32(at + 4, true);
  const headerCrc = view.getUint32(at + 8, true);
  if (crc32c(bytes.subarray(at, at + 8)) !== headerCrc) return { ok: false, reason: 'frame header checksum mismatch' };
  const end = at + FRAME_HEADER_BYTES + length;
  if (end > bytes.byteLength) {
    return { ok: false, reason: `frame of ${length} bytes extends past the end of the file (${bytes.byteLength} bytes)` };
  }
  if (crc32c(bytes.subarray(at + FRAME_HEADER_BYTES, end)) !== payloadCrc) return { ok: false, reason: 'frame checksum mismatch' };
  return { ok: true, length };
}

/** True if an intact frame (both checksums good) starts at any offset after `from`. */
function intactFrameAfter(bytes: Uint8Array, view: DataView, from: number): boolean {
  // Only runs when a file is damaged; the search is byte by byte because a
  // damaged length tells us nothing about where the next frame starts.
  for (let p = from + 1; p + FRAME_HEADER_BYTES <= bytes.byteLength; p++) {
    // Cheap filter first: a length that runs past the end cannot start an intact frame.
    if (p + FRAME_HEADER_BYTES + view.getUint32(p, true) > bytes.byteLength) continue;
    if (checkFrameAt(bytes, view, p).ok) return true;
  }
  return false;
}

/** Reads intact frames from the start of `bytes` until the end or the first damaged frame. */
export function scanFrames(bytes: Uint8Array): FrameScan {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames: ScannedFrame[] = [];
  let at = 0;
  while (at < bytes.byteLength) {
    const check = checkFrameAt(bytes, view, at);
    if (!check.ok) {
      return {
        frames,
        intactBytes: at,
        damage: { offset: at, reason: check.reason, intactFrameFollows: intactFrameAfter(bytes, view, at) },
      };
    }
    frames.push({ offset: at, payload: bytes.subarray(at + FRAME_HEADER_BYTES, at + FRAME_HEADER_BYTES + check.length) });
    at += FRAME_HEADER_BYTES + check.length;
  }
  return { frames, intactBytes: at };
}
