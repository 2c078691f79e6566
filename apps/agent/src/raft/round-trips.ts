/**
 * Round-trip times to peers, from the leader's heartbeats: the time from a
 * heartbeat sent to a peer until that peer's heartbeat answer arrives
 * (what etcd's etcd_network_peer_round_trip_time_seconds reports; etcd
 * measures it with a prober of its own, mgmt with the heartbeats Raft
 * already sends). Only the newest heartbeat to each peer is timed: an
 * answer to an older one (heartbeats go out every tick, round trips on a
 * network are far shorter) can only make the figure smaller, never count a
 * lost heartbeat as a long trip.
 */
export class RoundTrips {
  private readonly sentAt = new Map<number, number>();
  private readonly listeners = new Set<(peer: number, seconds: number) => void>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A heartbeat went to `peer`. */
  sent(peer: number): void {
    if (this.listeners.size > 0) this.sentAt.set(peer, this.now());
  }

  /** `peer` answered a heartbeat. */
  answered(peer: number): void {
    const at = this.sentAt.get(peer);
    if (at === undefined) return;
    this.sentAt.delete(peer);
    const seconds = (this.now() - at) / 1000;
    for (const fn of this.listeners) fn(peer, seconds);
  }

  /** Calls `fn` with each measured round trip; returns the unsubscribe. */
  subscribe(fn: (peer: number, seconds: number) => void): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) this.sentAt.clear();
    };
  }
}
