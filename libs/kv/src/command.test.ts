/**
 * The command bytes of a Raft entry hold nothing but themselves: an encoded
 * entry lives in a buffer of its own size, never in Node's shared 8 KiB pool
 * slabs (a value kept in a slab keeps the whole slab alive, which is how
 * 38,000 puts of 256 bytes once held 45 MB), and what the store keeps of an
 * applied entry is a copy in its arena, never a view of the caller's buffer.
 */
import { describe, expect, it } from 'vitest';
import { decodeCommand, encodeCommand } from './command.js';
import { KvStore } from './store.js';

const enc = new TextEncoder();

describe('command bytes', () => {
  it('encodes an entry into a buffer of exactly its own size', () => {
    const bytes = encodeCommand({ put: { key: enc.encode('k'), value: new Uint8Array(256).fill(7) } }, 42);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });

  it('decodes an entry inside a larger buffer', () => {
    const entry = encodeCommand({ put: { key: enc.encode('key'), value: enc.encode('value') } }, 7);
    const frame = new Uint8Array(8192);
    frame.set(entry, 100);
    const { id, command } = decodeCommand(frame.subarray(100, 100 + entry.byteLength));
    expect(id).toBe(7);
    expect(new TextDecoder().decode(command.put!.value!)).toBe('value');
  });

  it('keeps nothing of the caller\'s buffer once an entry is applied', () => {
    const store = new KvStore();
    const entry = encodeCommand({ put: { key: enc.encode('key'), value: enc.encode('value') } }, 7);
    // The entry inside a larger buffer, as a network frame or a WAL read would hand it over.
    const frame = new Uint8Array(8192);
    frame.set(entry, 100);
    expect(store.applyEntry(frame.subarray(100, 100 + entry.byteLength)).id).toBe(7);
    frame.fill(0);
    const [kv] = store.range({ key: enc.encode('key') }).kvs;
    expect(new TextDecoder().decode(kv!.key!)).toBe('key');
    expect(new TextDecoder().decode(kv!.value!)).toBe('value');
    expect(kv!.key!.buffer).not.toBe(frame.buffer);
    expect(kv!.value!.buffer).not.toBe(frame.buffer);
  });
});
