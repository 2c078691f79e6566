import { etcdserverpb } from '@mgmt/proto';
import { Errors } from './errors.js';
import type { KeyRecord } from './key-history.js';
import { toKeyRange } from './keys.js';
import type { Mvcc } from './mvcc.js';
import type { KeyValue, RangeRequest } from './types.js';

const { SortOrder, SortTarget } = etcdserverpb.RangeRequest;

/** What a range read found (the header is the server's to add). */
export interface RangeResult {
  kvs: KeyValue[];
  more: boolean;
  count: number;
}

/**
 * A RangeRequest as etcd answers it (etcd's v3 applier Range): the keys in
 * [key, range_end) as of `revision` (0: now), `count` of every key in the
 * range regardless of limit and filters, then the min/max revision
 * filters, sort, limit (with `more`) and keys_only/count_only.
 */
export function readRange(mvcc: Mvcc, req: RangeRequest): RangeResult {
  const requested = req.revision ?? 0;
  if (requested > 0) {
    if (requested > mvcc.revision) throw Errors.futureRev();
    if (requested < mvcc.compactRevision) throw Errors.compacted();
  }
  const revision = requested > 0 && requested < mvcc.revision ? requested : 0;
  const range = toKeyRange(req.key, req.rangeEnd);
  const limit = req.limit && req.limit > 0 ? req.limit : 0;
  const target = req.sortTarget ?? SortTarget.KEY;
  let order = req.sortOrder ?? SortOrder.NONE;
  if (target !== SortTarget.KEY && order === SortOrder.NONE) order = SortOrder.ASCEND;
  const filtered = Boolean(req.minModRevision || req.maxModRevision || req.minCreateRevision || req.maxCreateRevision);
  const inKeyOrder = target === SortTarget.KEY && order !== SortOrder.DESCEND;

  let count = 0;
  let kvs: KeyRecord[] = [];
  if (req.countOnly) {
    mvcc.forEachLive(range, revision, () => {
      count++;
    });
    return { kvs: [], more: false, count };
  }
  // In key order without filters only the first limit + 1 records matter;
  // the rest are only counted.
  const keep = inKeyOrder && !filtered && limit > 0 ? limit + 1 : Infinity;
  mvcc.forEachLive(range, revision, (record) => {
    if (count < keep) kvs.push(record);
    count++;
  });
  if (filtered) kvs = kvs.filter((r) => passes(r, req));
  if (!inKeyOrder) sortRecords(kvs, target, order);
  let more = false;
  if (limit > 0 && kvs.length > limit) {
    kvs.length = limit;
    more = true;
  }
  return { kvs: req.keysOnly ? kvs.map(withoutValue) : kvs, more, count };
}

function passes(r: KeyRecord, req: RangeRequest): boolean {
  if (req.minModRevision && r.modRevision < req.minModRevision) return false;
  if (req.maxModRevision && r.modRevision > req.maxModRevision) return false;
  if (req.minCreateRevision && r.createRevision < req.minCreateRevision) return false;
  if (req.maxCreateRevision && r.createRevision > req.maxCreateRevision) return false;
  return true;
}

function sortRecords(kvs: KeyRecord[], target: number, order: number): void {
  const sign = order === SortOrder.DESCEND ? -1 : 1;
  const by = (f: (r: KeyRecord) => number) => (a: KeyRecord, b: KeyRecord) => sign * (f(a) - f(b));
  switch (target) {
    case SortTarget.KEY:
      kvs.reverse();
      return;
    case SortTarget.VERSION:
      kvs.sort(by((r) => r.version));
      return;
    case SortTarget.CREATE:
      kvs.sort(by((r) => r.createRevision));
      return;
    case SortTarget.MOD:
      kvs.sort(by((r) => r.modRevision));
      return;
    case SortTarget.VALUE:
      kvs.sort((a, b) => sign * Buffer.compare(a.value, b.value));
      return;
  }
}

function withoutValue(r: KeyRecord): KeyValue {
  return { key: r.key, createRevision: r.createRevision, modRevision: r.modRevision, version: r.version, lease: r.lease };
}
