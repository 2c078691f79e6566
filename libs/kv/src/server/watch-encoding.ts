/**
 * Watch responses encoded once per revision for all watchers. A thousand
 * agents watching the same prefix get the same events at each revision;
 * encoding them once per watcher made the members' work grow with the fleet
 * times the events. The watch hub hands watchers with the same range and
 * filters the same events array, so the encoded header and events are cached
 * by that array, and each watcher's response is the cached bytes with its own
 * watch id spliced in. A watcher catching up from history has events of its
 * own, but their KeyValues are the store's records, whose encodings are
 * cached too (key-value-bytes.ts).
 *
 * The bytes are exactly what encoding the whole response gives: protobufjs
 * writes fields in field-number order, and a WatchResponse's header (1),
 * watch_id (2) and events (11) come out as those three parts, one after the
 * other (proto3 omits a zero watch_id, as it omits an empty part here).
 */
import { etcdserverpb, mvccpb } from '@mgmt/proto';
import type { KeyValue, WatchEvent } from '../types.js';
import { delimitedLength, KeyValueBytes, varintLength, writeDelimited, writeVarint } from './key-value-bytes.js';

/** Field tags: WatchResponse.events (11), Event.type (1, varint), Event.kv (2). */
const EVENTS_TAG = 0x5a;
const TYPE_TAG = 0x08;
const KV_TAG = 0x12;
/** WatchResponse.watch_id (2, varint). */
const WATCH_ID_TAG = 0x10;

type WatchResponse = etcdserverpb.WatchResponse.$Properties;
type ResponseHeader = etcdserverpb.ResponseHeader.$Properties;

/** A WatchResponse already encoded; the Watch service's serializer passes its bytes through. */
export class EncodedWatchResponse {
  constructor(readonly bytes: Uint8Array) {}
}

/** What the Watch service writes: a response to encode, or one encoded already. */
export type WatchResponseOut = WatchResponse | EncodedWatchResponse;

/** The Watch service's response encoder: encoded responses as they are, others through protobufjs. */
export function encodeWatchResponseOut(m: WatchResponseOut): Uint8Array {
  return m instanceof EncodedWatchResponse ? m.bytes : etcdserverpb.WatchResponse.encode(m).finish();
}

/** WatchResponse.watch_id (field 2, varint): by hand for the usual small ids, else through protobufjs (0 is left out, -1 takes ten bytes). */
function watchIdBytes(watchId: number): Uint8Array {
  if (!(watchId > 0 && watchId < 2 ** 31)) return etcdserverpb.WatchResponse.encode({ watchId }).finish();
  const out = new Uint8Array(1 + varintLength(watchId));
  out[0] = WATCH_ID_TAG;
  writeVarint(out, 1, watchId);
  return out;
}

const headerKey = (h: ResponseHeader) => `${String(h.clusterId)}/${String(h.memberId)}/${String(h.revision)}/${String(h.raftTerm)}`;

/**
 * Encodes event responses, each events array once: the cache is weak, so
 * an array no watcher holds any more (after its revision went out) is
 * dropped with its bytes. The last header encoded is kept too (a turn's
 * responses mostly carry the same one). One per Watch service (never
 * module state).
 */
export class SharedEventEncoder {
  private readonly events = new WeakMap<readonly WatchEvent[], Uint8Array>();
  private header: { key: string; bytes: Uint8Array } = { key: "", bytes: new Uint8Array() };

  /** `kvBytes`: the server's KeyValue encodings, shared with its Range responses. */
  constructor(private readonly kvBytes = new KeyValueBytes()) {}

  /** The response carrying `events` at `header` for watcher `watchId`. */
  encode(watchId: number, header: ResponseHeader, events: readonly WatchEvent[]): EncodedWatchResponse {
    return this.encodeMany(watchId, header, [events]);
  }

  /**
   * The response carrying the events of several revisions, in order, at
   * `header` for watcher `watchId` (a repeated field's elements may come in
   * several runs: the runs of each array, cached once, are laid end to end).
   */
  encodeMany(watchId: number, header: ResponseHeader, batches: ReadonlyArray<readonly WatchEvent[]>): EncodedWatchResponse {
    const key = headerKey(header);
    if (this.header.key !== key) this.header = { key, bytes: etcdserverpb.WatchResponse.encode({ header }).finish() };
    const head = this.header.bytes;
    const runs = batches.map((events) => this.eventsOf(events));
    const id = watchIdBytes(watchId);
    const bytes = new Uint8Array(head.length + id.length + runs.reduce((n, r) => n + r.length, 0));
    bytes.set(head, 0);
    bytes.set(id, head.length);
    let at = head.length + id.length;
    for (const run of runs) {
      bytes.set(run, at);
      at += run.length;
    }
    return new EncodedWatchResponse(bytes);
  }

  /** The encoded size of `events` (encoded now if not yet, and cached). */
  eventBytes(events: readonly WatchEvent[]): number {
    return this.eventsOf(events).length;
  }

  private eventsOf(events: readonly WatchEvent[]): Uint8Array {
    let bytes = this.events.get(events);
    if (bytes === undefined) {
      bytes = this.encodeEvents(events);
      this.events.set(events, bytes);
    }
    return bytes;
  }

  /**
   * The events as WatchResponse field 11, each event's KeyValue from the
   * record cache (key-value-bytes.ts): a watcher catching up from history
   * gets events of its own, but their records are the store's, shared with
   * every other watcher that catches up on the same revisions. Sized first,
   * then written into one buffer (no buffer per event). An event with its
   * previous value (a watcher asked for prev_kv) goes through protobufjs.
   */
  private encodeEvents(events: readonly WatchEvent[]): Uint8Array {
    const kvs: Array<Uint8Array | undefined> = new Array<Uint8Array | undefined>(events.length);
    const lengths: number[] = new Array<number>(events.length);
    let size = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      let length: number;
      if (e.prevKv) {
        const whole = mvccpb.Event.encode(e).finish();
        kvs[i] = whole;
        length = whole.length;
      } else {
        const kv = e.kv ? this.kvBytes.of(e.kv as KeyValue) : undefined;
        kvs[i] = kv;
        const type = e.type ?? 0;
        length = (type !== 0 ? 1 + varintLength(type) : 0) + (kv ? delimitedLength(kv.length) : 0);
      }
      lengths[i] = length;
      size += delimitedLength(length);
    }
    const out = new Uint8Array(size);
    let at = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const bytes = kvs[i];
      out[at++] = EVENTS_TAG;
      at = writeVarint(out, at, lengths[i]!);
      if (e.prevKv) {
        out.set(bytes!, at);
        at += bytes!.length;
        continue;
      }
      // The type unless PUT (0, a proto3 default, which protobufjs leaves out), then the KeyValue.
      const type = e.type ?? 0;
      if (type !== 0) {
        out[at++] = TYPE_TAG;
        at = writeVarint(out, at, type);
      }
      if (bytes) at = writeDelimited(out, at, KV_TAG, bytes);
    }
    return out;
  }
}
