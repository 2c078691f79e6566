/**
 * The join service of the token PKI (`mgmt.join.v1.Join`), served on a
 * member's `https://` client URLs beside the etcd API, and its client. The
 * protocol itself is in join-protocol.ts; this file moves its messages over
 * gRPC (JSON bodies, binary fields in base64) and keeps the seed's bounded
 * state: pending hello nonces and a budget of refused joins.
 *
 * - `Hello {joinerNonce}` -> `{seedNonce, caCert}`
 * - `Join {joinerNonce, seedNonce, hostname, names, publicKey, proof, wantCaKey}`
 *   -> `{cert, proof, caKey?}`; PERMISSION_DENIED "join token refused" on a
 *   bad proof. `caKey` (the CA key sealed with the token-derived key) only
 *   for a caller whose client certificate names a current member: the CA
 *   key goes to members, never to a joiner that is only a client.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { status as GrpcStatus, type MethodDefinition, type Server, type ServerUnaryCall, type sendUnaryData } from '@grpc/grpc-js';
import { certificateNames } from '@mgmt/transport';
import type { Logger } from '../log.js';
import { ADMIN_COMMON_NAME, ROOT_HOSTNAME_REFUSED } from './admin-credential.js';
import { issueCertificate, type CaMaterial } from './cert-issuer.js';
import { JOIN_PROTOCOL, NONCE_BYTES, caFingerprint, checkJoinerProof, joinKeySalt, JOIN_SCRYPT, requestProblem, seedProof, type JoinRequest } from './join-protocol.js';

/** What a member needs to admit joiners. */
export interface JoinSigner {
  /** The cluster's current join token (`mgmt token rotate` changes it on every member). */
  token: string;
  caCertPem: string;
  /** The CA key; absent on a member that has not fetched it yet (it then refuses joins as unavailable). */
  caKeyPem?: string;
  /** The cluster key that authenticates Raft messages on NATS; given to every joiner (each knows the token anyway). */
  clusterSecret?: Buffer;
  /** Fetches the CA key from a member (through the seeds), for a host that became a member without it. */
  fetchCaKey?: () => Promise<string | undefined>;
}

/** Wire messages (JSON; Buffers as base64 strings). */
export interface HelloRequestWire {
  joinerNonce: string;
}
export interface HelloResponseWire {
  seedNonce: string;
  caCert: string;
}
export interface JoinRequestWire {
  joinerNonce: string;
  seedNonce: string;
  hostname: string;
  names: string[];
  publicKey: string;
  proof: string;
  wantCaKey?: boolean;
}
export interface JoinResponseWire {
  cert: string;
  proof: string;
  caKey?: { iv: string; data: string; tag: string };
  /** The cluster key (base64), sealed like the CA key. */
  clusterSecret?: { iv: string; data: string; tag: string };
}

/** The message a refused token gets, on both sides. */
export const TOKEN_REFUSED = 'join token refused';

const json = {
  serialize: (value: unknown): Buffer => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8')),
};
function method<Req, Res>(name: string): MethodDefinition<Req, Res> {
  return {
    path: `/mgmt.join.v1.Join/${name}`,
    requestStream: false,
    responseStream: false,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize as (b: Buffer) => Req,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize as (b: Buffer) => Res,
  };
}

/** The service definition (also used by the client). */
export const JoinService = {
  Hello: method<HelloRequestWire, HelloResponseWire>('Hello'),
  Join: method<JoinRequestWire, JoinResponseWire>('Join'),
};

/** Paths callable without a client certificate. */
export const JOIN_METHOD_PATHS: readonly string[] = Object.values(JoinService).map((m) => m.path);

const PENDING_MAX = 256;
const PENDING_TTL_MS = 60_000;
/** At most this many refused joins per minute per seed; more are turned away unanswered. */
const REFUSALS_PER_MINUTE = 20;

/** The key that seals the CA key for one join (never the join key itself). */
function sealKey(joinKey: Buffer, r: Pick<JoinRequest, 'joinerNonce' | 'seedNonce'>): Buffer {
  return Buffer.from(hkdfSync('sha256', joinKey, Buffer.concat([r.joinerNonce, r.seedNonce]), `${JOIN_PROTOCOL}|ca-key`, 32));
}

/** Seals the CA key (or another secret) for the joiner (AES-256-GCM, a fresh IV each time). */
export function sealCaKey(joinKey: Buffer, r: Pick<JoinRequest, 'joinerNonce' | 'seedNonce'>, caKeyPem: string): NonNullable<JoinResponseWire['caKey']> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', sealKey(joinKey, r), iv);
  const data = Buffer.concat([cipher.update(caKeyPem, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), data: data.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Opens a sealed CA key; throws when it was not sealed with this key. */
export function openCaKey(joinKey: Buffer, r: Pick<JoinRequest, 'joinerNonce' | 'seedNonce'>, sealed: NonNullable<JoinResponseWire['caKey']>): string {
  const decipher = createDecipheriv('aes-256-gcm', sealKey(joinKey, r), Buffer.from(sealed.iv, 'base64'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
}

/** What the join service asks of its member. */
export interface JoinServiceChecks {
  /** Whether `hostname` is a member (the CA key is for members only). */
  isMember: (hostname: string) => boolean;
  /** Whether the certificate with this serial was revoked (default: none is). */
  isRevoked?: (serial: string) => boolean;
  /**
   * Brings `signer.token` up to the cluster's before a proof is checked
   * (join-token-follower.ts); a throw answers UNAVAILABLE (the joiner tries
   * again). Without it, `signer.token` is taken as it is.
   */
  currentToken?: () => Promise<void>;
}

/** Adds the join service to a member's client-URL server. */
export function addJoinService(server: Pick<Server, 'addService'>, signer: JoinSigner, log: Logger, checks: JoinServiceChecks): void {
  const { isMember, isRevoked = () => false } = checks;
  const fingerprint = caFingerprint(signer.caCertPem);
  // The seed's join key depends only on its token and CA: derived once per token, off the event loop.
  let derived: { token: string; key: Promise<Buffer> } | undefined;
  const joinKey = (): Promise<Buffer> => {
    if (derived?.token !== signer.token) {
      const token = signer.token;
      derived = { token, key: new Promise<Buffer>((resolve, reject) => scrypt(token.normalize('NFC'), joinKeySalt(fingerprint), 32, JOIN_SCRYPT, (err, key) => (err ? reject(err) : resolve(key)))) };
    }
    return derived.key;
  };
  const pending = new Map<string, { joinerNonce: string; expiresAtMs: number }>();
  const refusals: number[] = [];

  const hello = (call: ServerUnaryCall<HelloRequestWire, HelloResponseWire>, done: sendUnaryData<HelloResponseWire>): void => {
    const joinerNonce = Buffer.from(String(call.request?.joinerNonce ?? ''), 'base64');
    if (joinerNonce.byteLength !== NONCE_BYTES) return done({ code: GrpcStatus.INVALID_ARGUMENT, details: 'bad nonce' });
    const now = Date.now();
    for (const [k, v] of pending) if (v.expiresAtMs < now || pending.size >= PENDING_MAX) pending.delete(k);
    const seedNonce = randomBytes(NONCE_BYTES).toString('base64');
    pending.set(seedNonce, { joinerNonce: joinerNonce.toString('base64'), expiresAtMs: now + PENDING_TTL_MS });
    done(null, { seedNonce, caCert: signer.caCertPem });
  };

  const join = async (call: ServerUnaryCall<JoinRequestWire, JoinResponseWire>, done: sendUnaryData<JoinResponseWire>): Promise<void> => {
    const w = call.request;
    const now = Date.now();
    while (refusals.length > 0 && refusals[0]! < now - 60_000) refusals.shift();
    if (refusals.length >= REFUSALS_PER_MINUTE) return done({ code: GrpcStatus.RESOURCE_EXHAUSTED, details: 'too many refused joins; try again in a minute' });
    const shown = call.getAuthContext().sslPeerCertificate;
    if (shown !== undefined && isRevoked(shown.serialNumber)) return done({ code: GrpcStatus.PERMISSION_DENIED, details: 'the client certificate was revoked' });
    const seen = pending.get(String(w?.seedNonce ?? ''));
    if (!seen || seen.joinerNonce !== w.joinerNonce || seen.expiresAtMs < now) return done({ code: GrpcStatus.FAILED_PRECONDITION, details: 'unknown or expired hello; start again' });
    pending.delete(w.seedNonce);
    const r: JoinRequest = {
      joinerNonce: Buffer.from(w.joinerNonce, 'base64'),
      seedNonce: Buffer.from(w.seedNonce, 'base64'),
      hostname: String(w.hostname),
      names: Array.isArray(w.names) ? w.names.map(String) : [],
      publicKeyPem: String(w.publicKey),
    };
    const problem = requestProblem(r);
    if (problem) return done({ code: GrpcStatus.INVALID_ARGUMENT, details: problem });
    // A certificate named root would be the admin credential once auth is on (admin-credential.ts).
    if (r.hostname === ADMIN_COMMON_NAME) return done({ code: GrpcStatus.INVALID_ARGUMENT, details: ROOT_HOSTNAME_REFUSED });
    try {
      await checks.currentToken?.();
    } catch (err) {
      log.warn({ joiner: r.hostname, err: (err as Error).message }, 'join: the current join token could not be confirmed');
      return done({ code: GrpcStatus.UNAVAILABLE, details: 'cannot confirm the current join token; try again' });
    }
    const key = await joinKey();
    if (!checkJoinerProof(key, fingerprint, r, Buffer.from(String(w.proof), 'base64'))) {
      refusals.push(now);
      log.warn({ joiner: r.hostname, from: call.getPeer() }, `${TOKEN_REFUSED}: ${r.hostname} does not know the cluster's token (or was shown another CA)`);
      return done({ code: GrpcStatus.PERMISSION_DENIED, details: TOKEN_REFUSED });
    }
    if (!signer.caKeyPem) return done({ code: GrpcStatus.UNAVAILABLE, details: 'this member cannot sign yet; try another' });
    let caKey: JoinResponseWire['caKey'];
    if (w.wantCaKey) {
      const names = certificateNames(call.getAuthContext().sslPeerCertificate);
      if (!names.includes(r.hostname) || !isMember(r.hostname)) {
        return done({ code: GrpcStatus.PERMISSION_DENIED, details: `the CA key is for members; ${r.hostname} is not one (or its client certificate does not name it)` });
      }
      caKey = sealCaKey(key, r, signer.caKeyPem);
    }
    let cert: string;
    try {
      cert = await issueCertificate({ certPem: signer.caCertPem, keyPem: signer.caKeyPem } satisfies CaMaterial, r.publicKeyPem, r.hostname, r.names);
    } catch (err) {
      log.error({ err: (err as Error).message }, 'cannot issue a certificate');
      return done({ code: GrpcStatus.INTERNAL, details: 'the seed could not issue a certificate' });
    }
    log.info({ joiner: r.hostname, names: r.names, caKey: caKey !== undefined }, 'join admitted: certificate issued');
    const clusterSecret = signer.clusterSecret ? sealCaKey(key, r, signer.clusterSecret.toString('base64')) : undefined;
    done(null, { cert, proof: seedProof(key, fingerprint, r, cert).toString('base64'), caKey, clusterSecret });
  };

  server.addService(JoinService, {
    Hello: hello,
    Join: (call: ServerUnaryCall<JoinRequestWire, JoinResponseWire>, done: sendUnaryData<JoinResponseWire>) => void join(call, done),
  });
}
