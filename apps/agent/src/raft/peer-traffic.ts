/**
 * What a member's Raft messages put on the peer transport, per peer, for
 * etcd's etcd_network_peer_sent_bytes_total (label `To`),
 * etcd_network_peer_received_bytes_total (`From`) and
 * etcd_network_peer_sent_failures_total (`To`; the etcd mixin's
 * etcdMembersDown alert reads it): the bytes of each encoded message, and
 * each message the transport could not take (peer unreachable, queue
 * full). Listeners are told as it happens, so the counters live with the
 * agent's metrics and outlast this member (a host nominated again starts a
 * new one).
 */

/** Told of each message sent, received, or not sent. */
export interface PeerTrafficListener {
  sent(to: number, bytes: number): void;
  received(from: number, bytes: number): void;
  sendFailed(to: number): void;
}

/** The listeners of one member's peer traffic. */
export class PeerTraffic {
  private readonly listeners = new Set<PeerTrafficListener>();

  /** A message of `bytes` went to `to` (`queued`: the transport took it). */
  sent(to: number, bytes: number, queued: boolean): void {
    for (const l of this.listeners) {
      if (queued) l.sent(to, bytes);
      else l.sendFailed(to);
    }
  }

  /** A message of `bytes` came from `from`. */
  received(from: number, bytes: number): void {
    for (const l of this.listeners) l.received(from, bytes);
  }

  /** Tells `listener` from now on; returns the unsubscribe. */
  subscribe(listener: PeerTrafficListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
