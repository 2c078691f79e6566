/**
 * Entries whose data is a view into a larger buffer (a received network
 * chunk on a follower, a whole segment file read at recovery) keep that
 * buffer alive for as long as they stay in the in-memory log, up to the
 * next snapshot. The cache keeps copies of exactly their own size instead;
 * entries already in a buffer of their own (the leader's proposals) are
 * kept as they are.
 */
import type { Entry } from '@mgmt/raft';

/** Whether `data` fills its whole ArrayBuffer (nothing else is kept alive by it). */
function ownsItsBuffer(data: Uint8Array): boolean {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
}

/** `entries`, with each entry whose data is a view into a larger buffer replaced by one holding a copy. */
export function ownEntries(entries: readonly Entry[]): Entry[] {
  return entries.map((e) => (e.data.byteLength === 0 || ownsItsBuffer(e.data) ? e : { ...e, data: new Uint8Array(e.data) }));
}
