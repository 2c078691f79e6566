/**
 * A bounded FIFO of outbound messages for one peer. It is bounded both in
 * messages and in bytes; `push` refuses (returns false) instead of growing, so
 * a dead peer costs at most the bound.
 */
import { assert } from './errors.js';

/** Bounded FIFO of byte messages. */
export class SendQueue {
  private items: (Uint8Array | undefined)[] = [];
  private head = 0;
  private bytes = 0;

  constructor(
    readonly maxMessages: number,
    readonly maxBytes: number,
  ) {
    assert(maxMessages > 0 && maxBytes > 0, 'queue bounds must be positive');
  }

  /** Number of queued messages. */
  get length(): number {
    return this.items.length - this.head;
  }

  /** Total queued bytes. */
  get byteLength(): number {
    return this.bytes;
  }

  /** Appends `message` unless that would break a bound; returns whether it did. */
  push(message: Uint8Array): boolean {
    if (this.length >= this.maxMessages) return false;
    if (this.bytes + message.byteLength > this.maxBytes) return false;
    this.items.push(message);
    this.bytes += message.byteLength;
    return true;
  }

  /** The oldest message, without removing it. */
  peek(): Uint8Array | undefined {
    return this.items[this.head];
  }

  /** Removes and returns the oldest message. */
  shift(): Uint8Array | undefined {
    if (this.head >= this.items.length) return undefined;
    const message = this.items[this.head];
    this.items[this.head] = undefined;
    this.head += 1;
    assert(message !== undefined, 'queue slot is empty');
    this.bytes -= message.byteLength;
    // Compact once the dead prefix dominates, so memory follows the live length.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return message;
  }

  /** Drops everything; returns how many messages were dropped. */
  clear(): number {
    const dropped = this.length;
    this.items = [];
    this.head = 0;
    this.bytes = 0;
    return dropped;
  }
}
