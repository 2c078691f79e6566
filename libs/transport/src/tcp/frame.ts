/**
 * Length-prefixed frames for the TCP transport, and their decoder: a pure
 * state machine fed one chunk at a time (in the manner of nats.js's parser).
 *
 * Frame: u32 big-endian payload length, u32 big-endian CRC32C of the
 * payload, then the payload. The checksum turns garbage into an error instead
 * of a bogus Raft message.
 */
import { crc32c } from '../core/crc32c.js';
import { assert, FrameError } from '../core/errors.js';

/** Bytes before every payload. */
export const FRAME_HEADER_BYTES = 8;

/** Encodes one frame (a new buffer holding header and payload). */
export function encodeFrame(payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(FRAME_HEADER_BYTES + payload.byteLength);
  const view = new DataView(frame.buffer);
  view.setUint32(0, payload.byteLength);
  view.setUint32(4, crc32c(payload));
  frame.set(payload, FRAME_HEADER_BYTES);
  return frame;
}

/** Encodes only the header of a frame, so a large payload can be written without a copy. */
export function encodeFrameHeader(payload: Uint8Array): Uint8Array {
  const header = new Uint8Array(FRAME_HEADER_BYTES);
  const view = new DataView(header.buffer);
  view.setUint32(0, payload.byteLength);
  view.setUint32(4, crc32c(payload));
  return header;
}

/** What one `feed` produced: whole frames, and an error that ends the stream. */
export interface FeedResult {
  readonly frames: Uint8Array[];
  readonly error: FrameError | undefined;
}

/**
 * Decodes frames from a byte stream. After an error it stays failed: the
 * stream has lost its framing and the connection must be closed.
 */
export class FrameDecoder {
  private readonly header = new Uint8Array(FRAME_HEADER_BYTES);
  private headerFilled = 0;
  private payload: Uint8Array | undefined;
  private payloadFilled = 0;
  private expectedCrc = 0;
  private failure: FrameError | undefined;

  constructor(readonly maxPayloadBytes: number) {
    assert(Number.isSafeInteger(maxPayloadBytes) && maxPayloadBytes >= 0, 'maxPayloadBytes must be a non-negative integer');
  }

  /** Bytes of an incomplete frame held between chunks. */
  get partialBytes(): number {
    return this.payload !== undefined ? FRAME_HEADER_BYTES + this.payloadFilled : this.headerFilled;
  }

  /** The error that ended the stream, if any. */
  get error(): FrameError | undefined {
    return this.failure;
  }

  /** Consumes one chunk; returns the frames it completed. */
  feed(chunk: Uint8Array): FeedResult {
    const frames: Uint8Array[] = [];
    if (this.failure !== undefined) return { frames, error: this.failure };
    let offset = 0;
    while (offset < chunk.byteLength) {
      if (this.payload === undefined) {
        // Fast path: a whole header and payload inside this chunk, no copy.
        if (this.headerFilled === 0 && chunk.byteLength - offset >= FRAME_HEADER_BYTES) {
          const view = new DataView(chunk.buffer, chunk.byteOffset + offset, FRAME_HEADER_BYTES);
          const length = view.getUint32(0);
          const crc = view.getUint32(4);
          if (!this.checkLength(length)) break;
          offset += FRAME_HEADER_BYTES;
          if (chunk.byteLength - offset >= length) {
            const payload = chunk.subarray(offset, offset + length);
            offset += length;
            if (!this.checkCrc(payload, crc)) break;
            frames.push(payload);
            continue;
          }
          this.beginPayload(length, crc);
          continue;
        }
        const take = Math.min(FRAME_HEADER_BYTES - this.headerFilled, chunk.byteLength - offset);
        this.header.set(chunk.subarray(offset, offset + take), this.headerFilled);
        this.headerFilled += take;
        offset += take;
        if (this.headerFilled < FRAME_HEADER_BYTES) break;
        const view = new DataView(this.header.buffer);
        const length = view.getUint32(0);
        if (!this.checkLength(length)) break;
        this.headerFilled = 0;
        this.beginPayload(length, view.getUint32(4));
        if (length === 0) this.completePayload(frames);
        continue;
      }
      const payload = this.payload;
      const take = Math.min(payload.byteLength - this.payloadFilled, chunk.byteLength - offset);
      payload.set(chunk.subarray(offset, offset + take), this.payloadFilled);
      this.payloadFilled += take;
      offset += take;
      if (this.payloadFilled === payload.byteLength && !this.completePayload(frames)) break;
    }
    return { frames, error: this.failure };
  }

  /** Call at end of stream: an error when a frame was cut short. */
  end(): FrameError | undefined {
    if (this.failure === undefined && this.partialBytes > 0) {
      this.failure = new FrameError(`stream ended inside a frame (${this.partialBytes} bytes pending)`);
    }
    return this.failure;
  }

  private beginPayload(length: number, crc: number): void {
    this.payload = new Uint8Array(length);
    this.payloadFilled = 0;
    this.expectedCrc = crc;
  }

  private completePayload(frames: Uint8Array[]): boolean {
    const payload = this.payload;
    assert(payload !== undefined, 'no payload in progress');
    this.payload = undefined;
    this.payloadFilled = 0;
    if (!this.checkCrc(payload, this.expectedCrc)) return false;
    frames.push(payload);
    return true;
  }

  private checkLength(length: number): boolean {
    if (length <= this.maxPayloadBytes) return true;
    this.failure = new FrameError(`frame of ${length} bytes is over the limit of ${this.maxPayloadBytes} bytes`);
    return false;
  }

  private checkCrc(payload: Uint8Array, crc: number): boolean {
    if (crc32c(payload) === crc) return true;
    this.failure = new FrameError(`frame checksum mismatch (${payload.byteLength} bytes)`);
    return false;
  }
}
