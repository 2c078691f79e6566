/**
 * Runs the corruption check (libs/kv corruption-check.ts) every interval
 * while this agent's member leads, against the other members' plaintext
 * client URLs (`--experimental-corrupt-check-time`, etcd's flag; off by
 * default, as in etcd). A CORRUPT alarm stops writes cluster-wide until an
 * operator disarms it; the check logs which member differed.
 */
import { Alarms, checkCorruption } from '@mgmt/kv';
import type { Logger } from '../log.js';
import type { Peer } from '../peer.js';

/** The client URLs' host:port of the members other than `selfId` (plaintext only; https members are skipped). */
export function otherMemberEndpoints(members: ReadonlyArray<{ id: number; clientUrls: readonly string[] }>, selfId: number): string[] {
  return members.filter((m) => m.id !== selfId).flatMap((m) => m.clientUrls.filter((u) => u.startsWith('http://')).slice(0, 1).map((u) => new URL(u).host));
}

/** Checks members' hashes on schedule while the member runs here and leads. */
export class CorruptionChecker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly intervalMs: number,
    private readonly peer: () => Peer | undefined,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One round, if this member leads; resolves with the members found corrupt. */
  async check(): Promise<number[]> {
    const peer = this.peer();
    if (this.running || !peer || !peer.member.raft.isLeader) return [];
    this.running = true;
    try {
      const selfId = peer.backend.header().memberId;
      const endpoints = otherMemberEndpoints(await peer.backend.members(), selfId);
      const bad = await checkCorruption(peer.backend, new Alarms(peer.backend), endpoints);
      for (const id of bad) this.log.error({ member: id.toString(16) }, `corruption check: member ${id.toString(16)} holds another keyspace at the same revision; CORRUPT raised, writes stop until disarmed`);
      return bad;
    } catch (err) {
      this.log.warn({ err: (err as Error).message }, 'corruption check failed; trying again at the next interval');
      return [];
    } finally {
      this.running = false;
    }
  }
}
