/** Small helpers shared by the tests. */
import type { KeyValue } from './types.js';

/** Bytes of a string. */
export function b(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/** A string of bytes. */
export function s(bytes: Uint8Array | null | undefined): string {
  return bytes ? Buffer.from(bytes).toString('latin1') : '';
}

/** A KeyValue as a plain comparable object. */
export function kv(k: KeyValue | null | undefined): { key: string; value: string; create: number; mod: number; version: number; lease: number } | undefined {
  if (!k) return undefined;
  return { key: s(k.key), value: s(k.value), create: k.createRevision ?? 0, mod: k.modRevision ?? 0, version: k.version ?? 0, lease: k.lease ?? 0 };
}
