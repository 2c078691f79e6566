/**
 * The hub lives on the main thread and wires a MessageChannel between every
 * pair of attached members, so Raft traffic goes worker to worker without a
 * hop through the main thread. A member that re-attaches (its worker was
 * restarted) gets fresh channels to everyone; one that detaches is announced
 * as gone.
 */
import { MessageChannel } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { assert } from '../core/errors.js';
import { isMemberId } from '../core/options.js';
import type { HubToMember } from './protocol.js';

/** Wires members' worker transports to each other. */
export class WorkerHub {
  private readonly members = new Map<number, MessagePort>();
  private closed = false;

  /**
   * Attaches member `memberId` through `port` (the hub's end of the channel
   * whose other end the member's worker transport holds). Re-attaching an id
   * replaces the old member.
   */
  attach(memberId: number, port: MessagePort): void {
    assert(isMemberId(memberId), `member id must be a positive safe integer, got ${String(memberId)}`);
    assert(!this.closed, 'attach to a closed hub');
    if (this.members.has(memberId)) this.detach(memberId);
    this.members.set(memberId, port);
    // The hub must not keep the process alive; close() ends everything.
    port.unref();
    port.on('close', () => this.detach(memberId, port));
    for (const [peerId, peerPort] of this.members) {
      if (peerId === memberId) continue;
      const { port1, port2 } = new MessageChannel();
      post(peerPort, { type: 'peer-port', peerId: memberId, port: port1 }, [port1]);
      post(port, { type: 'peer-port', peerId, port: port2 }, [port2]);
    }
  }

  /**
   * Detaches a member and tells the others it is gone. Unknown ids are
   * ignored; with `port`, only that attachment is detached (not a newer one
   * under the same id).
   */
  detach(memberId: number, port?: MessagePort): void {
    const attached = this.members.get(memberId);
    if (attached === undefined || (port !== undefined && attached !== port)) return;
    this.detachAttached(memberId, attached);
  }

  private detachAttached(memberId: number, port: MessagePort): void {
    this.members.delete(memberId);
    port.close();
    for (const peerPort of this.members.values()) post(peerPort, { type: 'peer-gone', peerId: memberId });
  }

  /** Ids of attached members. */
  memberIds(): number[] {
    return [...this.members.keys()];
  }

  /** Detaches everyone. */
  close(): void {
    this.closed = true;
    for (const id of [...this.members.keys()]) this.detach(id);
  }
}

function post(port: MessagePort, message: HubToMember, transfer: MessagePort[] = []): void {
  port.postMessage(message, transfer);
}

/** Creates an empty hub. */
export function createWorkerHub(): WorkerHub {
  return new WorkerHub();
}
