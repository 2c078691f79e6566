/**
 * Bytes a client port exchanged with its clients, for etcd's
 * etcd_network_client_grpc_{sent,received}_bytes_total: every byte of every
 * connection the port accepted (gRPC, and HTTP/1.1 for the JSON gateway,
 * /health and /metrics), counted on the TCP socket (TLS records included).
 * One instance can outlive a server and count for several (an agent's
 * member stops and starts again), so its totals only grow.
 */
import type net from 'node:net';

/** Byte totals so far. */
export interface ClientTrafficTotals {
  readonly sentBytes: number;
  readonly receivedBytes: number;
}

/** Counts the bytes of the sockets it is given. */
export class ClientTraffic {
  private closedSentBytes = 0;
  private closedReceivedBytes = 0;
  /** Connections still open: at most the ports' open connections. */
  private readonly open = new Set<net.Socket>();
  /** What ports in other threads counted (the API workers: workers/hooks-host.ts), by source. */
  private readonly reported = new Map<object, ClientTrafficTotals>();

  /** The totals of `source`'s ports in another thread, replacing what it reported before (they only grow). */
  report(source: object, totals: ClientTrafficTotals): void {
    this.reported.set(source, totals);
  }

  /** `source` is gone: what it reported stays counted. */
  retire(source: object): void {
    const last = this.reported.get(source);
    if (!last) return;
    this.reported.delete(source);
    this.closedSentBytes += last.sentBytes;
    this.closedReceivedBytes += last.receivedBytes;
  }

  /** Counts `socket` from now until it closes. */
  track(socket: net.Socket): void {
    this.open.add(socket);
    socket.once('close', () => {
      this.open.delete(socket);
      this.closedSentBytes += socket.bytesWritten;
      this.closedReceivedBytes += socket.bytesRead;
    });
  }

  /** Bytes sent and received so far, open connections included. */
  totals(): ClientTrafficTotals {
    let sentBytes = this.closedSentBytes;
    let receivedBytes = this.closedReceivedBytes;
    for (const socket of this.open) {
      sentBytes += socket.bytesWritten;
      receivedBytes += socket.bytesRead;
    }
    for (const t of this.reported.values()) {
      sentBytes += t.sentBytes;
      receivedBytes += t.receivedBytes;
    }
    return { sentBytes, receivedBytes };
  }
}
