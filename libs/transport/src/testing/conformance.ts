/**
 * One conformance suite for every Transport. `describeTransportConformance`
 * registers vitest tests against a harness that knows how to make members of
 * one carrier; each carrier's test file calls it once.
 *
 * What it proves, for each carrier: messages arrive with the right sender,
 * in per-pair order; several peers work at once; a message of exactly the
 * limit arrives intact and one byte more is refused with a typed error; sends
 * to unknown or gone peers never throw and never grow memory past the queue
 * bound; a peer that restarts (same id, same address) is reached again;
 * removed peers get nothing; close is idempotent and leaves no sockets or
 * timers behind.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, MessageType } from '@mgmt/proto';
import { MessageTooLargeError } from '../core/errors.js';
import type { CommonTransportOptions } from '../core/options.js';
import { silentLogger } from '../core/options.js';
import type { InboundMessage, Transport } from '../core/transport.js';
import { sleep, waitFor } from './wait.js';

/** Options a test may set when it creates a member. */
export type MemberOptions = Partial<Omit<CommonTransportOptions, 'localId'>>;

/** The members of one test; every test gets a fresh cluster. */
export interface ConformanceCluster {
  /** Creates and starts the transport of member `id` (same id again: same address). */
  create(id: number, options?: MemberOptions): Promise<Transport>;
  /** The address other members pass to `addPeer` for member `id`. */
  addressOf(id: number): string;
  /** Closes every transport this cluster created. */
  closeAll(): Promise<void>;
}

/** What a carrier provides to run the suite. */
export interface ConformanceHarness {
  /** Starts shared infrastructure (a nats-server, a hub). */
  setup?(): Promise<void>;
  /** Stops it. */
  teardown?(): Promise<void>;
  newCluster(): ConformanceCluster;
  /** Whether a send to a member that is not running is reported unreachable. */
  detectsUnreachablePeers: boolean;
}

/** Collects what a transport receives. */
export class Collector {
  readonly messages: InboundMessage[] = [];
  constructor(transport: Transport) {
    transport.onMessage((message) => this.messages.push(message));
  }
  from(id: number): Uint8Array[] {
    return this.messages.filter((m) => m.from === id).map((m) => m.bytes);
  }
}

/** A message whose bytes encode `seq`, padded to `size` bytes. */
export function numbered(seq: number, size = 16): Uint8Array {
  const bytes = new Uint8Array(Math.max(size, 4));
  new DataView(bytes.buffer).setUint32(0, seq);
  for (let i = 4; i < bytes.length; i += 1) bytes[i] = (seq + i) & 0xff;
  return bytes;
}

/** Reads back the `seq` of a `numbered` message. */
export function seqOf(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
}

/** Resources that mean "something is still running" once a transport is closed. */
function liveResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of process.getActiveResourcesInfo()) {
    if (name === 'TTYWrap' || name === 'FSReqCallback' || name === 'PipeWrap' || name === 'ProcessWrap') continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Registers the conformance tests for one carrier. */
export function describeTransportConformance(name: string, harness: ConformanceHarness): void {
  describe(`${name} transport conformance`, () => {
    let cluster: ConformanceCluster;
    const options: MemberOptions = { logger: silentLogger, reconnectDelayMsMin: 10, reconnectDelayMsMax: 100 };

    beforeAll(async () => {
      await harness.setup?.();
    });
    afterAll(async () => {
      await harness.teardown?.();
    });
    afterEach(async () => {
      await cluster?.closeAll();
    });

    async function pair(extra: MemberOptions = {}): Promise<[Transport, Transport]> {
      cluster = harness.newCluster();
      const a = await cluster.create(1, { ...options, ...extra });
      const b = await cluster.create(2, { ...options, ...extra });
      a.addPeer(2, cluster.addressOf(2));
      b.addPeer(1, cluster.addressOf(1));
      return [a, b];
    }

    it('delivers messages both ways with the sender id', async () => {
      const [a, b] = await pair();
      const atA = new Collector(a);
      const atB = new Collector(b);
      expect(a.send(2, numbered(7))).toBe('queued');
      expect(b.send(1, numbered(8))).toBe('queued');
      await waitFor(() => atA.messages.length === 1 && atB.messages.length === 1, 'one message each way');
      expect(atB.messages[0]?.from).toBe(1);
      expect(seqOf(atB.messages[0]!.bytes)).toBe(7);
      expect(atA.messages[0]?.from).toBe(2);
      expect(seqOf(atA.messages[0]!.bytes)).toBe(8);
    });

    it('carries encoded Raft messages (pooled protobufjs buffers) intact', async () => {
      const [a, b] = await pair();
      const atB = new Collector(b);
      const entries = [{ term: 3, index: 8, type: 0, data: new Uint8Array([1, 2, 3]) }];
      for (let index = 1; index <= 20; index += 1) {
        a.send(2, encodeMessage({ type: MessageType.MSG_APP, to: 2, from: 1, term: 3, index, logTerm: 3, commit: index - 1, entries }));
      }
      await waitFor(() => atB.messages.length === 20, '20 raft messages');
      for (const [i, m] of atB.messages.entries()) {
        const decoded = decodeMessage(m.bytes);
        expect(decoded.type).toBe(MessageType.MSG_APP);
        expect(decoded.index).toBe(i + 1);
        expect([...(decoded.entries[0]?.data ?? [])]).toEqual([1, 2, 3]);
      }
    });

    it('keeps the order of messages from one member to another', async () => {
      const [a, b] = await pair();
      const atB = new Collector(b);
      const count = 2000;
      for (let seq = 0; seq < count; seq += 1) expect(a.send(2, numbered(seq, 16 + (seq % 7) * 40))).toBe('queued');
      await waitFor(() => atB.messages.length === count, `${count} messages`);
      expect(atB.messages.map((m) => seqOf(m.bytes))).toEqual([...Array(count).keys()]);
    });

    it('carries traffic between every pair of three members', async () => {
      cluster = harness.newCluster();
      const members = [await cluster.create(1, options), await cluster.create(2, options), await cluster.create(3, options)];
      for (const t of members) for (const id of [1, 2, 3]) if (id !== t.localId) t.addPeer(id, cluster.addressOf(id));
      const collectors = members.map((t) => new Collector(t));
      for (const t of members) for (const id of [1, 2, 3]) if (id !== t.localId) for (let s = 0; s < 50; s += 1) t.send(id, numbered(s));
      await waitFor(() => collectors.every((c) => c.messages.length === 100), 'all-to-all traffic');
      for (const [i, c] of collectors.entries()) {
        for (const from of [1, 2, 3]) {
          if (from === i + 1) continue;
          expect(c.from(from).map(seqOf)).toEqual([...Array(50).keys()]);
        }
      }
    });

    it('delivers a message of exactly maxMessageBytes intact', async () => {
      const maxMessageBytes = 3 * 1024 * 1024;
      const [a, b] = await pair({ maxMessageBytes });
      const atB = new Collector(b);
      const big = new Uint8Array(maxMessageBytes);
      for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) & 0xff;
      big[big.length - 1] = 0xab;
      const expected = big.slice();
      expect(a.send(2, big)).toBe('queued');
      expect(a.send(2, numbered(1))).toBe('queued');
      await waitFor(() => atB.messages.length === 2, 'the large message and the one after it');
      expect(Buffer.from(atB.messages[0]!.bytes).equals(Buffer.from(expected))).toBe(true);
      expect(seqOf(atB.messages[1]!.bytes)).toBe(1);
    });

    it('refuses a message over the limit with MessageTooLargeError and stays usable', async () => {
      const [a, b] = await pair({ maxMessageBytes: 1024 });
      const atB = new Collector(b);
      expect(() => a.send(2, new Uint8Array(1025))).toThrow(MessageTooLargeError);
      expect(a.stats().refusedTooLarge).toBe(1);
      expect(a.send(2, numbered(3, 1024))).toBe('queued');
      await waitFor(() => atB.messages.length === 1, 'the message at the limit');
    });

    it('drops sends to an unknown member without throwing and counts them', async () => {
      const [a] = await pair();
      expect(a.send(99, numbered(1))).toBe('unknown-peer');
      expect(a.stats().droppedUnknownPeer).toBe(1);
    });

    it('keeps memory bounded and never throws when a peer is not running', async () => {
      cluster = harness.newCluster();
      const a = await cluster.create(1, { ...options, maxQueuedMessagesPerPeer: 64 });
      const unreachable: number[] = [];
      a.onUnreachable((id) => unreachable.push(id));
      a.addPeer(5, cluster.addressOf(5));
      const results = new Set<string>();
      for (let seq = 0; seq < 5000; seq += 1) {
        results.add(a.send(5, numbered(seq)));
        const peer = a.stats().peers.find((p) => p.peerId === 5);
        expect(peer?.queuedMessages ?? 0).toBeLessThanOrEqual(64);
        if (seq % 500 === 0) await sleep(5);
      }
      for (const result of results) expect(['queued', 'queue-full']).toContain(result);
      if (results.has('queue-full') || harness.detectsUnreachablePeers) await waitFor(() => unreachable.includes(5), 'an unreachable report');
      expect(a.stats().peers.find((p) => p.peerId === 5)?.unreachableReports ?? 0).toBeLessThan(5000 / 10);
    });

    it('reaches a member again after it restarts with the same id and address', async () => {
      const [a, b] = await pair();
      const atB = new Collector(b);
      a.send(2, numbered(1));
      await waitFor(() => atB.messages.length === 1, 'first delivery');
      await b.close();
      for (let seq = 2; seq < 20; seq += 1) a.send(2, numbered(seq)); // lost or queued; never throws
      await sleep(50);
      const b2 = await cluster.create(2, options);
      b2.addPeer(1, cluster.addressOf(1));
      const atB2 = new Collector(b2);
      let seq = 100;
      await waitFor(
        () => {
          a.send(2, numbered(seq++));
          return atB2.messages.length > 0;
        },
        'delivery to the restarted member',
        15_000,
        20,
      );
      const seqs = atB2.messages.map((m) => seqOf(m.bytes));
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs); // still in order
      const atA = new Collector(a);
      b2.send(1, numbered(5));
      await waitFor(() => atA.messages.length > 0, 'the restarted member sends back');
    });

    it('stops sending to a removed member', async () => {
      const [a, b] = await pair();
      const atB = new Collector(b);
      a.send(2, numbered(1));
      await waitFor(() => atB.messages.length === 1, 'delivery before removal');
      a.removePeer(2);
      expect(a.peers()).toEqual([]);
      expect(a.send(2, numbered(2))).toBe('unknown-peer');
      await sleep(30);
      expect(atB.messages.length).toBe(1);
    });

    it('delivers through an async iterator, and what arrived before a handler', async () => {
      const [a, b] = await pair();
      a.send(2, numbered(1));
      await waitFor(() => b.stats().receivedMessages === 1, 'a message with no handler yet');
      a.send(2, numbered(2));
      const seen: number[] = [];
      for await (const message of b) {
        seen.push(seqOf(message.bytes));
        if (seen.length === 2) break;
      }
      expect(seen).toEqual([1, 2]);
    });

    it('closes cleanly: idempotent, refuses sends after, leaves nothing running', async () => {
      await sleep(20);
      const before = liveResources();
      const [a, b] = await pair();
      const atB = new Collector(b);
      a.send(2, numbered(1));
      await waitFor(() => atB.messages.length === 1, 'a delivery');
      await Promise.all([a.close(), a.close()]);
      await b.close();
      expect(a.send(2, numbered(2))).toBe('closed');
      await cluster.closeAll();
      await waitFor(
        () => {
          const after = liveResources();
          return [...after].every(([kind, n]) => n <= (before.get(kind) ?? 0));
        },
        `no leftover handles (before ${JSON.stringify([...before])}, now ${JSON.stringify([...liveResources()])})`,
        5000,
        20,
      );
    });
  });
}
