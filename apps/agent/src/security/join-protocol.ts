/**
 * The join protocol of the token PKI, as pure functions (no I/O, no clock,
 * no randomness: nonces come in as arguments).
 *
 * A joiner knows the token; a seed (any member) knows the token, the cluster
 * CA certificate and its key. Over a TLS connection whose certificate the
 * joiner cannot verify yet:
 *
 * 1. joiner -> seed `hello`: a fresh nonce `nJ`.
 *    seed -> joiner: a fresh nonce `nS` and the CA certificate. Nothing that
 *    depends on the token has been sent either way.
 * 2. The joiner computes `fp` = SHA-256 of the CA certificate (DER) and the
 *    key `K = scrypt(token, "mgmt-join-v1" | fp)`. joiner -> seed `join`:
 *    its host name, the names it wants in its certificate, its public key
 *    and `proofJ = HMAC(K, "request" | nJ | nS | fp | name | names | key)`.
 * 3. The seed derives `K` from its own token and its own CA's `fp` and checks
 *    `proofJ`. A wrong token, or a man in the middle that showed the joiner
 *    another CA (so another `fp`), fails here: the seed answers "token
 *    refused" and writes nothing. Else it signs a certificate for the
 *    joiner's key and answers it with `proofS = HMAC(K, "accept" | nJ | nS |
 *    fp | certificate)`.
 * 4. The joiner checks `proofS`: only a holder of the token bound to this CA
 *    can make it, so the CA it keeps is the cluster's. From then on every
 *    connection verifies the cluster CA, with client certificates.
 *
 * What it does not do (see the README's Security section): the token is not
 * a PAKE password. Whoever the joiner dials (or anyone who dials a seed and
 * gets to step 3) holds an HMAC keyed by the token and can guess weak tokens
 * offline; scrypt makes each guess cost ~50 ms, and seeds bound refused joins.
 * Use a long random token (`mgmt token` prints the cluster's).
 */
import { createHash, createHmac, scryptSync, timingSafeEqual, X509Certificate } from 'node:crypto';

/** Protocol version, in every derived key and proof. */
export const JOIN_PROTOCOL = 'mgmt-join-v1';
/** scrypt cost: N=2^14, r=8 (16 MiB, tens of milliseconds per guess). */
export const JOIN_SCRYPT = { N: 1 << 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
/** Bounds on what a joiner may ask for. */
export const MAX_CERT_NAMES = 32;
export const NONCE_BYTES = 32;

/** The joiner's request (step 2), without its proof. */
export interface JoinRequest {
  joinerNonce: Buffer;
  seedNonce: Buffer;
  hostname: string;
  /** DNS names and IP addresses for the certificate's subject alternative names. */
  names: string[];
  /** SPKI PEM of the key the certificate is for. */
  publicKeyPem: string;
}

/** SHA-256 fingerprint (hex) of a PEM certificate's DER bytes. */
export function caFingerprint(caCertPem: string | Buffer): string {
  return createHash('sha256').update(new X509Certificate(caCertPem).raw).digest('hex');
}

/** The scrypt salt of a cluster: the protocol and the CA's fingerprint (so a guess is for one cluster only). */
export function joinKeySalt(fingerprint: string): string {
  return `${JOIN_PROTOCOL}|${fingerprint}`;
}

/** The key both sides derive from the token and the cluster CA's fingerprint. */
export function deriveJoinKey(token: string, fingerprint: string): Buffer {
  return scryptSync(token.normalize('NFC'), joinKeySalt(fingerprint), 32, JOIN_SCRYPT);
}

/** Length-prefixed concatenation, so no two field lists give the same bytes. */
function transcript(label: string, fields: ReadonlyArray<Buffer | string>): Buffer {
  const parts: Buffer[] = [];
  for (const f of [JOIN_PROTOCOL, label, ...fields]) {
    const b = typeof f === 'string' ? Buffer.from(f, 'utf8') : f;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.byteLength);
    parts.push(len, b);
  }
  return Buffer.concat(parts);
}

function mac(key: Buffer, label: string, fields: ReadonlyArray<Buffer | string>): Buffer {
  return createHmac('sha256', key).update(transcript(label, fields)).digest();
}

function same(a: Buffer, b: Buffer): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

/** The joiner's proof that it knows the token, bound to the CA it was shown and to everything it asks for. */
export function joinerProof(key: Buffer, fingerprint: string, r: JoinRequest): Buffer {
  return mac(key, 'request', [r.joinerNonce, r.seedNonce, fingerprint, r.hostname, r.names.join('\n'), r.publicKeyPem]);
}

/** The seed's proof that it knows the token and vouches for the CA and the certificate it returns. */
export function seedProof(key: Buffer, fingerprint: string, r: Pick<JoinRequest, 'joinerNonce' | 'seedNonce'>, certPem: string): Buffer {
  return mac(key, 'accept', [r.joinerNonce, r.seedNonce, fingerprint, certPem]);
}

/** Whether `proof` is the joiner's proof for `r` under `key`. */
export function checkJoinerProof(key: Buffer, fingerprint: string, r: JoinRequest, proof: Buffer): boolean {
  return same(joinerProof(key, fingerprint, r), proof);
}

/** Whether `proof` is the seed's proof for the certificate under `key`. */
export function checkSeedProof(key: Buffer, fingerprint: string, r: Pick<JoinRequest, 'joinerNonce' | 'seedNonce'>, certPem: string, proof: Buffer): boolean {
  return same(seedProof(key, fingerprint, r, certPem), proof);
}

/** Why a join request cannot be served as asked (bounds and shapes), or undefined. */
export function requestProblem(r: JoinRequest): string | undefined {
  if (r.joinerNonce.byteLength !== NONCE_BYTES || r.seedNonce.byteLength !== NONCE_BYTES) return 'bad nonce';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/.test(r.hostname)) return 'bad host name';
  if (r.names.length > MAX_CERT_NAMES) return `more than ${MAX_CERT_NAMES} names`;
  if (r.names.some((n) => !/^[A-Za-z0-9.:_-]{1,253}$/.test(n))) return 'bad certificate name';
  if (r.publicKeyPem.length > 4096 || !r.publicKeyPem.startsWith('-----BEGIN PUBLIC KEY-----')) return 'bad public key';
  return undefined;
}
