/**
 * The hello of the NATS transport's member authentication (see
 * member-auth.ts for the handshake): what a member says to prove who it is,
 * and the pair key two members derive from it. Functions only; no state.
 *
 * A hello from member S to member R carries S's certificate chain, S's
 * ephemeral X25519 public key, an optional `echo` (R's challenge nonce being
 * answered) and an optional `nonce` (S's own challenge), signed with S's
 * certificate key over the cluster id, both member ids, the ephemeral key
 * and both nonces. R accepts S's ephemeral key only from a hello that echoes
 * a nonce R made, so a recorded hello cannot be replayed to make R use an
 * old key. Both members then hold HKDF(X25519(eph_S, eph_R)): a key only
 * they know, bound to the cluster and to both member ids.
 */
import {
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  sign,
  verify,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';

/** Largest hello accepted (a certificate chain of a few certificates). */
export const MAX_HELLO_BYTES = 16 * 1024;
/** Most certificates in a chain. */
const MAX_CHAIN_CERTS = 4;
const NONCE_BYTES = 16;
const EPHEMERAL_BYTES = 32;
const SIGNATURE_CONTEXT = 'mgmt-nats-member-hello/1';
const KEY_CONTEXT = 'mgmt-nats-member-key/1';

/** One hello on the wire (JSON; binary fields base64). */
export interface Hello {
  from: number;
  to: number;
  /** PEM certificate chain of `from`, leaf first. */
  cert: string;
  /** Ephemeral X25519 public key of `from` (32 bytes). */
  eph: Buffer;
  /** The receiver's challenge being answered. */
  echo?: Buffer;
  /** A challenge for the receiver to answer. */
  nonce?: Buffer;
  signature: Buffer;
}

/** What a verified hello says about its sender's certificate. */
export interface PeerCertificateInfo {
  /** Its CN and DNS/IP subject alternative names. */
  names: string[];
  /** Serial number, hex upper case (as node:crypto prints it). */
  serialNumber: string;
  /** When the leaf certificate expires (ms since the epoch). */
  notAfterMs: number;
}

/** This member's identity: its certificate chain and key (PEM), and the CA bundle members chain to. */
export interface MemberCredentials {
  cert: string;
  key: string;
  ca: string;
}

/** A member's ephemeral X25519 key pair for one transport's lifetime. */
export interface Ephemeral {
  privateKey: KeyObject;
  publicKey: Buffer;
}

/** A fresh ephemeral key pair. */
export function newEphemeral(): Ephemeral {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, publicKey: Buffer.from(der.subarray(der.byteLength - EPHEMERAL_BYTES)) };
}

/** The nonce size of a challenge. */
export const HELLO_NONCE_BYTES = NONCE_BYTES;

function signedBytes(clusterId: string, h: Omit<Hello, 'signature' | 'cert'>): Buffer {
  const empty = Buffer.alloc(0);
  const field = (b: Buffer | undefined) => {
    const v = b ?? empty;
    const len = Buffer.alloc(2);
    len.writeUInt16BE(v.byteLength);
    return Buffer.concat([len, v]);
  };
  return Buffer.concat([Buffer.from(`${SIGNATURE_CONTEXT}\0${clusterId}\0${h.from}\0${h.to}\0`), field(h.eph), field(h.echo), field(h.nonce)]);
}

/** The digest to sign with: none for Ed25519/Ed448 keys, SHA-256 for EC and RSA keys. */
function digestFor(key: KeyObject): string | null {
  return key.asymmetricKeyType === 'ed25519' || key.asymmetricKeyType === 'ed448' ? null : 'sha256';
}

/** A signed hello from this member. */
export function makeHello(clusterId: string, me: MemberCredentials, fields: Omit<Hello, 'signature' | 'cert'>): Hello {
  const key = createPrivateKey(me.key);
  return { ...fields, cert: me.cert, signature: sign(digestFor(key), signedBytes(clusterId, fields), key) };
}

/** The hello as wire bytes. */
export function encodeHello(h: Hello): Uint8Array {
  const b64 = (b: Buffer | undefined) => (b === undefined ? undefined : b.toString('base64'));
  return Buffer.from(JSON.stringify({ v: 1, from: h.from, to: h.to, cert: h.cert, eph: b64(h.eph), echo: b64(h.echo), nonce: b64(h.nonce), sig: b64(h.signature) }));
}

/** Parses wire bytes; undefined when they are not a well-formed hello. */
export function decodeHello(data: Uint8Array): Hello | undefined {
  if (data.byteLength > MAX_HELLO_BYTES) return undefined;
  let w: Record<string, unknown>;
  try {
    w = JSON.parse(Buffer.from(data).toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (w === null || typeof w !== 'object' || w.v !== 1) return undefined;
  const id = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : undefined);
  const bytes = (v: unknown, size?: number) => {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return null;
    const b = Buffer.from(v, 'base64');
    return size === undefined || b.byteLength === size ? b : null;
  };
  const from = id(w.from);
  const to = id(w.to);
  const eph = bytes(w.eph, EPHEMERAL_BYTES);
  const echo = bytes(w.echo, NONCE_BYTES);
  const nonce = bytes(w.nonce, NONCE_BYTES);
  const signature = bytes(w.sig);
  if (from === undefined || to === undefined || typeof w.cert !== 'string' || !eph || echo === null || nonce === null || !signature) return undefined;
  return { from, to, cert: w.cert, eph, echo, nonce, signature };
}

/** The certificates of a PEM text, in order. */
function pemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509Certificate(b));
}

/** Parses a CA bundle once (the transport keeps it). */
export function parseCaBundle(pem: string): X509Certificate[] {
  return pemCertificates(pem);
}

function isCurrent(c: X509Certificate, nowMs: number): boolean {
  return Date.parse(c.validFrom) <= nowMs && nowMs <= Date.parse(c.validTo);
}

function isSignedBy(c: X509Certificate, issuer: X509Certificate): boolean {
  return c.checkIssued(issuer) && c.verify(issuer.publicKey);
}

/**
 * Checks a hello's certificate chain (leaf first, each signed by the next,
 * the last by a CA of the bundle, all current) and its signature.
 * Returns the leaf's details, or why the hello is refused.
 */
export function verifyHello(clusterId: string, h: Hello, cas: readonly X509Certificate[], nowMs: number): PeerCertificateInfo | string {
  let chain: X509Certificate[];
  try {
    chain = pemCertificates(h.cert);
  } catch {
    return 'its certificate does not parse';
  }
  if (chain.length === 0 || chain.length > MAX_CHAIN_CERTS) return 'no certificate (or too long a chain)';
  if (!chain.every((c) => isCurrent(c, nowMs))) return 'its certificate is expired or not yet valid';
  for (let i = 0; i + 1 < chain.length; i += 1) if (!isSignedBy(chain[i]!, chain[i + 1]!)) return 'its certificate chain is broken';
  const top = chain[chain.length - 1]!;
  if (!cas.some((ca) => isCurrent(ca, nowMs) && (ca.fingerprint256 === top.fingerprint256 || isSignedBy(top, ca)))) return 'its certificate is not signed by the cluster CA';
  const leaf = chain[0]!;
  const ok = verify(digestFor(leaf.publicKey), signedBytes(clusterId, h), leaf.publicKey, h.signature);
  if (!ok) return 'its signature does not check';
  return { names: certificateNamesOf(leaf), serialNumber: leaf.serialNumber, notAfterMs: Date.parse(leaf.validTo) };
}

/** The CN and the DNS and IP subject alternative names of a certificate. */
export function certificateNamesOf(cert: X509Certificate): string[] {
  const names: string[] = [];
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject)?.[1];
  if (cn !== undefined) names.push(cn);
  for (const part of (cert.subjectAltName ?? '').split(/,\s*/)) {
    const m = /^(DNS|IP Address):(.+)$/.exec(part.trim());
    if (m?.[2] !== undefined) names.push(m[2]);
  }
  return names;
}

/** The key members `a` and `b` share: HKDF-SHA256 of X25519(own ephemeral, peer's), bound to the cluster and both ids and keys. */
export function derivePairKey(clusterId: string, me: { id: number; eph: Ephemeral }, peer: { id: number; eph: Buffer }): Buffer {
  const peerKey = createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: peer.eph.toString('base64url') }, format: 'jwk' });
  const shared = diffieHellman({ privateKey: me.eph.privateKey, publicKey: peerKey });
  const [lo, hi] = me.id < peer.id ? [me, { id: peer.id, eph: { publicKey: peer.eph } }] : [{ id: peer.id, eph: { publicKey: peer.eph } }, me];
  const info = Buffer.concat([Buffer.from(`${KEY_CONTEXT}\0${lo.id}\0${hi.id}\0`), lo.eph.publicKey, hi.eph.publicKey]);
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(clusterId), info, 32));
}
