/**
 * Makes the `:authority` that etcd's Go clients send acceptable to Node's
 * HTTP/2 server. A Go client given an endpoint as a URL
 * (`etcdctl --endpoints http://127.0.0.1:2379 endpoint status`) sends the
 * whole URL as `:authority`; Go's HTTP/2 server (etcd) accepts it, but
 * nghttp2 (inside Node) resets the stream with PROTOCOL_ERROR because `/`
 * is not an authority character, and Node offers no switch to turn that
 * check off. So the client-to-server byte stream of each plaintext HTTP/2
 * connection goes through this pure transform: it follows the frames, and
 * in each header block replaces the characters nghttp2 refuses in
 * `:authority` (and `host`) with `-`, keeping the decoded length, so the
 * HPACK dynamic table (entry size = name + value + 32, RFC 7541 section
 * 4.1) stays the same on both sides. Nothing else is changed; a block it
 * cannot parse is passed on as it is (nghttp2 then judges it).
 */
import { decodeHuffman, HuffmanDecodeError } from './hpack-huffman.js';

/** The client connection preface (RFC 9113 section 3.4). */
export const HTTP2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');
const FRAME_HEADER_BYTES = 9;
const HEADERS = 0x1;
const SETTINGS = 0x4;
const FLAG_ACK = 0x1;
const CONTINUATION = 0x9;
const FLAG_END_HEADERS = 0x4;
const FLAG_PADDED = 0x8;
const FLAG_PRIORITY = 0x20;
/** Frames of a rewritten block are cut to the protocol's default SETTINGS_MAX_FRAME_SIZE. */
const MAX_FRAME_PAYLOAD = 16_384;
/** A header block larger than this is passed on unparsed (bounded memory). */
const MAX_HEADER_BLOCK_BYTES = 1 << 20;
/** HPACK's initial dynamic table size (SETTINGS_HEADER_TABLE_SIZE default; Node's server keeps it). */
const INITIAL_TABLE_BYTES = 4096;
/** Static table indexes of `:authority` and `host` (RFC 7541 Appendix A). */
const STATIC_AUTHORITY = 1;
const STATIC_HOST = 38;
const STATIC_TABLE_SIZE = 61;

/** Octets nghttp2_check_authority accepts: RFC 3986 unreserved, sub-delims, ':', '@', '[', ']', '%'. */
const AUTHORITY_OCTETS: Uint8Array = (() => {
  const accepted = new Uint8Array(256);
  for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@[]%") accepted[c.charCodeAt(0)] = 1;
  return accepted;
})();

/** Whether nghttp2 would accept `value` as an `:authority`. */
export function isAcceptedAuthority(value: Uint8Array): boolean {
  for (const octet of value) if (AUTHORITY_OCTETS[octet] !== 1) return false;
  return true;
}

/** `value` with every octet nghttp2 refuses in an authority replaced by `-` (same length). */
export function sanitizeAuthority(value: Uint8Array): Buffer {
  return Buffer.from(value.map((octet) => (AUTHORITY_OCTETS[octet] === 1 ? octet : 0x2d)));
}

class BlockParseError extends Error {}

/** Reads an HPACK integer with an N-bit prefix (RFC 7541 section 5.1). */
function readInteger(block: Buffer, pos: number, prefixBits: number): [number, number] {
  if (pos >= block.length) throw new BlockParseError('truncated integer');
  const max = (1 << prefixBits) - 1;
  let value = block[pos]! & max;
  pos++;
  if (value < max) return [value, pos];
  for (let shift = 0; ; shift += 7) {
    if (pos >= block.length || shift > 28) throw new BlockParseError('bad integer');
    const b = block[pos++]!;
    value += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [value, pos];
  }
}

/** Reads an HPACK string literal (RFC 7541 section 5.2): its decoded octets and where it ends. */
function readString(block: Buffer, pos: number): [Buffer, number] {
  if (pos >= block.length) throw new BlockParseError('truncated string');
  const huffman = (block[pos]! & 0x80) !== 0;
  const [length, start] = readInteger(block, pos, 7);
  const end = start + length;
  if (end > block.length) throw new BlockParseError('truncated string');
  const raw = block.subarray(start, end);
  try {
    return [huffman ? decodeHuffman(raw) : raw, end];
  } catch (error) {
    if (error instanceof HuffmanDecodeError) throw new BlockParseError(error.message);
    throw error;
  }
}

/** A string literal without Huffman coding. */
function encodeRawString(value: Buffer): Buffer {
  const lengthBytes: number[] = [];
  let n = value.length;
  if (n < 127) lengthBytes.push(n);
  else {
    lengthBytes.push(127);
    n -= 127;
    while (n >= 128) {
      lengthBytes.push((n % 128) + 128);
      n = Math.floor(n / 128);
    }
    lengthBytes.push(n);
  }
  return Buffer.concat([Buffer.from(lengthBytes), value]);
}

/** The HPACK dynamic table as the decoder sees it, names only (values matter only by size). */
class DynamicTable {
  private entries: Array<{ name: string; size: number }> = [];
  private bytes = 0;
  private maxBytes = INITIAL_TABLE_BYTES;

  nameAt(index: number): string {
    if (index === STATIC_AUTHORITY) return ':authority';
    if (index === STATIC_HOST) return 'host';
    if (index >= 1 && index <= STATIC_TABLE_SIZE) return '';
    const entry = this.entries[index - STATIC_TABLE_SIZE - 1];
    if (!entry) throw new BlockParseError(`no table entry ${index}`);
    return entry.name;
  }

  add(name: string, valueBytes: number): void {
    const size = Buffer.byteLength(name, 'latin1') + valueBytes + 32;
    this.entries.unshift({ name, size });
    this.bytes += size;
    this.evict();
  }

  resize(maxBytes: number): void {
    this.maxBytes = maxBytes;
    this.evict();
  }

  private evict(): void {
    while (this.bytes > this.maxBytes && this.entries.length > 0) this.bytes -= this.entries.pop()!.size;
  }
}

/**
 * Rewrites one header block: the same fields, with a refused `:authority`
 * or `host` value sanitized. Returns undefined when nothing needed it.
 */
function rewriteBlock(block: Buffer, table: DynamicTable): Buffer | undefined {
  const parts: Buffer[] = [];
  let copiedUpTo = 0;
  let pos = 0;
  while (pos < block.length) {
    const first = block[pos]!;
    if (first & 0x80) {
      [, pos] = readInteger(block, pos, 7); // indexed field: the table already holds what the server accepted
      continue;
    }
    if ((first & 0xe0) === 0x20) {
      let size: number;
      [size, pos] = readInteger(block, pos, 5);
      table.resize(size);
      continue;
    }
    const indexing = (first & 0xc0) === 0x40;
    let index: number;
    [index, pos] = readInteger(block, pos, indexing ? 6 : 4);
    let name: string;
    if (index === 0) {
      let nameBytes: Buffer;
      [nameBytes, pos] = readString(block, pos);
      name = nameBytes.toString('latin1');
    } else name = table.nameAt(index);
    const valueStart = pos;
    let value: Buffer;
    [value, pos] = readString(block, pos);
    if ((name === ':authority' || name === 'host') && !isAcceptedAuthority(value)) {
      parts.push(block.subarray(copiedUpTo, valueStart), encodeRawString(sanitizeAuthority(value)));
      copiedUpTo = pos;
    }
    if (indexing) table.add(name, value.length);
  }
  if (parts.length === 0) return undefined;
  parts.push(block.subarray(copiedUpTo));
  return Buffer.concat(parts);
}

/** HEADERS then CONTINUATION frames carrying `block` on `streamId`, each at most MAX_FRAME_PAYLOAD. */
function headerFrames(streamId: number, flags: number, priority: Buffer | undefined, block: Buffer): Buffer[] {
  const frames: Buffer[] = [];
  const firstRoom = MAX_FRAME_PAYLOAD - (priority?.length ?? 0);
  let offset = 0;
  let first = true;
  do {
    const room = first ? firstRoom : MAX_FRAME_PAYLOAD;
    const piece = block.subarray(offset, offset + room);
    offset += piece.length;
    const last = offset >= block.length;
    const head = Buffer.alloc(FRAME_HEADER_BYTES);
    const payloadLength = piece.length + (first && priority ? priority.length : 0);
    head.writeUIntBE(payloadLength, 0, 3);
    head[3] = first ? HEADERS : CONTINUATION;
    const keep = first ? flags & ~(FLAG_PADDED | FLAG_END_HEADERS) : 0;
    head[4] = keep | (last ? FLAG_END_HEADERS : 0);
    head.writeUInt32BE(streamId & 0x7fffffff, 5);
    frames.push(head);
    if (first && priority) frames.push(priority);
    frames.push(piece);
    first = false;
  } while (offset < block.length);
  return frames;
}

/**
 * The client-to-server byte stream of one HTTP/2 connection, fed chunk by
 * chunk: `push(chunk)` returns the bytes to hand to the server. Frames
 * other than HEADERS/CONTINUATION pass through as slices (no copy).
 */
export class AuthorityRewriter {
  /** Header blocks seen, and how many of them needed a rewrite. */
  headerBlocks = 0;
  rewrittenBlocks = 0;
  /** Whether the SETTINGS ACK answering the opener's own SETTINGS (see client-port.ts) was taken out. */
  droppedSettingsAck = false;
  private prefaceLeft = HTTP2_PREFACE.length;
  private head = Buffer.alloc(0);
  /** Payload bytes of the current frame still to pass through untouched. */
  private passLeft = 0;
  /** The header frames being gathered (HEADERS .. END_HEADERS), raw, and their payloads. */
  private held: Buffer[] = [];
  private heldBytes = 0;
  private payloadLeft = 0;
  private payload: Buffer[] = [];
  private current: { type: number; flags: number; streamId: number; length: number } | undefined;
  private first: { flags: number; streamId: number; priority: Buffer | undefined } | undefined;
  private blockParts: Buffer[] = [];
  /** After an unparsable block: pass everything through from then on. */
  private gaveUp = false;
  private readonly table = new DynamicTable();

  /** dropFirstSettingsAck: take out the client's first SETTINGS ACK (it answers a SETTINGS the server never sent). */
  constructor(private readonly dropFirstSettingsAck = false) {}

  push(chunk: Buffer): Buffer[] {
    if (this.gaveUp) return [chunk];
    const out: Buffer[] = [];
    let pos = 0;
    while (pos < chunk.length) {
      if (this.prefaceLeft > 0) {
        const n = Math.min(this.prefaceLeft, chunk.length - pos);
        out.push(chunk.subarray(pos, pos + n));
        this.prefaceLeft -= n;
        pos += n;
      } else if (this.passLeft > 0) {
        const n = Math.min(this.passLeft, chunk.length - pos);
        out.push(chunk.subarray(pos, pos + n));
        this.passLeft -= n;
        pos += n;
      } else if (this.current) {
        const n = Math.min(this.payloadLeft, chunk.length - pos);
        this.payload.push(chunk.subarray(pos, pos + n));
        this.payloadLeft -= n;
        pos += n;
        if (this.payloadLeft === 0) out.push(...this.onHeaderPayload());
      } else {
        const n = Math.min(FRAME_HEADER_BYTES - this.head.length, chunk.length - pos);
        this.head = Buffer.concat([this.head, chunk.subarray(pos, pos + n)]);
        pos += n;
        if (this.head.length === FRAME_HEADER_BYTES) out.push(...this.onFrameHeader());
      }
      if (this.gaveUp) {
        out.push(chunk.subarray(pos));
        return out;
      }
    }
    return out;
  }

  /**
   * The bytes taken in and not yet returned, as they came: a frame header
   * cut by a chunk's end, a header block still being gathered. A caller
   * that stops feeding the rewriter mid-stream (client-port.ts hands the
   * socket to the HTTP/2 server) puts these back after what push returned;
   * dropped, they desynchronised the frames and nghttp2 ended the
   * connection with FRAME_SIZE_ERROR.
   */
  unflushed(): Buffer[] {
    return [...this.held, ...this.payload, this.head].filter((piece) => piece.length > 0);
  }

  private onFrameHeader(): Buffer[] {
    const head = this.head;
    this.head = Buffer.alloc(0);
    const length = head.readUIntBE(0, 3);
    const type = head[3]!;
    if (type === SETTINGS && (head[4]! & FLAG_ACK) !== 0 && length === 0 && this.dropFirstSettingsAck && !this.droppedSettingsAck) {
      this.droppedSettingsAck = true;
      return [];
    }
    if (type !== HEADERS && !(type === CONTINUATION && this.first)) {
      this.passLeft = length;
      return [head];
    }
    this.current = { type, flags: head[4]!, streamId: head.readUInt32BE(5) & 0x7fffffff, length };
    this.held.push(head);
    this.heldBytes += head.length;
    this.payloadLeft = length;
    this.payload = [];
    return length === 0 ? this.onHeaderPayload() : [];
  }

  private onHeaderPayload(): Buffer[] {
    const frame = this.current!;
    this.current = undefined;
    const payload = Buffer.concat(this.payload);
    this.payload = [];
    this.held.push(payload);
    this.heldBytes += payload.length;
    try {
      if (frame.type === HEADERS) {
        let start = 0;
        let end = payload.length;
        if (frame.flags & FLAG_PADDED) {
          if (payload.length < 1) throw new BlockParseError('bad padding');
          end -= payload[0]!;
          start = 1;
        }
        let priority: Buffer | undefined;
        if (frame.flags & FLAG_PRIORITY) {
          priority = Buffer.from(payload.subarray(start, start + 5));
          start += 5;
        }
        if (end < start) throw new BlockParseError('bad padding');
        this.first = { flags: frame.flags, streamId: frame.streamId, priority };
        this.blockParts = [payload.subarray(start, end)];
      } else this.blockParts.push(payload);
      if (this.heldBytes > MAX_HEADER_BLOCK_BYTES) throw new BlockParseError('header block too large');
      if ((frame.flags & FLAG_END_HEADERS) === 0) return [];
      const first = this.first!;
      const rewritten = rewriteBlock(Buffer.concat(this.blockParts), this.table);
      const held = this.held;
      this.resetBlock();
      this.headerBlocks++;
      if (rewritten) this.rewrittenBlocks++;
      return rewritten ? headerFrames(first.streamId, first.flags, first.priority, rewritten) : held;
    } catch (error) {
      if (!(error instanceof BlockParseError)) throw error;
      const held = this.held;
      this.resetBlock();
      this.headerBlocks++;
      this.gaveUp = true;
      return held;
    }
  }

  private resetBlock(): void {
    this.held = [];
    this.heldBytes = 0;
    this.first = undefined;
    this.blockParts = [];
  }
}
