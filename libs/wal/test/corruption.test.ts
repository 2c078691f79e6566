// Proves recovery refuses damaged or foreign data with one error that names
// the file and the offset (bit flip mid-log, damage in an older segment, a
// missing segment, a log that no longer reaches the snapshot, a damaged
// snapshot, another cluster's directory or segment), and that a torn final
// record is the one kind of damage that is cut off, logged, and survived.
import { posix as path } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EntryType, type Entry } from '@mgmt/raft';
import {
  DurableStorage,
  SimDisk,
  WalCorruptionError,
  WalForeignDataError,
  WalMissingSegmentError,
  type WalLogger,
} from '../src/index.js';
import { scanFrames } from '../src/frame.js';

const DIR = '/data/m1';
const identity = { clusterId: 'c-alpha', memberId: 1 };

function ents(from: number, n: number, term = 1): Entry[] {
  return Array.from({ length: n }, (_, k) => ({ index: from + k, term, type: EntryType.ENTRY_NORMAL, data: new Uint8Array(40).fill((from + k) % 256) }));
}

function open(disk: SimDisk, options: { logger?: WalLogger; identity?: typeof identity } = {}): DurableStorage {
  return DurableStorage.open({ fs: disk, dir: DIR, identity: options.identity ?? identity, io: 'sync', segmentSizeBytes: 600, logger: options.logger });
}

/** A closed WAL holding entries 1..30, written five per save (several segments). */
function populated(): { disk: SimDisk; segments: string[] } {
  const disk = new SimDisk();
  const s = open(disk);
  for (let i = 1; i <= 30; i += 5) s.saveSync({ entries: ents(i, 5), hardState: { term: 1, vote: 1, commit: i - 1 } });
  const segments = s.wal.segmentFiles;
  s.closeSync();
  return { disk, segments };
}

function frameOffsets(disk: SimDisk, file: string): number[] {
  return scanFrames(disk.readFile(file)).frames.map((f) => f.offset);
}

function capture(): { logger: WalLogger; warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, logger: { warn: (_f, m) => warnings.push(m), info: () => undefined } };
}

describe('recovery refuses damaged data, naming file and offset', () => {
  it('a bit flip in a record of the last segment that has intact records after it', () => {
    const disk = new SimDisk();
    const s = open(disk);
    for (let i = 1; i <= 3; i++) s.saveSync({ entries: ents(i, 1) });
    const file = s.wal.segmentFiles[0]!;
    s.closeSync();
    const second = frameOffsets(disk, file)[2]!;
    disk.flipBit(file, second + 20, 3);
    expect(() => open(disk)).toThrow(WalCorruptionError);
    expect(() => open(disk)).toThrow(
      `wal: ${file} is damaged at offset ${second}: frame checksum mismatch, and intact records follow it (not a torn write); refusing to start on a damaged log`,
    );
  });

  it('a bit flip anywhere in an older segment', () => {
    const { disk, segments } = populated();
    expect(segments.length).toBeGreaterThan(2);
    const at = frameOffsets(disk, segments[0]!)[1]!;
    disk.flipBit(segments[0]!, at + 30);
    expect(() => open(disk)).toThrow(
      `wal: ${segments[0]} is damaged at offset ${at}: frame checksum mismatch (not the last segment, so not a torn write); refusing to start on a damaged log`,
    );
  });

  it('a segment missing from the middle of the sequence', () => {
    const { disk, segments } = populated();
    disk.unlink(segments[1]!);
    expect(() => open(disk)).toThrow(WalMissingSegmentError);
    expect(() => open(disk)).toThrow(
      `wal: segment with sequence 0000000000000001 is missing between ${segments[0]} and ${segments[2]} (${segments[2]} offset 0); refusing to start with a hole in the log`,
    );
  });

  it('a first segment missing, so the log no longer reaches back to the snapshot', () => {
    const { disk, segments } = populated();
    disk.unlink(segments[0]!);
    const firstIndex = parseInt(path.basename(segments[1]!).slice(17, 33), 16);
    expect(() => open(disk)).toThrow(
      `wal: the log starts after index ${firstIndex - 1} but the newest snapshot is at index 0: entries 1..${firstIndex - 1} are missing (${segments[1]} offset 0); refusing to start with a hole in the log`,
    );
  });

  it('a damaged snapshot file', () => {
    const disk = new SimDisk();
    const s = open(disk);
    s.saveSync({ entries: ents(1, 10), hardState: { term: 1, vote: 1, commit: 10 } });
    s.createSnapshot(8, undefined, new Uint8Array(100).fill(5));
    s.closeSync();
    const snapFile = `${DIR}/snap/0000000000000008-0000000000000001.snap`;
    disk.flipBit(snapFile, 70);
    expect(() => open(disk)).toThrow(`wal: ${snapFile} is damaged at offset 0: frame checksum mismatch; refusing to start on a damaged log`);
  });

  it('a data directory that belongs to another cluster', () => {
    const { disk } = populated();
    const other = { clusterId: 'c-beta', memberId: 1 };
    expect(() => open(disk, { identity: other })).toThrow(WalForeignDataError);
    expect(() => open(disk, { identity: other })).toThrow(
      `wal: data belongs to cluster "c-alpha" member 1, not cluster "c-beta" member 1 (${DIR}/meta offset 0); refusing to start on another member's data`,
    );
  });

  it('a segment copied in from another member', () => {
    const { disk, segments } = populated();
    const foreign = new SimDisk();
    const f = open(foreign, { identity: { clusterId: 'c-alpha', memberId: 2 } });
    f.saveSync({ entries: ents(1, 1) });
    f.closeSync();
    const name = path.basename(foreign.readdir(`${DIR}/wal`)[0]!);
    const bytes = foreign.readFile(`${DIR}/wal/${name}`);
    // Replace our first segment's contents with the other member's.
    disk.truncate(segments[0]!, 0);
    const h = disk.openAppend(segments[0]!, { create: false });
    h.write(bytes);
    h.sync();
    expect(() => open(disk)).toThrow(
      `wal: data belongs to cluster "c-alpha" member 2, not cluster "c-alpha" member 1 (${segments[0]} offset 0); refusing to start on another member's data`,
    );
  });
});

describe('a torn final record is cut off and logged', () => {
  it('keeps everything before the torn record and appends after it again', () => {
    const disk = new SimDisk();
    const s = open(disk);
    s.saveSync({ entries: ents(1, 2), hardState: { term: 1, vote: 1, commit: 1 } });
    s.saveSync({ entries: ents(3, 2), hardState: { term: 1, vote: 1, commit: 2 } });
    const file = s.wal.segmentFiles[0]!;
    s.closeSync();
    const last = frameOffsets(disk, file).at(-1)!;
    const size = disk.readFile(file).byteLength;
    disk.truncate(file, size - 7); // the power went mid-write of the last record
    const { logger, warnings } = capture();
    const r = open(disk, { logger });
    expect(warnings).toEqual([
      `wal: cut off torn final record in ${file} at offset ${last} (${size - 7 - last} bytes discarded): frame of ${size - last - 12} bytes extends past the end of the file (${size - 7} bytes)`,
    ]);
    expect(r.wal.recovered.tornTail).toMatchObject({ file, offset: last });
    expect(r.lastIndex()).toBe(2);
    expect(r.hardState()).toEqual({ term: 1, vote: 1, commit: 1 });
    r.saveSync({ entries: ents(3, 1) });
    r.closeSync();
    const again = open(disk);
    expect(again.lastIndex()).toBe(3);
    expect(again.wal.recovered.tornTail).toBeUndefined();
  });

  it('treats a zero-filled tail as torn', () => {
    const disk = new SimDisk();
    const s = open(disk);
    s.saveSync({ entries: ents(1, 2) });
    const file = s.wal.segmentFiles[0]!;
    s.closeSync();
    const size = disk.readFile(file).byteLength;
    disk.truncate(file, size + 512); // the file grew but its new blocks were never written
    const r = open(disk);
    expect(r.wal.recovered.tornTail).toMatchObject({ file, offset: size, reason: 'frame header checksum mismatch' });
    expect(r.lastIndex()).toBe(2);
  });
});
