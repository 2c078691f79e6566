/**
 * The last encoded answers to large plain reads, given again while nothing
 * in them can have changed. When a fleet restarts, every agent reads all of
 * `/_mgmt/` once (its watch's first read): a thousand reads of the same
 * prefix at the same revision, each walking the store's thousands of keys
 * and assembling a response of about half a megabyte. The answer of a read
 * at the store's current revision is fixed by that revision (the
 * replicated log decides every change, and each change moves the revision)
 * and by the header (member, term): an answer kept with those is still the
 * answer while they are unchanged.
 *
 * Only plain reads are kept (no revision, limit, sort, bounds, keys-only or
 * count-only), with at least MIN_KEYS keys (point reads are cheap and
 * would only churn it) and at most MAX_BYTES encoded. Permission checks
 * happen before the cache is asked: the bytes do not depend on the caller.
 */
import type { etcdserverpb } from '@mgmt/proto';
import type { RangeRequest } from '../types.js';
import type { EncodedRangeResponse } from './range-encoding.js';

type ResponseHeader = etcdserverpb.ResponseHeader.$Properties;

/** Fewer keys than this: not kept. */
export const MIN_KEYS = 64;
/** A larger answer is not kept (the cache holds at most CAPACITY of them). */
export const MAX_BYTES = 8 * 1024 * 1024;
/** Answers kept (the prefixes read at once by many clients are few). */
const CAPACITY = 4;

interface Entry {
  /** The store the answer was read from (a member may be given a new one). */
  store: WeakRef<object>;
  revision: number;
  header: string;
  answer: EncodedRangeResponse;
}

/** The cache key of `req`, or undefined when its answer is not one to keep. */
export function plainReadKey(req: RangeRequest): string | undefined {
  if (Number(req.revision ?? 0) !== 0 || Number(req.limit ?? 0) !== 0) return undefined;
  if (req.sortOrder || req.sortTarget || req.keysOnly || req.countOnly) return undefined;
  if (Number(req.minModRevision ?? 0) || Number(req.maxModRevision ?? 0) || Number(req.minCreateRevision ?? 0) || Number(req.maxCreateRevision ?? 0)) return undefined;
  const key = req.key ?? new Uint8Array();
  const end = req.rangeEnd ?? new Uint8Array();
  return `${Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('latin1')}\u0000${Buffer.from(end.buffer, end.byteOffset, end.byteLength).toString('latin1')}`;
}

function headerKey(h: ResponseHeader): string {
  return `${String(h.clusterId)}/${String(h.memberId)}/${String(h.raftTerm)}`;
}

export class RangeAnswerCache {
  private readonly entries = new Map<string, Entry>();
  /** Answers given from the cache (for tests and profiles). */
  hits = 0;

  /** The kept answer of the read `key` on `store` at `revision` under `header`, if it is still the answer. */
  get(key: string, store: object, revision: number, header: ResponseHeader): EncodedRangeResponse | undefined {
    const e = this.entries.get(key);
    if (e === undefined) return undefined;
    if (e.revision !== revision || e.store.deref() !== store || e.header !== headerKey(header)) {
      this.entries.delete(key);
      return undefined;
    }
    this.hits++;
    return e.answer;
  }

  /** Keeps `answer` (of `keys` keys) when it is one worth keeping. */
  set(key: string, store: object, revision: number, header: ResponseHeader, keys: number, answer: EncodedRangeResponse): void {
    if (keys < MIN_KEYS || answer.bytes.length > MAX_BYTES) return;
    this.entries.delete(key);
    this.entries.set(key, { store: new WeakRef(store), revision, header: headerKey(header), answer });
    // Oldest first: a Map keeps insertion order.
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value!);
  }
}
