import { describe, expect, it } from 'vitest';
import { ChangeLog, type Change } from './change-log.js';
import type { KeyRecord } from './key-history.js';
import { EMPTY_BYTES } from './keys.js';

function change(key: string, modRevision: number, sub: number, tombstone = false): Change {
  const record: KeyRecord = { key: Buffer.from(key), createRevision: modRevision, modRevision, version: 1, value: EMPTY_BYTES, lease: 0, sub, tombstone };
  return { key, record, prev: undefined };
}

function at(log: ChangeLog, revision: number): string[] {
  const out: string[] = [];
  log.forEachAt(revision, (key, record) => out.push(`${key}${record.tombstone ? '-' : '+'}`));
  return out;
}

describe('ChangeLog', () => {
  it('hands back each revision\'s changes in order, and nothing outside what it holds', () => {
    const log = new ChangeLog(2);
    log.append([change('a', 2, 0), change('b', 2, 1)]);
    log.append([change('c', 3, 0)]);
    log.append([change('a', 4, 0, true)]);
    log.invariants();
    expect([log.first, log.end]).toEqual([2, 5]);
    expect([at(log, 2), at(log, 3), at(log, 4)]).toEqual([['a+', 'b+'], ['c+'], ['a-']]);
    expect([at(log, 1), at(log, 5)]).toEqual([[], []]);
  });

  it('compacts: drops earlier revisions and the deletions made at the compaction revision', () => {
    const log = new ChangeLog(2);
    log.append([change('a', 2, 0)]);
    log.append([change('a', 3, 0, true), change('b', 3, 1), change('c', 3, 2, true)]);
    log.append([change('d', 4, 0)]);
    log.compact(3);
    log.invariants();
    expect([log.first, log.end]).toEqual([3, 5]);
    expect([at(log, 2), at(log, 3), at(log, 4)]).toEqual([[], ['b+'], ['d+']]);
    log.compact(5);
    log.invariants();
    expect([log.first, log.end]).toEqual([5, 5]);
    log.append([change('e', 5, 0)]);
    expect(at(log, 5)).toEqual(['e+']);
  });

  it('compacts a revision that deleted many keys in one pass', () => {
    const log = new ChangeLog(2);
    log.append(Array.from({ length: 50_000 }, (_, i) => change(`k${i}`, 2, i, i % 2 === 0)));
    log.append([change('z', 3, 0)]);
    log.compact(2);
    log.invariants();
    expect(at(log, 2)).toHaveLength(25_000);
    expect(at(log, 3)).toEqual(['z+']);
  });

  it('is replaced whole by reset', () => {
    const log = new ChangeLog(2);
    log.append([change('a', 2, 0)]);
    log.reset(7, [[change('x', 7, 0)], [], [change('y', 9, 0), change('z', 9, 1)]]);
    log.invariants();
    expect([log.first, log.end]).toEqual([7, 10]);
    expect([at(log, 7), at(log, 8), at(log, 9)]).toEqual([['x+'], [], ['y+', 'z+']]);
  });
});
