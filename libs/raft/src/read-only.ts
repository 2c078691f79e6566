/**
 * ReadIndex bookkeeping for linearizable reads (the ReadOnlySafe option):
 * a read is served at the commit index the leader had when the request
 * arrived, once a quorum has confirmed by heartbeat that it is still leader.
 */
import type { Message } from './types.js';

/** How the leader confirms leadership for a ReadIndex request. */
export const ReadOnlyOption = {
  /** Confirm with a quorum round of heartbeats (always safe). */
  Safe: 0,
  /** Trust the leader lease (needs checkQuorum; unsafe under clock drift). */
  LeaseBased: 1,
} as const;
export type ReadOnlyOption = (typeof ReadOnlyOption)[keyof typeof ReadOnlyOption];

/** A ReadIndex answer: reads with `requestCtx` may be served once applied >= index. */
export interface ReadState {
  index: number;
  requestCtx: Uint8Array;
}

export interface ReadIndexStatus {
  req: Message;
  index: number;
  acks: Map<number, boolean>;
}

export function ctxKey(ctx: Uint8Array | undefined): string {
  if (!ctx || ctx.byteLength === 0) return '';
  let s = '';
  for (let k = 0; k < ctx.byteLength; k++) s += String.fromCharCode(ctx[k]!);
  return s;
}

export class ReadOnly {
  readonly option: ReadOnlyOption;
  private pending = new Map<string, ReadIndexStatus>();
  private queue: string[] = [];

  constructor(option: ReadOnlyOption) {
    this.option = option;
  }

  /** Records a read request (m.entries[0].data is its context) at commit index `index`. */
  addRequest(index: number, m: Message): void {
    const key = ctxKey(m.entries[0]?.data);
    if (this.pending.has(key)) return;
    this.pending.set(key, { req: m, index, acks: new Map() });
    this.queue.push(key);
  }

  /** A heartbeat answer carrying ctx from `id`; returns the acks so far, if the request is known. */
  recvAck(id: number, ctx: Uint8Array | undefined): Map<number, boolean> | undefined {
    const rs = this.pending.get(ctxKey(ctx));
    if (!rs) return undefined;
    rs.acks.set(id, true);
    return rs.acks;
  }

  /** Releases the request with this ctx and every request queued before it. */
  advance(ctx: Uint8Array | undefined): ReadIndexStatus[] {
    const key = ctxKey(ctx);
    const i = this.queue.indexOf(key);
    if (i < 0) return [];
    const out: ReadIndexStatus[] = [];
    for (let k = 0; k <= i; k++) {
      const kk = this.queue[k]!;
      const rs = this.pending.get(kk);
      if (rs) out.push(rs);
      this.pending.delete(kk);
    }
    this.queue = this.queue.slice(i + 1);
    return out;
  }

  /** Context of the newest pending request, piggybacked on heartbeats. */
  lastPendingRequestCtx(): Uint8Array | undefined {
    if (this.queue.length === 0) return undefined;
    const rs = this.pending.get(this.queue[this.queue.length - 1]!);
    return rs?.req.entries[0]?.data;
  }

  get pendingCount(): number {
    return this.queue.length;
  }
}
