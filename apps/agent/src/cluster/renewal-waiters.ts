/**
 * Lease renewals waiting for their answers on one LeaseKeepAlive stream,
 * by lease id. A stream's answers come in request order, so each answer
 * goes to the oldest renewal waiting for its lease. Used by the agent's own
 * keep-alive stream (keep-alive-stream.ts) and by a follower's stream to
 * its leader (etcd/leader-forwarder.ts).
 */
export class RenewalWaiters<W> {
  private readonly byId = new Map<number, W[]>();

  /** A renewal of lease `id` was sent. */
  add(id: number, w: W): void {
    const list = this.byId.get(id);
    if (list) list.push(w);
    else this.byId.set(id, [w]);
  }

  /** The oldest renewal of lease `id` still waiting (taken off the list), for its answer. */
  takeOldest(id: number): W | undefined {
    const list = this.byId.get(id);
    const w = list?.shift();
    if (list?.length === 0) this.byId.delete(id);
    return w;
  }

  /** Stops waiting for `w` (it timed out). */
  remove(id: number, w: W): void {
    const list = this.byId.get(id);
    const at = list?.indexOf(w) ?? -1;
    if (at >= 0) list!.splice(at, 1);
    if (list?.length === 0) this.byId.delete(id);
  }

  /** Every renewal still waiting, oldest first per lease (taken off the lists: the stream ended). */
  drain(): W[] {
    const all = [...this.byId.values()].flat();
    this.byId.clear();
    return all;
  }
}
