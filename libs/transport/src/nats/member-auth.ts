/**
 * Member authentication on the NATS transport: every Raft message carries
 * the SENDING MEMBER's identity, not a key the whole cluster shares.
 *
 * Anyone who can reach the NATS server can publish on a cluster's subjects.
 * So each pair of members first exchanges signed hellos (member-hello.ts) on
 * `<prefix>.<cluster>.auth.<id>`: a three-message handshake (A: hello with a
 * challenge; B: hello that answers it, with a challenge of its own; A: hello
 * that answers B's). Each side checks the other's certificate (chained to
 * the cluster CA, current, and, through `authorizePeer`, naming that member
 * and not revoked) and signature, and both derive a pair key. Every chunk
 * then carries an HMAC-SHA256 tag with that key over the subject (the
 * receiver's id) and the chunk (whose header names the sender), so a chunk
 * is accepted only from the member whose id it claims. Cost: one signature
 * and one verification per pair and restart, one HMAC per chunk.
 *
 * A chunk that fails (no key for its claimed sender, or a tag that does not
 * check) is dropped; the receiver asks that member for a fresh hello (it may
 * have restarted with a new ephemeral key). Drops while such a handshake is
 * under way, or after a pair key changed and before the first chunk sealed
 * with it, are held back from the log (messages sealed with the previous
 * key); the others are logged, one line per claimed sender per minute. A
 * handshake nobody answers, or one that shows the member's key did not
 * change, logs the messages it held back. State is bounded: at most `MAX_PEERS` senders
 * are tracked; the oldest stranger is forgotten first.
 *
 * The class holds the state and decides; publishing, the clock and the
 * logger are passed in.
 */
import { randomBytes, type X509Certificate } from 'node:crypto';
import type { TransportLogger } from '../core/options.js';
import { decodeChunkHeader } from './envelope.js';
import {
  decodeHello,
  derivePairKey,
  encodeHello,
  HELLO_NONCE_BYTES,
  makeHello,
  newEphemeral,
  parseCaBundle,
  verifyHello,
  type Ephemeral,
  type Hello,
  type MemberCredentials,
  type PeerCertificateInfo,
} from './member-hello.js';
import { openChunk, sealChunk } from './message-auth.js';

/** Member authentication options of the NATS transport. */
export interface MemberAuthOptions extends MemberCredentials {
  /** Why member `fromId` may not use a certificate with these names and serial (not a member, revoked...), or undefined when it may. */
  authorizePeer?: (fromId: number, peer: PeerCertificateInfo) => string | undefined;
}

/** A handshake that was not answered after this long holds nothing back any more. */
const HANDSHAKE_GRACE_MS = 3_000;
/** At most one hello started to the same member this often. */
const HELLO_INTERVAL_MS = 500;
/** At most this many hellos verified (and answered) per claimed sender per second: a handshake takes two or three. */
const HELLOS_PER_SECOND = 8;
/** A pair key confirmed this recently is not asked again when a tag fails (the failure is a forgery). */
const FRESH_KEY_MS = 2_000;
/** A peer's certificate is checked again (expiry, `authorizePeer`) when used after this long. */
const RECHECK_MS = 5_000;
/** One warning line per claimed sender this often. */
const WARN_INTERVAL_MS = 60_000;
/** Senders tracked (members and strangers claiming ids). */
const MAX_PEERS = 256;

interface PeerState {
  eph?: Buffer;
  key?: Buffer;
  keyChangedAtMs: number;
  /** A chunk sealed with the current key arrived: the sender uses it, so a later failure is not a stale key. */
  keyInUse: boolean;
  cert?: PeerCertificateInfo;
  checkedAtMs: number;
  nonce?: Buffer;
  nonceAtMs: number;
  helloSentAtMs: number;
  hellosWindowStartMs: number;
  hellosInWindow: number;
  /** Chunks dropped without a warning while a handshake or re-key was under way. */
  heldBack: number;
  lastWarnAtMs: number;
  ignoredSinceWarn: number;
}

/** Effects and clock of the authenticator. */
export interface MemberAuthPorts {
  /** Publishes on a subject (the transport's NATS connection; dropped while disconnected). */
  publish(subject: string, data: Uint8Array): void;
  nowMs(): number;
  logger: TransportLogger;
  /** A pair key with member `id` is ready (flush what waits for it). */
  onPeerReady(id: number): void;
}

/** The hello subject of member `memberId`. */
export function authSubject(prefix: string, clusterId: string, memberId: number): string {
  return `${prefix}.${clusterId}.auth.${memberId}`;
}

/** Per-member authentication of chunks (see the file comment). */
export class MemberAuthenticator {
  private readonly peers = new Map<number, PeerState>();
  private readonly eph: Ephemeral = newEphemeral();
  private readonly cas: X509Certificate[];
  private credentials: MemberCredentials;
  private unauthenticated = 0;

  constructor(
    private readonly localId: number,
    private readonly clusterId: string,
    private readonly prefix: string,
    private readonly options: MemberAuthOptions,
    private readonly ports: MemberAuthPorts,
  ) {
    this.cas = parseCaBundle(options.ca);
    if (this.cas.length === 0) throw new Error('member authentication needs the CA certificate members chain to');
    this.credentials = { cert: options.cert, key: options.key, ca: options.ca };
  }

  /** Chunks dropped because they were not authenticated as their claimed sender. */
  get droppedUnauthenticated(): number {
    return this.unauthenticated;
  }

  /** The subject this member receives hellos on. */
  get subject(): string {
    return authSubject(this.prefix, this.clusterId, this.localId);
  }

  /** A renewed certificate: later hellos carry it (pair keys do not change). */
  updateIdentity(cert: string, key: string): void {
    this.credentials = { ...this.credentials, cert, key };
  }

  /** Whether chunks to member `id` can be sealed now. */
  isReady(id: number): boolean {
    return this.currentKey(id) !== undefined;
  }

  /** Starts a handshake with member `id` unless one was started lately. */
  requestKey(id: number): void {
    this.startHandshake(id);
  }

  /** `chunk` sealed for member `to`, or undefined while there is no pair key (a handshake is started). */
  seal(to: number, subject: string, chunk: Uint8Array): Uint8Array | undefined {
    const key = this.currentKey(to);
    if (key === undefined) {
      this.startHandshake(to);
      return undefined;
    }
    return sealChunk(key, subject, chunk);
  }

  /** The chunk of `data` (received on `subject`) when its claimed sender sealed it, else undefined (dropped, maybe logged). */
  open(subject: string, data: Uint8Array): Uint8Array | undefined {
    const from = decodeChunkHeader(data)?.from;
    if (from === undefined || from === this.localId) {
      this.ignore(0, 'malformed chunk');
      return undefined;
    }
    const key = this.currentKey(from);
    const chunk = key === undefined ? undefined : openChunk(key, subject, data);
    const p = this.state(from);
    if (chunk !== undefined) {
      p.keyInUse = true;
      return chunk;
    }
    this.unauthenticated += 1;
    const now = this.ports.nowMs();
    // Sealed with the key the sender had before it heard our new ephemeral key (NATS keeps its order:
    // once one chunk with the new key arrived, every later one of the sender's has it).
    if (p.key !== undefined && !p.keyInUse && now - p.keyChangedAtMs < HANDSHAKE_GRACE_MS) {
      p.heldBack += 1;
      return undefined;
    }
    // The sender may have restarted (a new ephemeral key): ask it, unless its key was just confirmed.
    if (p.key === undefined || now - p.keyChangedAtMs >= FRESH_KEY_MS) this.startHandshake(from);
    if (p.nonce !== undefined && now - p.nonceAtMs < HANDSHAKE_GRACE_MS) p.heldBack += 1;
    else this.ignore(from, key === undefined ? 'no authenticated identity' : 'authentication tag does not check');
    return undefined;
  }

  /** A message on this member's hello subject. */
  onHello(data: Uint8Array): void {
    const h = decodeHello(data);
    if (h === undefined || h.to !== this.localId || h.from === this.localId) {
      this.ignore(0, 'malformed hello');
      return;
    }
    const now = this.ports.nowMs();
    const p = this.state(h.from);
    // A flood claiming one id costs at most HELLOS_PER_SECOND verifications a second.
    if (now - p.hellosWindowStartMs >= 1_000) {
      p.hellosWindowStartMs = now;
      p.hellosInWindow = 0;
    }
    p.hellosInWindow += 1;
    if (p.hellosInWindow > HELLOS_PER_SECOND) return;
    const verdict = verifyHello(this.clusterId, h, this.cas, now);
    const problem = typeof verdict === 'string' ? verdict : this.options.authorizePeer?.(h.from, verdict);
    if (typeof verdict === 'string' || problem !== undefined) {
      this.ignore(h.from, `hello refused: ${problem}`);
      return;
    }
    const answersOurs = h.echo !== undefined && p.nonce !== undefined && h.echo.equals(p.nonce);
    // Answer before accepting: accepting flushes queued chunks, and NATS keeps one connection's
    // publishes in order, so the peer gets our answer (and our key) before the chunks sealed with it.
    if (h.nonce !== undefined) this.answer(h.from, h.nonce, answersOurs || (p.eph !== undefined && p.eph.equals(h.eph)) ? undefined : this.nonceFor(p, now));
    if (answersOurs) this.accept(h, verdict, p, now);
  }

  /**
   * Once a second: handshakes nobody answered log what they held back; held
   * back drops after a re-key are forgotten; members with messages waiting
   * are asked again.
   */
  tick(waiting: Iterable<number>): void {
    const now = this.ports.nowMs();
    for (const [id, p] of this.peers) {
      if (p.nonce !== undefined && now - p.nonceAtMs >= HANDSHAKE_GRACE_MS) {
        p.nonce = undefined;
        if (p.heldBack > 0) this.ignore(id, 'no member answered with a valid identity', p.heldBack);
        p.heldBack = 0;
      } else if (p.nonce === undefined && p.heldBack > 0 && now - p.keyChangedAtMs >= HANDSHAKE_GRACE_MS) {
        this.ports.logger.debug({ peerId: id, dropped: p.heldBack }, 'nats: dropped messages sealed with a previous pair key');
        p.heldBack = 0;
      }
    }
    for (const id of waiting) if (!this.isReady(id)) this.startHandshake(id);
  }

  /** Forgets a removed member. */
  forget(id: number): void {
    this.peers.delete(id);
  }

  private accept(h: Hello, cert: PeerCertificateInfo, p: PeerState, now: number): void {
    const sameKey = p.eph !== undefined && p.eph.equals(h.eph);
    p.nonce = undefined;
    p.cert = cert;
    p.checkedAtMs = now;
    if (!sameKey) {
      p.eph = h.eph;
      p.key = derivePairKey(this.clusterId, { id: this.localId, eph: this.eph }, { id: h.from, eph: h.eph });
      p.keyChangedAtMs = now;
      p.keyInUse = false;
      this.ports.logger.debug({ peerId: h.from, names: cert.names }, 'nats: member authenticated; pair key ready');
    } else if (p.heldBack > 0) {
      // The member's key did not change, so what failed while we asked was forged.
      this.ignore(h.from, 'authentication tag does not check', p.heldBack);
      p.heldBack = 0;
    }
    this.ports.onPeerReady(h.from);
  }

  private answer(to: number, echo: Buffer, nonce: Buffer | undefined): void {
    const hello = makeHello(this.clusterId, this.credentials, { from: this.localId, to, eph: this.eph.publicKey, echo, nonce });
    this.ports.publish(authSubject(this.prefix, this.clusterId, to), encodeHello(hello));
  }

  private startHandshake(to: number): void {
    const now = this.ports.nowMs();
    const p = this.state(to);
    if (now - p.helloSentAtMs < HELLO_INTERVAL_MS) return;
    p.helloSentAtMs = now;
    const hello = makeHello(this.clusterId, this.credentials, { from: this.localId, to, eph: this.eph.publicKey, nonce: this.nonceFor(p, now) });
    this.ports.publish(authSubject(this.prefix, this.clusterId, to), encodeHello(hello));
  }

  /** The outstanding challenge for `p`, made now if there is none. */
  private nonceFor(p: PeerState, now: number): Buffer {
    if (p.nonce === undefined || now - p.nonceAtMs >= HANDSHAKE_GRACE_MS) {
      p.nonce = randomBytes(HELLO_NONCE_BYTES);
      p.nonceAtMs = now;
    }
    return p.nonce;
  }

  /** The pair key of member `id`, if its certificate still holds (checked again every RECHECK_MS). */
  private currentKey(id: number): Buffer | undefined {
    const p = this.peers.get(id);
    if (p?.key === undefined || p.cert === undefined) return undefined;
    const now = this.ports.nowMs();
    if (now - p.checkedAtMs >= RECHECK_MS) {
      p.checkedAtMs = now;
      const problem = now > p.cert.notAfterMs ? 'its certificate expired' : this.options.authorizePeer?.(id, p.cert);
      if (problem !== undefined) {
        this.ports.logger.warn({ peerId: id, reason: problem }, `nats: member ${id.toString(16)} is no longer authenticated: ${problem}`);
        this.peers.delete(id);
        return undefined;
      }
    }
    return p.key;
  }

  private state(id: number): PeerState {
    let p = this.peers.get(id);
    if (p === undefined) {
      if (this.peers.size >= MAX_PEERS) this.evictOne();
      p = { keyChangedAtMs: 0, keyInUse: false, checkedAtMs: 0, nonceAtMs: 0, helloSentAtMs: -Infinity, hellosWindowStartMs: -Infinity, hellosInWindow: 0, heldBack: 0, lastWarnAtMs: -Infinity, ignoredSinceWarn: 0 };
      this.peers.set(id, p);
    }
    return p;
  }

  /** Forgets the oldest sender without a key (a stranger), else the oldest. */
  private evictOne(): void {
    for (const [id, p] of this.peers) {
      if (p.key === undefined) {
        this.peers.delete(id);
        return;
      }
    }
    const oldest = this.peers.keys().next().value;
    if (oldest !== undefined) this.peers.delete(oldest);
  }

  /** Logs ignored traffic: one line per claimed sender per WARN_INTERVAL_MS, with how many were ignored since the last. */
  private ignore(claimedFrom: number, reason: string, count = 1): void {
    const p = this.state(claimedFrom);
    p.ignoredSinceWarn += count;
    const now = this.ports.nowMs();
    if (now - p.lastWarnAtMs < WARN_INTERVAL_MS) return;
    this.ports.logger.warn(
      { claimedFrom, ignored: p.ignoredSinceWarn, reason, member: this.localId },
      `nats message ignored: ${claimedFrom === 0 ? 'it names no sender' : `not authenticated as member ${claimedFrom.toString(16)}`} (${reason})`,
    );
    p.lastWarnAtMs = now;
    p.ignoredSinceWarn = 0;
  }
}
