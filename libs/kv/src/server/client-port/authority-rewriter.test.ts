// Proves the HPACK pieces the client port relies on: Huffman decoding
// against RFC 7541's examples, and that the AuthorityRewriter changes only
// a refused `:authority` value (same decoded length, so the dynamic table
// stays in step), in any chunking, and passes other frames through.
import { describe, expect, it } from 'vitest';
import { AuthorityRewriter, HTTP2_PREFACE, isAcceptedAuthority } from './authority-rewriter.js';
import { decodeHuffman } from './hpack-huffman.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

function frame(type: number, flags: number, streamId: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(9);
  head.writeUIntBE(payload.length, 0, 3);
  head[3] = type;
  head[4] = flags;
  head.writeUInt32BE(streamId, 5);
  return Buffer.concat([head, payload]);
}

/** A literal with incremental indexing, name = static index 1 (:authority), raw value. */
function authorityLiteral(value: string): Buffer {
  return Buffer.concat([Buffer.from([0x41, value.length]), Buffer.from(value, 'latin1')]);
}

function runThrough(input: Buffer, chunkSize: number): Buffer {
  const rewriter = new AuthorityRewriter();
  const out: Buffer[] = [];
  for (let i = 0; i < input.length; i += chunkSize) out.push(...rewriter.push(input.subarray(i, i + chunkSize)));
  return Buffer.concat(out);
}

describe('HPACK Huffman decoding', () => {
  it('decodes the RFC 7541 C.4 examples', () => {
    expect(decodeHuffman(hex('f1e3 c2e5 f23a 6ba0 ab90 f4ff')).toString()).toBe('www.example.com');
    expect(decodeHuffman(hex('a8eb 1064 9cbf')).toString()).toBe('no-cache');
    expect(decodeHuffman(hex('25a8 49e9 5bb8 e8b4 bf')).toString()).toBe('custom-value');
  });
  it('refuses bad padding', () => {
    expect(() => decodeHuffman(hex('f1e3 c2e5 f23a 6ba0 ab90 f400'))).toThrow(/padding/);
  });
});

describe('AuthorityRewriter', () => {
  const settings = frame(0x4, 0, 0, hex('000300000064'));
  const first = Buffer.concat([hex('8286 84'), authorityLiteral('http://127.0.0.1:2379')]);
  const second = hex('8286 84be'); // :authority by dynamic index 62
  const data = frame(0x0, 0x1, 1, Buffer.from('payload stays'));
  const input = Buffer.concat([HTTP2_PREFACE, settings, frame(0x1, 0x4, 1, first), data, frame(0x1, 0x5, 3, second)]);

  it('replaces the refused characters of :authority and nothing else, in any chunking', () => {
    const expected = Buffer.concat([HTTP2_PREFACE, settings, frame(0x1, 0x4, 1, Buffer.concat([hex('8286 84'), authorityLiteral('http:--127.0.0.1:2379')])), data, frame(0x1, 0x5, 3, second)]);
    for (const chunkSize of [1, 7, 9, 100, input.length]) expect(runThrough(input, chunkSize)).toEqual(expected);
    expect(isAcceptedAuthority(Buffer.from('http:--127.0.0.1:2379'))).toBe(true);
  });

  it('leaves a connection with good authorities byte for byte as it was', () => {
    const good = Buffer.concat([HTTP2_PREFACE, settings, frame(0x1, 0x4, 1, Buffer.concat([hex('8286 84'), authorityLiteral('127.0.0.1:2379')])), data]);
    expect(runThrough(good, 5)).toEqual(good);
  });

  it('takes out the first SETTINGS ACK when asked, and counts blocks', () => {
    const rewriter = new AuthorityRewriter(true);
    const ack = frame(0x4, 0x1, 0, Buffer.alloc(0));
    const out = Buffer.concat(rewriter.push(Buffer.concat([HTTP2_PREFACE, settings, ack, frame(0x1, 0x4, 1, first), ack])));
    expect(rewriter.droppedSettingsAck).toBe(true);
    expect([rewriter.headerBlocks, rewriter.rewrittenBlocks]).toEqual([1, 1]);
    expect(out.subarray(out.length - 9)).toEqual(ack); // only the first one goes
  });

  it('gives back, wherever a chunk ends, the bytes it still holds, so nothing is lost when the reader changes hands', () => {
    // client-port.ts stops feeding the rewriter after the first request and
    // hands the socket on: what push returned plus unflushed() must be the
    // input up to there, byte for byte (a frame header or a header block cut
    // by the chunk's end was once dropped: nghttp2 answered FRAME_SIZE_ERROR).
    const good = Buffer.concat([HTTP2_PREFACE, settings, frame(0x1, 0x4, 1, Buffer.concat([hex('8286 84'), authorityLiteral('127.0.0.1:2379')])), data, frame(0x1, 0x1, 3, second), frame(0x9, 0x4, 3, hex('84'))]);
    for (let cut = 0; cut <= good.length; cut++) {
      const rewriter = new AuthorityRewriter();
      const out = [...rewriter.push(good.subarray(0, cut)), ...rewriter.unflushed()];
      expect(Buffer.concat(out)).toEqual(good.subarray(0, cut));
    }
  });
});
