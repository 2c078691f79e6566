/**
 * Hands inbound messages to the one registered handler, or to async
 * iterators, and holds a bounded number while nobody listens yet.
 */
import { assert } from './errors.js';
import type { InboundMessage, MessageHandler } from './transport.js';

/** Inbound dispatch with a bounded backlog. */
export class Inbox {
  private handler: MessageHandler | undefined;
  private backlog: InboundMessage[] = [];
  private closed = false;
  private droppedFull = 0;

  constructor(private readonly maxBacklog: number) {
    assert(maxBacklog > 0, 'inbox bound must be positive');
  }

  /** Messages dropped because the backlog was full. */
  get dropped(): number {
    return this.droppedFull;
  }

  /** Delivers one message now, or keeps it until a handler is set. */
  push(message: InboundMessage): void {
    if (this.closed) return;
    if (this.handler !== undefined) {
      this.handler(message);
      return;
    }
    if (this.backlog.length >= this.maxBacklog) {
      this.droppedFull += 1;
      return;
    }
    this.backlog.push(message);
  }

  /** Sets the handler, first feeding it the backlog. Returns the remover. */
  setHandler(handler: MessageHandler): () => void {
    this.handler = handler;
    while (this.backlog.length > 0 && this.handler === handler) {
      const message = this.backlog.shift();
      if (message !== undefined) handler(message);
    }
    return () => {
      if (this.handler === handler) this.handler = undefined;
    };
  }

  /** An async iterator over inbound messages (it takes the handler slot). */
  iterate(): AsyncIterableIterator<InboundMessage> {
    const pending: InboundMessage[] = [];
    let wake: ((result: IteratorResult<InboundMessage>) => void) | undefined;
    let done = false;
    const finish = (): void => {
      done = true;
      remove();
      this.closeWaiters.delete(finish);
      if (wake !== undefined) {
        const resolve = wake;
        wake = undefined;
        resolve({ value: undefined, done: true });
      }
    };
    const remove = this.setHandler((message) => {
      if (wake !== undefined) {
        const resolve = wake;
        wake = undefined;
        resolve({ value: message, done: false });
      } else if (pending.length < this.maxBacklog) {
        pending.push(message);
      } else {
        this.droppedFull += 1;
      }
    });
    this.closeWaiters.add(finish);
    if (this.closed) finish();
    const iterator: AsyncIterableIterator<InboundMessage> = {
      next: () => {
        const message = pending.shift();
        if (message !== undefined) return Promise.resolve({ value: message, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          wake = resolve;
        });
      },
      return: () => {
        finish();
        return Promise.resolve({ value: undefined, done: true });
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private readonly closeWaiters = new Set<() => void>();

  /** Stops delivery and ends every iterator. */
  close(): void {
    this.closed = true;
    this.handler = undefined;
    this.backlog = [];
    for (const finish of [...this.closeWaiters]) finish();
  }
}
