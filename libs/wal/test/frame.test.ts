// Proves the frame layer tells a torn final write from corruption: a frame
// cut short or zero-filled at the end of a file is reported as damage with
// nothing intact after it, while damage followed by an intact frame is
// flagged as such; and that any prefix of a valid file scans to exactly the
// frames that fit in it (property test, seeded).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeFrame, FRAME_HEADER_BYTES, scanFrames } from '../src/frame.js';

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const payload = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('frames', () => {
  it('round-trips payloads of any size, including empty', () => {
    const frames = [payload(0, 0), payload(1, 7), payload(1000, 3)].map(encodeFrame);
    const scan = scanFrames(concat(frames));
    expect(scan.damage).toBeUndefined();
    expect(scan.frames.map((f) => f.payload.byteLength)).toEqual([0, 1, 1000]);
    expect(scan.frames[2]!.payload.every((b) => b === 3)).toBe(true);
  });

  it('reports a file cut mid-frame as damage with nothing intact after it', () => {
    const bytes = concat([encodeFrame(payload(50, 1)), encodeFrame(payload(50, 2))]);
    const cut = bytes.subarray(0, bytes.byteLength - 10);
    const scan = scanFrames(cut);
    expect(scan.frames).toHaveLength(1);
    expect(scan.damage).toMatchObject({ offset: 62, intactFrameFollows: false });
    expect(scan.damage!.reason).toMatch(/extends past the end/);
  });

  it('reports a zero-filled final frame (delayed allocation after a power cut) as torn', () => {
    const good = encodeFrame(payload(50, 1));
    const bytes = concat([good, new Uint8Array(80)]);
    const scan = scanFrames(bytes);
    expect(scan.damage).toMatchObject({ offset: good.byteLength, reason: 'frame header checksum mismatch', intactFrameFollows: false });
  });

  it('flags a damaged frame that is followed by an intact one', () => {
    const frames = [encodeFrame(payload(40, 1)), encodeFrame(payload(40, 2)), encodeFrame(payload(40, 3))];
    const bytes = concat(frames);
    bytes[frames[0]!.byteLength + FRAME_HEADER_BYTES + 5]! ^= 0x10; // payload of the second frame
    const scan = scanFrames(bytes);
    expect(scan.frames).toHaveLength(1);
    expect(scan.damage).toMatchObject({ offset: 52, reason: 'frame checksum mismatch', intactFrameFollows: true });
  });

  it('never trusts a damaged length field', () => {
    const frames = [encodeFrame(payload(40, 1)), encodeFrame(payload(40, 2))];
    const bytes = concat(frames);
    bytes[2]! ^= 0x01; // length of the first frame now claims ~64 KiB
    const scan = scanFrames(bytes);
    expect(scan.damage).toMatchObject({ offset: 0, reason: 'frame header checksum mismatch', intactFrameFollows: true });
  });

  it('scans any prefix of a valid file to exactly the frames that fit (property)', () => {
    const seed = Number(process.env.SEED ?? Date.now() % 1_000_000);
    try {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 8 }), fc.nat(), (sizes, cutSeed) => {
          const frames = sizes.map((n, i) => encodeFrame(payload(n, i + 1)));
          const bytes = concat(frames);
          const cut = cutSeed % (bytes.byteLength + 1);
          const scan = scanFrames(bytes.subarray(0, cut));
          let fit = 0;
          let end = 0;
          for (const f of frames) {
            if (end + f.byteLength > cut) break;
            end += f.byteLength;
            fit++;
          }
          expect(scan.frames).toHaveLength(fit);
          expect(scan.intactBytes).toBe(end);
          if (cut > end) expect(scan.damage?.intactFrameFollows).toBe(false);
          else expect(scan.damage).toBeUndefined();
        }),
        { seed, numRuns: 300 },
      );
    } catch (err) {
      console.error(`frame property failed; replay with SEED=${seed} npx vitest run test/frame.test.ts`);
      throw err;
    }
  });
});
