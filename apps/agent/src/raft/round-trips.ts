/**
 * Round-trip times to peers, from the leader's heartbeats: the time from a
 * heartbeat sent to a peer until that peer's heartbeat answer arrives
 * (what etcd's etcd_network_peer_round_trip_time_seconds reports; etcd
 * measures it with a prober of its own, mgmt with the heartbeats Raft
 * already sends). Only the newest heartbeat to each peer is timed: an
 * answer to an older one (heartbeats go out every tick, round trips on a
 * network are far shorter) can only make the figure smaller, never count a
 * lost heartbeat as a long trip. At most one trip per peer is timed every
 * `sampleEveryMs` (1 s): timing all ten heartbeats a second to each peer
 * (and a histogram sample for each answer) was a twentieth of an idle
 * leader's busy time; etcd's own prober times one trip per peer every few
 * seconds.
 */
export class RoundTrips {
  private readonly sentAt = new Map<number, number>();
  /** When the last trip to each peer was timed. */
  private readonly timedAt = new Map<number, number>();
  private readonly listeners = new Set<(peer: number, seconds: number) => void>();

  constructor(
    private readonly now: () => number = () => performance.now(),
    private readonly sampleEveryMs = 1_000,
  ) {}

  /** A heartbeat went to `peer`. */
  sent(peer: number): void {
    if (this.listeners.size === 0) return;
    const now = this.now();
    const last = this.timedAt.get(peer);
    if (last !== undefined && now - last < this.sampleEveryMs) return;
    this.sentAt.set(peer, now);
  }

  /** `peer` answered a heartbeat. */
  answered(peer: number): void {
    const at = this.sentAt.get(peer);
    if (at === undefined) return;
    this.sentAt.delete(peer);
    const now = this.now();
    this.timedAt.set(peer, now);
    const seconds = (now - at) / 1000;
    for (const fn of this.listeners) fn(peer, seconds);
  }

  /** Calls `fn` with each measured round trip; returns the unsubscribe. */
  subscribe(fn: (peer: number, seconds: number) => void): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0) {
        this.sentAt.clear();
        this.timedAt.clear();
      }
    };
  }
}
