/**
 * One simulated Raft member of an agent: the production driver (RaftDriver,
 * production's options) over DurableStorage on SimDisk (WalStorageModel),
 * applying to the agent's real replicated state (AgentState: the libs/kv
 * MVCC store and the member registry), on the world's manual clock. It is
 * shaped as the effects' LocalMember, so LifecycleEffects starts, watches
 * and stops it as it does a Peer.
 */
import { RaftDriver, isEmptySnapshot, type ConfChange, type ConfState, type ManualClock, type Message, type Rng } from '@mgmt/raft';
import type { SimStorageModel } from '@mgmt/raft/sim';
import type { DurableStorage } from '@mgmt/wal';
import { AgentState, bootstrapSave } from '../raft/agent-state.js';
import type { LocalMember } from '../effects/effects-port.js';

/** Raft's tick in the simulation: production's 20 ms, on the manual clock. */
export const SIM_TICK_MS = 20;

/** What a simulated member is opened with. */
export interface SimMemberOptions {
  memberId: number;
  clusterId: string;
  hostname: string;
  /** The host's address on the simulated network (its hostname, unless two hosts share one). */
  address: string;
  peerUrls: string[];
  bootstrap: boolean;
  model: SimStorageModel;
  clock: ManualClock;
  rng: Rng;
  send: (m: Message) => boolean;
  /** Where the agent's membership changes pass on their way to the driver (the checkers count them there). */
  proposeConfChange: (cc: ConfChange, propose: (cc: ConfChange) => Promise<ConfState>) => Promise<ConfState>;
}

/** What the agent code sees of a member's Raft: the driver, with its peers' last-heard times. */
type SimRaft = RaftDriver & { heardAgoMs(peer: number, nowMs: number): number };

/** A running simulated member; see the file comment. */
export class SimMember implements LocalMember {
  readonly state = new AgentState();
  readonly driver: RaftDriver;
  /** When each peer was last heard from (world ms), for the nominator's health rule. */
  readonly lastHeardMs = new Map<number, number>();
  stopped = false;
  readonly member: LocalMember['member'] & { raft: SimRaft };

  constructor(
    readonly o: SimMemberOptions,
  ) {
    const storage = o.model.open(o.memberId) as unknown as DurableStorage;
    const fresh = storage.lastIndex() === 0 && isEmptySnapshot(storage.snapshot());
    if (fresh && o.bootstrap) {
      storage.saveSync(bootstrapSave({ id: o.memberId, name: o.hostname, peerUrls: o.peerUrls, isLearner: false }));
    }
    const snap = storage.snapshot();
    if (!isEmptySnapshot(snap)) this.state.restore(snap.data, snap);
    this.driver = new RaftDriver({
      id: o.memberId,
      storage,
      send: o.send,
      clock: o.clock,
      stateMachine: this.state,
      random: o.rng.fork().fn(),
      // Production's options and timing (DRIVER_DEFAULTS): 20 ms ticks, heartbeats every 5, elections after 15-30.
      tickMs: SIM_TICK_MS,
    });
    this.member = { raft: this.agentRaft(), state: this.state, identity: { clusterId: o.clusterId } };
    if (fresh && o.bootstrap) this.driver.campaign();
  }

  /** The driver as the agent code uses it: membership changes through `proposeConfChange`, plus `heardAgoMs`. */
  private agentRaft(): SimRaft {
    const driver = this.driver;
    const heard = this.lastHeardMs;
    const propose = (cc: ConfChange) => driver.proposeConfChange(cc);
    const extra = {
      heardAgoMs(peer: number, nowMs: number): number {
        let at = heard.get(peer);
        if (at === undefined) heard.set(peer, (at = nowMs));
        return Math.max(0, nowMs - at);
      },
      proposeConfChange: (cc: ConfChange) => this.o.proposeConfChange(cc, propose),
    };
    return new Proxy(driver, {
      get(target, key) {
        if (key === 'heardAgoMs' || key === 'proposeConfChange') return extra[key];
        const v: unknown = Reflect.get(target, key, target);
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    }) as SimRaft;
  }

  get id(): number {
    return this.o.memberId;
  }

  /** Delivers a message from the network. */
  receive(m: Message, nowMs: number): void {
    if (this.stopped) return;
    this.lastHeardMs.set(m.from, nowMs);
    this.driver.receive(m);
  }

  /** A clean stop: the driver halts; the disk keeps what it synced. */
  stop(): Promise<void> {
    this.halt();
    return Promise.resolve();
  }

  /** Stops at once (a clean stop or a crash; the world decides what the disk keeps). */
  halt(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.driver.halt();
  }
}
