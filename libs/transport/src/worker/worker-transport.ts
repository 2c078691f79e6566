/**
 * The worker transport: a member's end of the hub's wiring. It reaches each
 * peer over its own MessagePort (FIFO, so per-pair order holds), transfers
 * message buffers instead of copying them when the bytes own their whole
 * buffer, and limits uncredited messages per peer (see protocol.ts).
 */
import type { MessagePort } from 'node:worker_threads';
import { BaseTransport, PeerLink } from '../core/base-transport.js';
import { assert } from '../core/errors.js';
import type { CommonTransportOptions } from '../core/options.js';
import { isHubToMember } from './protocol.js';
import type { MemberToHub } from './protocol.js';

/** Options of the worker transport. */
export interface WorkerTransportOptions extends CommonTransportOptions {
  /** This member's end of the hub channel (from `agentWorkerContext().transportPort`). */
  hubPort: MessagePort;
  /** Uncredited messages allowed per peer. Default 1024. */
  maxInFlightMessages?: number;
}

/** One peer's port and flow-control state. */
class WorkerLink extends PeerLink {
  inFlight = 0;
}

interface PeerChannel {
  readonly port: MessagePort;
  received: number;
  /** The peer answered on this port: it is alive and listening. */
  ready: boolean;
}

/** Most messages in one postMessage. */
const MAX_BATCH_MESSAGES = 256;

/** Sent first on every peer port; a link is up only once the peer's hello arrives. */
const HELLO = 'hello';

/** Raft messages over MessagePorts between worker threads. */
export class WorkerTransport extends BaseTransport<WorkerLink> {
  readonly kind = 'worker';
  private readonly hubPort: MessagePort;
  private readonly maxInFlight: number;
  private readonly creditBatch: number;
  private readonly channels = new Map<number, PeerChannel>();

  constructor(options: WorkerTransportOptions) {
    super(options);
    this.hubPort = options.hubPort;
    this.maxInFlight = options.maxInFlightMessages ?? 1024;
    assert(this.maxInFlight > 0, 'maxInFlightMessages must be positive');
    this.creditBatch = Math.max(1, Math.floor(this.maxInFlight / 4));
  }

  private readonly onHub = (message: unknown): void => this.onHubMessage(message);

  protected startCarrier(): Promise<void> {
    this.hubPort.on('message', this.onHub);
    this.hubPort.postMessage({ type: 'join', memberId: this.localId } satisfies MemberToHub);
    return Promise.resolve();
  }

  /** Leaves the hub but keeps the hub port, so a new transport can join on it. */
  protected closeCarrier(): Promise<void> {
    for (const peerId of [...this.channels.keys()]) this.dropChannel(peerId);
    this.hubPort.off('message', this.onHub);
    if (this.isStarted) this.hubPort.postMessage({ type: 'leave' } satisfies MemberToHub);
    return Promise.resolve();
  }

  protected createLink(id: number, address: string): WorkerLink {
    const link = new WorkerLink(id, address, this.options.maxQueuedMessagesPerPeer, this.options.maxQueuedBytesPerPeer);
    link.connected = this.channels.get(id)?.ready ?? false;
    return link;
  }

  protected destroyLink(_link: WorkerLink): void {}

  protected flush(link: WorkerLink): void {
    const channel = this.channels.get(link.id);
    if (channel === undefined || !channel.ready) return;
    // One postMessage per burst: an array of messages, every buffer transferred.
    const batch: Uint8Array[] = [];
    const transfer: ArrayBuffer[] = [];
    while (link.queue.length > 0 && link.inFlight < this.maxInFlight && batch.length < MAX_BATCH_MESSAGES) {
      const bytes = link.queue.shift();
      assert(bytes !== undefined, 'queue length and contents disagree');
      const owned = ownsWholeBuffer(bytes) ? bytes : bytes.slice();
      link.countSent(owned.byteLength);
      link.inFlight += 1;
      batch.push(owned);
      if (!transfer.includes(owned.buffer as ArrayBuffer)) transfer.push(owned.buffer as ArrayBuffer);
    }
    if (batch.length === 0) return;
    channel.port.postMessage(batch.length === 1 ? batch[0] : batch, transfer);
    if (link.queue.length > 0 && link.inFlight < this.maxInFlight) this.scheduleFlush(link);
  }

  private onHubMessage(message: unknown): void {
    if (!isHubToMember(message)) {
      this.logger.warn({ message: typeof message }, 'worker transport ignored a malformed hub message');
      return;
    }
    if (message.type === 'peer-gone') {
      this.dropChannel(message.peerId);
      return;
    }
    this.dropChannel(message.peerId);
    const channel: PeerChannel = { port: message.port, received: 0, ready: false };
    this.channels.set(message.peerId, channel);
    message.port.on('message', (data: unknown) => this.onPeerData(message.peerId, channel, data));
    message.port.on('close', () => {
      if (this.channels.get(message.peerId) === channel) this.dropChannel(message.peerId);
    });
    // The hub may hand out a port to a member that has just gone; only its answer proves it is there.
    message.port.postMessage(HELLO);
  }

  private onPeerReady(peerId: number, channel: PeerChannel): void {
    if (channel.ready) return;
    channel.ready = true;
    const link = this.links.get(peerId);
    if (link === undefined) return;
    link.connected = true;
    link.inFlight = 0;
    if (link.sentMessages > 0 || link.unreachableReports > 0) link.reconnects += 1;
    this.flush(link);
  }

  private onPeerData(peerId: number, channel: PeerChannel, data: unknown): void {
    if (data === HELLO) return this.onPeerReady(peerId, channel);
    if (typeof data === 'number') {
      const link = this.links.get(peerId);
      if (link === undefined) return;
      link.inFlight = Math.max(0, link.inFlight - data);
      this.flush(link);
      return;
    }
    const messages = Array.isArray(data) ? (data as unknown[]) : [data];
    for (const message of messages) {
      if (!(message instanceof Uint8Array)) {
        this.logger.warn({ peerId }, 'worker transport dropped a message that is not bytes');
        continue;
      }
      channel.received += 1;
      this.deliver(peerId, message);
    }
    if (channel.received >= this.creditBatch) {
      channel.port.postMessage(channel.received);
      channel.received = 0;
    }
  }

  private dropChannel(peerId: number): void {
    const channel = this.channels.get(peerId);
    if (channel === undefined) return;
    this.channels.delete(peerId);
    channel.port.removeAllListeners();
    channel.port.close();
    const link = this.links.get(peerId);
    // A port whose peer never answered was never up: keep the queue for the next port.
    if (link === undefined || !channel.ready) return;
    link.connected = false;
    link.inFlight = 0;
    link.droppedLinkDown += link.queue.clear();
    this.reportUnreachable(link);
  }
}

/** True when `bytes` spans its whole (non-shared) buffer, so the buffer can be transferred. */
function ownsWholeBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

/** Creates (but does not start) a worker transport. */
export function createWorkerTransport(options: WorkerTransportOptions): WorkerTransport {
  return new WorkerTransport(options);
}
