/**
 * The hub lives on the main thread and wires a MessageChannel between every
 * pair of joined members, so Raft traffic goes worker to worker without a
 * hop through the main thread.
 *
 * A member is attached once per worker (its hub port) and joins or leaves as
 * its transport starts and closes, so an agent can close its transport and
 * start a new one in the same worker (un-nominated, then nominated again).
 * A member that joins again, or whose worker is replaced, gets fresh channels
 * to everyone; one that leaves or detaches is announced as gone.
 */
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { assert } from '../core/errors.js';
import { isMemberId } from '../core/options.js';
import { isMemberToHub } from './protocol.js';
import type { HubToMember } from './protocol.js';

interface Member {
  readonly port: MessagePort;
  joined: boolean;
}

/** Wires members' worker transports to each other. */
export class WorkerHub {
  private readonly members = new Map<number, Member>();
  private closed = false;

  /**
   * Attaches member `memberId` through `port` (the hub's end of the channel
   * whose other end the member's worker transport holds). Re-attaching an id
   * replaces the old member. The member is wired once its transport starts.
   */
  attach(memberId: number, port: MessagePort): void {
    assert(isMemberId(memberId), `member id must be a positive safe integer, got ${String(memberId)}`);
    assert(!this.closed, 'attach to a closed hub');
    this.detach(memberId);
    const member: Member = { port, joined: false };
    this.members.set(memberId, member);
    port.on('message', (message: unknown) => this.onMemberMessage(memberId, member, message));
    port.on('close', () => this.detach(memberId, port));
    // The hub must not keep the process alive; close() ends everything.
    port.unref();
  }

  /**
   * Detaches a member and tells the others it is gone. Unknown ids are
   * ignored; with `port`, only that attachment is detached (not a newer one
   * under the same id).
   */
  detach(memberId: number, port?: MessagePort): void {
    const member = this.members.get(memberId);
    if (member === undefined || (port !== undefined && member.port !== port)) return;
    this.members.delete(memberId);
    member.port.removeAllListeners();
    member.port.close();
    if (member.joined) this.announceGone(memberId);
  }

  /** Ids of attached members. */
  memberIds(): number[] {
    return [...this.members.keys()];
  }

  /** Ids of members whose transport is running. */
  joinedIds(): number[] {
    return [...this.members].filter(([, m]) => m.joined).map(([id]) => id);
  }

  /** Detaches everyone. */
  close(): void {
    this.closed = true;
    for (const id of [...this.members.keys()]) this.detach(id);
  }

  private onMemberMessage(memberId: number, member: Member, message: unknown): void {
    if (this.members.get(memberId) !== member || !isMemberToHub(message)) return;
    if (member.joined) {
      // Leaving, or joining again with a new transport: the old channels are dead either way.
      member.joined = false;
      this.announceGone(memberId);
    }
    if (message.type === 'join') this.join(memberId, member);
  }

  private join(memberId: number, member: Member): void {
    member.joined = true;
    for (const [peerId, peer] of this.members) {
      if (peerId === memberId || !peer.joined) continue;
      const { port1, port2 } = new MessageChannel();
      post(peer.port, { type: 'peer-port', peerId: memberId, port: port1 }, [port1]);
      post(member.port, { type: 'peer-port', peerId, port: port2 }, [port2]);
    }
  }

  private announceGone(memberId: number): void {
    for (const [peerId, peer] of this.members) {
      if (peerId !== memberId && peer.joined) post(peer.port, { type: 'peer-gone', peerId: memberId });
    }
  }
}

function post(port: MessagePort, message: HubToMember, transfer: MessagePort[] = []): void {
  port.postMessage(message, transfer);
}

/** Creates an empty hub. */
export function createWorkerHub(): WorkerHub {
  return new WorkerHub();
}
