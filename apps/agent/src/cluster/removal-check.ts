/**
 * A removed member stops hearing from the leader, so it never applies its
 * own removal. The agent asks the others: when a member that is not this
 * one lists the members and this one is not among them, this member was
 * removed. A serving member asks only once it has not heard from a leader
 * for a while (HEARD_LEADER_MS): a leader keeps sending to its members, and
 * every member asking at every tick cost an idle leader a sixth of its CPU
 * (a ReadIndex round per list). A leaving member, which expects its
 * removal, asks at every tick. The list is linearizable: a member removed a moment ago and
 * still stopping would otherwise answer with its old view, and tell a
 * member added after it left that it was removed. One question at a time;
 * it runs detached from the tick that asks it (a linearizable list may
 * wait out a timeout per endpoint).
 */
import type { Logger } from '../log.js';
import type { HostFacts, LifecycleEvent, LocalMember } from '../effects/effects-port.js';

/** The member list, asked of members other than this one (ClusterClient in production). */
export interface MemberLister {
  setEndpoints(endpoints: readonly string[]): void;
  memberList(linearizable: boolean): Promise<ReadonlyArray<{ ID?: unknown }>>;
  readonly endpoint: string | undefined;
}

/** What the check works with (a Peer in production, a simulated member in the agent simulator). */
export interface RemovalCheckDeps<M extends LocalMember> {
  config: { clientUrls: string[]; seeds: string[] };
  facts: HostFacts<M>;
  /** The local member when its state can stand for the cluster's (see Agent.localView). */
  local: () => M | undefined;
  /** Where the lifecycle is: a running peer, a leaving one, or elsewhere (where a removal does not matter). */
  phase: () => 'serving' | 'leaving' | undefined;
  /** How long ago the local member heard from its leader (0 if it leads, Infinity if it knows none). */
  heardLeaderAgoMs: () => number;
  /** A client that reaches the cluster through members other than this one. */
  outside: MemberLister;
  send: (e: LifecycleEvent) => void;
  log: Logger;
}

/**
 * Silence from the leader after which a serving member asks: ten of the
 * leader's heartbeats (100 ms apart), within an election timeout or two.
 */
export const HEARD_LEADER_MS = 1_000;

/** The removal check; see the file comment. */
export class RemovalCheck<M extends LocalMember> {
  private checking = false;

  constructor(private readonly d: RemovalCheckDeps<M>) {}

  /** Starts a check unless one is under way. */
  start(): void {
    if (this.checking) return;
    if (this.d.phase() === 'serving' && this.d.heardLeaderAgoMs() < HEARD_LEADER_MS) return;
    this.checking = true;
    void this.check()
      .catch((err: unknown) => this.d.log.debug({ err: (err as Error).message }, 'membership check failed'))
      .finally(() => (this.checking = false));
  }

  private async check(): Promise<void> {
    const { facts, config } = this.d;
    const peer = this.d.local();
    // Only a running or leaving peer can be told it was removed (the machine ignores the fact while the member starts).
    if (!peer || facts.removed || this.d.phase() === undefined) return;
    const others = [...facts.knownEndpoints, ...config.seeds].filter((u) => !config.clientUrls.includes(u));
    if (others.length === 0) return;
    this.d.outside.setEndpoints(others);
    let members;
    try {
      members = await this.d.outside.memberList(true);
    } catch {
      return;
    }
    if (members.length > 0 && !members.some((m) => Number(m.ID) === peer.member.raft.id)) {
      facts.removed = true;
      facts.removedIds.add(peer.member.raft.id);
      this.d.log.info({ member: peer.member.raft.id, via: this.d.outside.endpoint }, 'this member is no longer in the cluster');
      this.d.send({ type: 'member.removed' });
      facts.nominatedSeen = false;
      this.d.send({ type: 'nomination.revoked' });
    }
  }
}

/** The phase of the lifecycle the check looks at (see RemovalCheckDeps.phase). */
export function lifecyclePhase(snap: { matches(state: 'peer' | 'leaving'): boolean }): 'serving' | 'leaving' | undefined {
  if (snap.matches('leaving')) return 'leaving';
  return snap.matches('peer') ? 'serving' : undefined;
}

/** How long ago a member heard from its leader (see RemovalCheckDeps.heardLeaderAgoMs). */
export function heardLeaderAgoMs(raft: { id: number; leader: number; heardAgoMs(peer: number, nowMs: number): number } | undefined, nowMs: number): number {
  if (!raft || raft.leader === 0) return Infinity;
  return raft.leader === raft.id ? 0 : raft.heardAgoMs(raft.leader, nowMs);
}
