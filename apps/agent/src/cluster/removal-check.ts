/**
 * A removed member stops hearing from the leader, so it never applies its
 * own removal. The agent asks the others: when a member that is not this
 * one lists the members and this one is not among them, this member was
 * removed. The list is linearizable: a member removed a moment ago and
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
  /** Whether the lifecycle is where a removal matters (a running or leaving peer). */
  servesOrLeaves: () => boolean;
  /** A client that reaches the cluster through members other than this one. */
  outside: MemberLister;
  send: (e: LifecycleEvent) => void;
  log: Logger;
}

/** The removal check; see the file comment. */
export class RemovalCheck<M extends LocalMember> {
  private checking = false;

  constructor(private readonly d: RemovalCheckDeps<M>) {}

  /** Starts a check unless one is under way. */
  start(): void {
    if (this.checking) return;
    this.checking = true;
    void this.check()
      .catch((err: unknown) => this.d.log.debug({ err: (err as Error).message }, 'membership check failed'))
      .finally(() => (this.checking = false));
  }

  private async check(): Promise<void> {
    const { facts, config } = this.d;
    const peer = this.d.local();
    // Only a running or leaving peer can be told it was removed (the machine ignores the fact while the member starts).
    if (!peer || facts.removed || !this.d.servesOrLeaves()) return;
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
