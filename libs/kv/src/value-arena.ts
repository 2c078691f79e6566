/**
 * Where the store keeps the bytes of its keys and values: packed into large
 * slabs rather than each in a buffer of its own.
 *
 * A value in its own buffer costs far more than its bytes: a Buffer view, an
 * ArrayBuffer object, a backing store and its malloc header: about 480 bytes
 * around a 256-byte value (heap snapshot of a member after the put runs:
 * 41,000 values, 12 MB of backing stores and 8 MB of views and ArrayBuffers),
 * and each backing store is one more object V8 sweeps and glibc's heap
 * fragments on. In a slab, a value is its bytes and one view.
 *
 * Slab bytes are never overwritten: a view handed out (a watch event in
 * flight, a response being encoded) stays valid for as long as it is held,
 * and keeps its slab alive. So the store tells the arena which views it
 * dropped (compaction), the arena counts the bytes each slab still holds
 * for the store, and a slab less than half used is emptied by moving what
 * it still holds into the current slab (`sparse`, then `move`). The bytes
 * held are thus at most about twice those in use, plus one slab.
 *
 * Empty values share one empty buffer; a value larger than a sixteenth of a
 * slab gets a buffer of its own (it is not worth moving).
 */
import { assert } from './assert.js';
import { EMPTY_BYTES } from './keys.js';

/** Default slab size: 1 MiB (glibc serves it with its own mapping, returned to the system when freed). */
export const DEFAULT_SLAB_BYTES = 2 ** 20;

/** The store's bytes in slabs; see the file comment. */
export class ValueArena {
  private slab: Buffer | undefined;
  /** The current slab's ArrayBuffer (kept: the `buffer` getter is not free). */
  private slabBuffer: ArrayBufferLike | undefined;
  private used = 0;
  /** Bytes the current slab holds for the store. */
  private currentInUse = 0;
  /** Bytes each earlier slab still holds for the store (views copied in and not yet released). */
  private readonly inUse = new Map<ArrayBufferLike, number>();
  private readonly ownBufferFrom: number;

  constructor(readonly slabBytes = DEFAULT_SLAB_BYTES) {
    assert(Number.isInteger(slabBytes) && slabBytes >= 64, 'a slab holds at least 64 bytes');
    this.ownBufferFrom = Math.floor(slabBytes / 16);
  }

  /** A copy of `bytes` the store may keep: a view in a slab, or a buffer of its own when large. */
  copy(bytes: Uint8Array): Buffer {
    const n = bytes.length;
    if (n === 0) return EMPTY_BYTES as Buffer;
    if (n > this.ownBufferFrom) return Buffer.from(new Uint8Array(bytes).buffer);
    if (this.slab === undefined || this.used + n > this.slabBytes) this.newSlab();
    const slab = this.slab!;
    const at = this.used;
    slab.set(bytes, at);
    this.used = at + n;
    this.currentInUse += n;
    return slab.subarray(at, at + n);
  }

  /** The store no longer keeps `view` (a value of `copy`): its slab's bytes in use go down. */
  release(view: Uint8Array): void {
    const n = view.length;
    if (n === 0 || n > this.ownBufferFrom) return;
    const buffer = view.buffer;
    if (buffer === this.slabBuffer) {
      assert(this.currentInUse >= n, 'a released view is in a slab of this arena');
      this.currentInUse -= n;
      return;
    }
    const held = this.inUse.get(buffer);
    assert(held !== undefined && held >= n, 'a released view is in a slab of this arena');
    if (held === n) this.inUse.delete(buffer);
    else this.inUse.set(buffer, held - n);
  }

  /** The slabs, but the current one, less than half in use: the store should `move` what it keeps in them. */
  sparse(): Set<ArrayBufferLike> {
    const out = new Set<ArrayBufferLike>();
    for (const [buffer, held] of this.inUse) if (held < this.slabBytes / 2) out.add(buffer);
    return out;
  }

  /** The same bytes as `view` in the current slab; `view` is released. */
  move(view: Uint8Array): Buffer {
    this.release(view);
    return this.copy(view);
  }

  /** Drops every slab (the store was replaced): views handed out stay valid. */
  clear(): void {
    this.slab = undefined;
    this.slabBuffer = undefined;
    this.used = 0;
    this.currentInUse = 0;
    this.inUse.clear();
  }

  /** Slab count and bytes in use (tests, invariants). */
  stats(): { slabs: number; bytesInUse: number } {
    let bytesInUse = this.currentInUse;
    for (const held of this.inUse.values()) bytesInUse += held;
    return { slabs: this.inUse.size + (this.slab === undefined ? 0 : 1), bytesInUse };
  }

  /** The bytes `view` counts for in the slabs (0: empty, or a buffer of its own); throws if it should be in a slab and is not (invariants). */
  counted(view: Uint8Array): number {
    if (view.length === 0 || view.length > this.ownBufferFrom) return 0;
    assert(view.buffer === this.slabBuffer || this.inUse.has(view.buffer), 'a kept view is in a slab of this arena');
    return view.length;
  }

  private newSlab(): void {
    if (this.slabBuffer !== undefined && this.currentInUse > 0) this.inUse.set(this.slabBuffer, this.currentInUse);
    // allocUnsafeSlow: a buffer of its own, never a view of Node's shared pool.
    this.slab = Buffer.allocUnsafeSlow(this.slabBytes);
    this.slabBuffer = this.slab.buffer;
    this.used = 0;
    this.currentInUse = 0;
  }
}
