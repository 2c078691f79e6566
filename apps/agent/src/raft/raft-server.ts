/**
 * RaftServer: one Raft member in the real world. The Ready loop itself is
 * the library's RaftDriver (libs/raft/src/driver: the one loop, which the
 * simulator runs too); this class only wires it to the real world: the WAL
 * (DurableStorage) as its storage, a transport (protobuf on the wire) as its
 * `send`, real timers as its clock, and the agent's state machine. It also
 * records when each peer was last heard from, for the nominator, and the
 * round trips of the leader's heartbeats (round-trips.ts).
 */
import { decodeMessage, encodeMessage, ProtoDecodeError } from '@mgmt/proto';
import { MessageType, RaftDriver, messageFromWire, mulberry32, PRODUCTION_CORE_DEFAULTS, type DriverOptions } from '@mgmt/raft';
import type { Transport } from '@mgmt/transport';
import { WalDiskFullError, type DurableStorage } from '@mgmt/wal';
import { randomInt } from 'node:crypto';
import type { Logger } from '../log.js';
import { PeerTraffic } from './peer-traffic.js';
import { RoundTrips } from './round-trips.js';
import { systemClock } from './system-clock.js';

export { ProposalFailedError, type StateMachine } from '@mgmt/raft';

/** What a RaftServer wires together; timing and sizing as the driver's (DriverOptions, production defaults). */
export interface RaftServerOptions
  extends Pick<DriverOptions, 'id' | 'stateMachine' | 'tickMs' | 'electionTicks' | 'heartbeatTicks' | 'snapshotEveryEntries' | 'snapshotCatchUpEntries' | 'applied'> {
  storage: DurableStorage;
  transport: Transport;
  logger: Logger;
}

/** Drives one Raft member; see the file comment. */
export class RaftServer extends RaftDriver {
  private readonly transport: Transport;
  private readonly logger: Logger;
  private readonly unsubscribe: Array<() => void> = [];
  /** When each peer was last heard from (ms since the epoch), for the nominator's health rule. */
  readonly lastHeardMs = new Map<number, number>();

  /** Heartbeat round trips to each peer (etcd's etcd_network_peer_round_trip_time_seconds). */
  readonly roundTrips: RoundTrips;

  /** Bytes sent to and received from each peer, and messages not sent (etcd's etcd_network_peer_* counters). */
  readonly peerTraffic: PeerTraffic;

  constructor(options: RaftServerOptions) {
    const transport = options.transport;
    const roundTrips = new RoundTrips();
    const peerTraffic = new PeerTraffic();
    super({
      id: options.id,
      storage: options.storage,
      send: (m) => {
        if (m.type === MessageType.MSG_HEARTBEAT) roundTrips.sent(m.to);
        const bytes = encodeMessage(m);
        const queued = transport.send(m.to, bytes) === 'queued';
        peerTraffic.sent(m.to, bytes.byteLength, queued);
        return queued;
      },
      clock: systemClock,
      stateMachine: options.stateMachine,
      random: mulberry32(randomInt(2 ** 31)),
      logger: options.logger,
      tickMs: options.tickMs,
      electionTicks: options.electionTicks,
      heartbeatTicks: options.heartbeatTicks,
      snapshotEveryEntries: options.snapshotEveryEntries,
      snapshotCatchUpEntries: options.snapshotCatchUpEntries,
      applied: options.applied,
      isDiskFull: (err) => err instanceof WalDiskFullError,
      core: PRODUCTION_CORE_DEFAULTS,
    });
    this.transport = transport;
    this.logger = options.logger;
    this.roundTrips = roundTrips;
    this.peerTraffic = peerTraffic;
  }

  /** Starts ticking and receiving. */
  override start(): void {
    this.unsubscribe.push(
      this.transport.onMessage(({ from, bytes }) => {
        // On the clock the nominator asks with (systemClock: monotonic), never mixed with Date.now.
        this.lastHeardMs.set(from, systemClock.nowMs());
        this.peerTraffic.received(from, bytes.byteLength);
        this.onWire(bytes);
      }),
    );
    this.unsubscribe.push(this.transport.onUnreachable((peer) => this.peerUnreachable(peer)));
    // What this member forwarded to a leader it no longer follows (proposals held by a partition) never arrives.
    let followed = 0;
    this.unsubscribe.push(
      this.onLeaderChange((lead) => {
        if (followed !== 0 && followed !== this.id) this.transport.discardUnsent?.(followed);
        followed = lead;
      }),
    );
    super.start();
  }

  /**
   * Milliseconds since `peer` was last heard from. A peer never heard from
   * counts from the first time anyone asked (it was just added, or this
   * member just started leading), so a new learner gets its full grace time.
   * `nowMs` is on systemClock (monotonic), as the times it is compared with.
   */
  heardAgoMs(peer: number, nowMs: number): number {
    let at = this.lastHeardMs.get(peer);
    if (at === undefined) {
      at = nowMs;
      this.lastHeardMs.set(peer, at);
    }
    return Math.max(0, nowMs - at);
  }

  /** Stops ticking and receiving; fails everything still waiting. */
  override async stop(): Promise<void> {
    for (const u of this.unsubscribe.splice(0)) u();
    await super.stop();
  }

  private onWire(bytes: Uint8Array): void {
    if (this.isStopped) return;
    let m;
    try {
      m = messageFromWire(decodeMessage(bytes));
    } catch (err) {
      if (err instanceof ProtoDecodeError) {
        this.logger.warn({ err: err.message }, 'dropped an undecodable raft message');
        return;
      }
      throw err;
    }
    if (m.type === MessageType.MSG_HEARTBEAT_RESP) this.roundTrips.answered(m.from);
    this.receive(m);
  }
}
