/**
 * RaftServer: one Raft member in the real world. The Ready loop itself is
 * the library's RaftDriver (libs/raft/src/driver: the one loop, which the
 * simulator runs too); this class only wires it to the real world: the WAL
 * (DurableStorage) as its storage, a transport (protobuf on the wire) as its
 * `send`, real timers as its clock, and the agent's state machine. It also
 * records when each peer was last heard from, for the nominator.
 */
import { decodeMessage, encodeMessage, ProtoDecodeError } from '@mgmt/proto';
import { RaftDriver, messageFromWire, mulberry32, PRODUCTION_CORE_DEFAULTS, type StateMachine } from '@mgmt/raft';
import type { Transport } from '@mgmt/transport';
import { WalDiskFullError, type DurableStorage } from '@mgmt/wal';
import { randomInt } from 'node:crypto';
import type { Logger } from '../log.js';
import { systemClock } from './system-clock.js';

export { ProposalFailedError, type StateMachine } from '@mgmt/raft';

/** Timing and sizing of a RaftServer. */
export interface RaftServerOptions {
  id: number;
  storage: DurableStorage;
  transport: Transport;
  stateMachine: StateMachine;
  logger: Logger;
  /**
   * Milliseconds per Raft tick. Default 20: with 10 election ticks a dead
   * leader is replaced after 200-400 ms (etcd's defaults give 1-2 s), and
   * heartbeats every 2 ticks (40 ms) keep a loaded but live leader in place.
   */
  tickMs?: number;
  electionTicks?: number;
  heartbeatTicks?: number;
  /** Take a snapshot and compact the log after this many applied entries. */
  snapshotEveryEntries?: number;
  /** Entries kept behind a snapshot so slow followers can catch up from the log. */
  snapshotCatchUpEntries?: number;
  /** Index already reflected in the state machine (restored from the last snapshot). */
  applied?: number;
}

/** Drives one Raft member; see the file comment. */
export class RaftServer extends RaftDriver {
  private readonly transport: Transport;
  private readonly logger: Logger;
  private readonly unsubscribe: Array<() => void> = [];
  /** When each peer was last heard from (ms since the epoch), for the nominator's health rule. */
  readonly lastHeardMs = new Map<number, number>();

  constructor(options: RaftServerOptions) {
    const transport = options.transport;
    super({
      id: options.id,
      storage: options.storage,
      send: (m) => transport.send(m.to, encodeMessage(m)) === 'queued',
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
  }

  /** Starts ticking and receiving. */
  override start(): void {
    this.unsubscribe.push(
      this.transport.onMessage(({ from, bytes }) => {
        this.lastHeardMs.set(from, Date.now());
        this.onWire(bytes);
      }),
    );
    this.unsubscribe.push(this.transport.onUnreachable((peer) => this.peerUnreachable(peer)));
    super.start();
  }

  /**
   * Milliseconds since `peer` was last heard from. A peer never heard from
   * counts from the first time anyone asked (it was just added, or this
   * member just started leading), so a new learner gets its full grace time.
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
    this.receive(m);
  }
}
