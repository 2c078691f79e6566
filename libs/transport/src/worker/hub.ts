/**
 * The hub lives on the main thread and wires a MessageChannel between every
 * pair of joined members, so Raft traffic goes worker to worker without a
 * hop through the main thread.
 *
 * A worker is attached once (its hub port, under an attachment id) and its
 * transport joins or leaves as it starts and closes, so an agent can close
 * its transport and start a new one in the same worker (un-nominated, then
 * nominated again). Peers are routed by the member id a transport joins
 * with, which may differ from the attachment id and from one join to the
 * next: an agent learns its member id only when it is nominated. A member
 * that joins again, or whose worker is replaced, gets fresh channels to
 * everyone; one that leaves or detaches is announced as gone.
 */
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { assert } from '../core/errors.js';
import { isMemberId } from '../core/options.js';
import { isMemberToHub } from './protocol.js';
import type { HubToMember } from './protocol.js';

interface Member {
  readonly port: MessagePort;
  /** The member id its running transport joined as; undefined while not joined. */
  joinedAs: number | undefined;
}

/** Wires members' worker transports to each other. */
export class WorkerHub {
  private readonly members = new Map<number, Member>();
  private closed = false;

  /**
   * Attaches a worker under `memberId` through `port` (the hub's end of the
   * channel whose other end the worker's transport holds). Re-attaching an id
   * replaces the old attachment. The member is wired once its transport
   * starts, under the member id it joins with (by default this one).
   */
  attach(memberId: number, port: MessagePort): void {
    assert(isMemberId(memberId), `member id must be a positive safe integer, got ${String(memberId)}`);
    assert(!this.closed, 'attach to a closed hub');
    this.detach(memberId);
    const member: Member = { port, joinedAs: undefined };
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
    if (member.joinedAs !== undefined) this.announceGone(member.joinedAs);
  }

  /** Attachment ids. */
  memberIds(): number[] {
    return [...this.members.keys()];
  }

  /** Member ids of the transports that are running. */
  joinedIds(): number[] {
    return [...this.members.values()].flatMap((m) => (m.joinedAs === undefined ? [] : [m.joinedAs]));
  }

  /** Detaches everyone. */
  close(): void {
    this.closed = true;
    for (const id of [...this.members.keys()]) this.detach(id);
  }

  private onMemberMessage(attachId: number, member: Member, message: unknown): void {
    if (this.members.get(attachId) !== member || !isMemberToHub(message)) return;
    if (member.joinedAs !== undefined) {
      // Leaving, or joining again with a new transport: the old channels are dead either way.
      const was = member.joinedAs;
      member.joinedAs = undefined;
      this.announceGone(was);
    }
    if (message.type === 'join') this.join(member, message.memberId ?? attachId);
  }

  private join(member: Member, memberId: number): void {
    // Another worker that still runs a transport under this id ran an earlier incarnation: it is gone now.
    for (const other of this.members.values()) {
      if (other !== member && other.joinedAs === memberId) {
        other.joinedAs = undefined;
        this.announceGone(memberId);
      }
    }
    member.joinedAs = memberId;
    for (const peer of this.members.values()) {
      if (peer === member || peer.joinedAs === undefined) continue;
      const { port1, port2 } = new MessageChannel();
      post(peer.port, { type: 'peer-port', peerId: memberId, port: port1 }, [port1]);
      post(member.port, { type: 'peer-port', peerId: peer.joinedAs, port: port2 }, [port2]);
    }
  }

  private announceGone(memberId: number): void {
    for (const peer of this.members.values()) {
      if (peer.joinedAs !== undefined && peer.joinedAs !== memberId) post(peer.port, { type: 'peer-gone', peerId: memberId });
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
