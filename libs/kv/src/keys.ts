/**
 * Keys are bytes on the wire and latin1 strings inside the store: one JS
 * char per byte, so string order is byte order (what etcd sorts by) and a
 * key can be a Map key with no copy of the bytes kept twice.
 */

/** The empty byte string, shared (never mutated). */
export const EMPTY_BYTES: Uint8Array = Buffer.alloc(0);

/** The store's string form of a key. */
export function keyToString(bytes: Uint8Array): string {
  if (Buffer.isBuffer(bytes)) return bytes.toString('latin1');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** The bytes of a key in string form. */
export function keyToBytes(key: string): Buffer {
  return Buffer.from(key, 'latin1');
}

/**
 * A key range as etcd reads `key` and `range_end`: no range_end means the
 * single key; range_end "\0" means every key >= key; otherwise [key, end).
 * `end === null` is unbounded; `single` marks the one-key case.
 */
export interface KeyRange {
  readonly start: string;
  readonly end: string | null;
  readonly single: boolean;
}

/** Reads an etcd (key, range_end) pair. */
export function toKeyRange(key: Uint8Array | null | undefined, rangeEnd: Uint8Array | null | undefined): KeyRange {
  const start = key && key.length > 0 ? keyToString(key) : '';
  if (!rangeEnd || rangeEnd.length === 0) return { start, end: start + '\0', single: true };
  if (rangeEnd.length === 1 && rangeEnd[0] === 0) return { start, end: null, single: false };
  return { start, end: keyToString(rangeEnd), single: false };
}

/** Whether `key` lies in `range`. */
export function inRange(range: KeyRange, key: string): boolean {
  if (range.single) return key === range.start;
  return key >= range.start && (range.end === null || key < range.end);
}

/** The smallest key greater than every key with `prefix` ("" = unbounded), as etcd's GetPrefixRangeEnd. */
export function prefixEnd(prefix: string): string {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const c = prefix.charCodeAt(i);
    if (c < 0xff) return prefix.slice(0, i) + String.fromCharCode(c + 1);
  }
  return '';
}
