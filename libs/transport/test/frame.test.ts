// Proves the frame decoder is a correct pure state machine: any split of a
// valid stream into chunks yields the same frames in order; garbage, oversized
// and truncated input end the stream with a FrameError and nothing bogus.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FrameDecoder, FrameError, FRAME_HEADER_BYTES } from '../src/index.js';

function concat(parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}

function splitAt(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const p of points) {
    chunks.push(bytes.subarray(start, p));
    start = p;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

describe('FrameDecoder', () => {
  it('decodes frames across every possible split point', () => {
    const payloads = [new Uint8Array([1, 2, 3]), new Uint8Array(0), new Uint8Array(300).fill(9)];
    const stream = concat(payloads.map(encodeFrame));
    for (let cut = 0; cut <= stream.length; cut += 1) {
      const decoder = new FrameDecoder(1024);
      const first = decoder.feed(stream.subarray(0, cut));
      const second = decoder.feed(stream.subarray(cut));
      expect(first.error ?? second.error).toBeUndefined();
      expect([...first.frames, ...second.frames].map((f) => [...f])).toEqual(payloads.map((p) => [...p]));
      expect(decoder.end()).toBeUndefined();
    }
  });

  it('decodes one byte at a time', () => {
    const payloads = [new Uint8Array([5, 6]), new Uint8Array(40).fill(1)];
    const stream = concat(payloads.map(encodeFrame));
    const decoder = new FrameDecoder(64);
    const frames: Uint8Array[] = [];
    for (const byte of stream) frames.push(...decoder.feed(new Uint8Array([byte])).frames);
    expect(frames.map((f) => [...f])).toEqual(payloads.map((p) => [...p]));
  });

  it('property: random payloads and random chunking round-trip (seed printed on failure)', () => {
    const seed = Number(process.env.SEED ?? Date.now() % 2 ** 31);
    try {
      fc.assert(
        fc.property(
          fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 20 }),
          fc.array(fc.nat(5000), { maxLength: 30 }),
          (payloads, cuts) => {
            const stream = concat(payloads.map(encodeFrame));
            const decoder = new FrameDecoder(200);
            const frames: Uint8Array[] = [];
            for (const chunk of splitAt(stream, cuts)) {
              const { frames: got, error } = decoder.feed(chunk);
              expect(error).toBeUndefined();
              frames.push(...got);
            }
            expect(frames.map((f) => [...f])).toEqual(payloads.map((p) => [...p]));
            expect(decoder.end()).toBeUndefined();
          },
        ),
        { seed, numRuns: 200 },
      );
    } catch (err) {
      console.error(`frame property failed; replay with SEED=${seed} npx vitest run test/frame.test.ts`);
      throw err;
    }
  });

  it('refuses a frame over the limit before reading its payload', () => {
    const decoder = new FrameDecoder(10);
    const { frames, error } = decoder.feed(encodeFrame(new Uint8Array(11)).subarray(0, FRAME_HEADER_BYTES));
    expect(frames).toEqual([]);
    expect(error).toBeInstanceOf(FrameError);
    expect(error?.message).toMatch(/over the limit/);
    // Once failed it stays failed.
    expect(decoder.feed(encodeFrame(new Uint8Array(1))).error).toBe(error);
  });

  it('detects garbage through the checksum', () => {
    const frame = encodeFrame(new Uint8Array([1, 2, 3, 4]));
    frame[FRAME_HEADER_BYTES + 1] = (frame[FRAME_HEADER_BYTES + 1] ?? 0) ^ 0xff;
    const result = new FrameDecoder(100).feed(frame);
    expect(result.frames).toEqual([]);
    expect(result.error?.message).toMatch(/checksum/);
  });

  it('keeps good frames that came before garbage in the same chunk', () => {
    const good = encodeFrame(new Uint8Array([7]));
    const result = new FrameDecoder(100).feed(concat([good, new Uint8Array(Buffer.from('GET / HTTP/1.1\r\n\r\n'))]));
    expect(result.frames.map((f) => [...f])).toEqual([[7]]);
    expect(result.error).toBeInstanceOf(FrameError);
  });

  it('reports a stream that ends inside a frame', () => {
    const decoder = new FrameDecoder(100);
    decoder.feed(encodeFrame(new Uint8Array(50)).subarray(0, 20));
    expect(decoder.partialBytes).toBe(20);
    expect(decoder.end()?.message).toMatch(/ended inside a frame/);
  });
});
