/**
 * Watch responses encoded once per revision for all watchers. A thousand
 * agents watching the same prefix get the same events at each revision;
 * encoding them once per watcher made the members' work grow with the fleet
 * times the events. The watch hub hands watchers with the same range and
 * filters the same events array, so the encoded header and events are cached
 * by that array, and each watcher's response is the cached bytes with its own
 * watch id spliced in.
 *
 * The bytes are exactly what encoding the whole response gives: protobufjs
 * writes fields in field-number order, and a WatchResponse's header (1),
 * watch_id (2) and events (11) come out as those three parts, one after the
 * other (proto3 omits a zero watch_id, as it omits an empty part here).
 */
import { etcdserverpb } from '@mgmt/proto';
import type { WatchEvent } from '../types.js';

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

/** The header and events of one delivery, encoded (without a watch id). */
interface SharedParts {
  /** The header's fields the bytes were encoded from (a later delivery at another term encodes its own). */
  headerKey: string;
  header: Uint8Array;
  events: Uint8Array;
}

const headerKey = (h: ResponseHeader) => `${String(h.clusterId)}/${String(h.memberId)}/${String(h.revision)}/${String(h.raftTerm)}`;

/**
 * Encodes event responses, once per events array: the cache is weak, so an
 * array no watcher holds any more (after its revision went out) is dropped
 * with its bytes. One per Watch service (never module state).
 */
export class SharedEventEncoder {
  private readonly parts = new WeakMap<readonly WatchEvent[], SharedParts>();

  /** The response carrying `events` at `header` for watcher `watchId`. */
  encode(watchId: number, header: ResponseHeader, events: readonly WatchEvent[]): EncodedWatchResponse {
    const key = headerKey(header);
    let parts = this.parts.get(events);
    if (parts === undefined) {
      parts = { headerKey: key, header: etcdserverpb.WatchResponse.encode({ header }).finish(), events: etcdserverpb.WatchResponse.encode({ events: events as WatchEvent[] }).finish() };
      this.parts.set(events, parts);
    } else if (parts.headerKey !== key) {
      parts.headerKey = key;
      parts.header = etcdserverpb.WatchResponse.encode({ header }).finish();
    }
    const id = etcdserverpb.WatchResponse.encode({ watchId }).finish();
    const bytes = new Uint8Array(parts.header.length + id.length + parts.events.length);
    bytes.set(parts.header, 0);
    bytes.set(id, parts.header.length);
    bytes.set(parts.events, parts.header.length + id.length);
    return new EncodedWatchResponse(bytes);
  }
}
