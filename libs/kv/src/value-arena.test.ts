import { describe, expect, it } from 'vitest';
import { ValueArena } from './value-arena.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('ValueArena', () => {
  it('packs small values into one slab, and gives large ones a buffer of their own', () => {
    const arena = new ValueArena(256);
    const a = arena.copy(bytes('alpha'));
    const b = arena.copy(bytes('beta'));
    expect(a.buffer).toBe(b.buffer);
    expect(a.buffer.byteLength).toBe(256);
    expect(a.toString('latin1')).toBe('alpha');
    expect(b.toString('latin1')).toBe('beta');
    const large = arena.copy(Buffer.alloc(17, 7));
    expect(large.buffer.byteLength).toBe(17);
    expect(arena.copy(Buffer.alloc(0)).length).toBe(0);
    expect(arena.stats()).toEqual({ slabs: 1, bytesInUse: 9 });
    expect([arena.counted(a), arena.counted(large)]).toEqual([5, 0]);
  });

  it('copies: the caller may change its bytes afterwards', () => {
    const arena = new ValueArena(256);
    const input = bytes('value');
    const kept = arena.copy(input);
    input.fill(0);
    expect(kept.toString('latin1')).toBe('value');
  });

  it('starts a new slab when the current one is full, and drops a full slab once nothing in it is kept', () => {
    const arena = new ValueArena(64);
    const first = Array.from({ length: 16 }, (_, i) => arena.copy(bytes(`k${i}`.padEnd(4, '.'))));
    expect(arena.stats()).toEqual({ slabs: 1, bytesInUse: 64 });
    const next = arena.copy(bytes('next'));
    expect(next.buffer).not.toBe(first[0]!.buffer);
    expect(arena.stats().slabs).toBe(2);
    for (const view of first) arena.release(view);
    expect(arena.stats()).toEqual({ slabs: 1, bytesInUse: 4 });
  });

  it('names the slabs less than half in use, but the current one; moving empties them and keeps the bytes', () => {
    const arena = new ValueArena(64);
    const views = Array.from({ length: 16 }, (_, i) => arena.copy(bytes(String(i).padStart(4, '0'))));
    arena.copy(bytes('cur.'));
    for (const view of views.slice(0, 9)) arena.release(view);
    const sparse = arena.sparse();
    expect(sparse.size).toBe(1);
    expect(sparse.has(views[9]!.buffer)).toBe(true);
    const moved = views.slice(9).map((v) => arena.move(v));
    expect(moved.map((v) => v.toString('latin1'))).toEqual(views.slice(9).map((v) => v.toString('latin1')));
    expect(moved.every((v) => v.buffer !== views[0]!.buffer)).toBe(true);
    // The old views still read their bytes: slab bytes are never overwritten.
    expect(views[15]!.toString('latin1')).toBe('0015');
    expect(arena.stats()).toEqual({ slabs: 1, bytesInUse: 4 + 7 * 4 });
    expect(arena.sparse().size).toBe(0);
  });

  it('refuses to release a view it did not hand out', () => {
    const arena = new ValueArena(64);
    arena.copy(bytes('x'));
    expect(() => arena.release(bytes('y'))).toThrow(/assertion failed: a released view is in a slab of this arena/);
    expect(() => arena.counted(bytes('y'))).toThrow(/assertion failed: a kept view is in a slab of this arena/);
  });
});
