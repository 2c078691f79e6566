/**
 * The joiner's side of the join protocol: asks a seed for a certificate,
 * proving it knows the token, and accepts the cluster CA only when the seed
 * proves it knows the token too (join-protocol.ts).
 */
import { randomBytes, X509Certificate, createPublicKey } from 'node:crypto';
import { credentials, makeGenericClientConstructor, status as GrpcStatus, type Client, type ServiceError } from '@grpc/grpc-js';
import type { KeyPair } from './cert-issuer.js';
import { NONCE_BYTES, caFingerprint, checkSeedProof, deriveJoinKey, joinerProof, type JoinRequest } from './join-protocol.js';
import { JoinService, TOKEN_REFUSED, openCaKey, type HelloResponseWire, type JoinRequestWire, type JoinResponseWire } from './join-service.js';
import type { TlsIdentity } from './agent-tls.js';

/** The seed refused the token (final: retrying with the same token cannot help). */
export class JoinRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JoinRefusedError';
  }
}

/** The seed could not be reached or answered with something other than a refusal (worth retrying). */
export class JoinUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JoinUnavailableError';
  }
}

/** What a join brings back. */
export interface JoinResult {
  caCertPem: string;
  certPem: string;
  /** Only when asked for by a member (`member` below). */
  caKeyPem?: string;
  /** The cluster key for NATS message authentication. */
  clusterSecret?: Buffer;
}

/** How to join. */
export interface JoinOptions {
  /** The seed's client URL (`https://host:port`). */
  seed: string;
  token: string;
  hostname: string;
  names: string[];
  keyPair: KeyPair;
  /** An agent that already belongs (renewal, or a member that comes for the CA key): its current certificate and the CA to verify the seed with. */
  member?: { identity: TlsIdentity; caCertPem: string };
  /** Ask for the CA key (members only; default: when `member` is given). */
  wantCaKey?: boolean;
  timeoutMs?: number;
}

const Ctor = makeGenericClientConstructor(JoinService, 'Join');
type Unary<Req, Res> = (req: Req, opts: { deadline: number }, cb: (err: ServiceError | null, res?: Res) => void) => void;

function call<Req, Res>(client: Client, name: 'Hello' | 'Join', req: Req, timeoutMs: number): Promise<Res> {
  const fn = (client as unknown as Record<string, Unary<Req, Res>>)[name]!;
  return new Promise((resolve, reject) => fn.call(client, req, { deadline: Date.now() + timeoutMs }, (err, res) => (err ? reject(err) : resolve(res as Res))));
}

/** Runs the protocol against one seed. */
export async function requestJoin(o: JoinOptions): Promise<JoinResult> {
  const target = o.seed.replace(/^https:\/\//, '');
  // Before the seed has proved itself there is no CA to verify it with: the proof does that job.
  const creds = o.member
    ? credentials.createSsl(Buffer.from(o.member.caCertPem), o.member.identity.key, o.member.identity.cert)
    : credentials.createSsl(null, null, null, { rejectUnauthorized: false, checkServerIdentity: () => undefined });
  const client = new Ctor(target, creds);
  const timeoutMs = o.timeoutMs ?? 10_000;
  try {
    const joinerNonce = randomBytes(NONCE_BYTES);
    let hello: HelloResponseWire;
    try {
      hello = await call<{ joinerNonce: string }, HelloResponseWire>(client, 'Hello', { joinerNonce: joinerNonce.toString('base64') }, timeoutMs);
    } catch (err) {
      throw new JoinUnavailableError(`seed ${o.seed} did not answer the join hello: ${(err as ServiceError).details || (err as Error).message}`, { cause: err });
    }
    const caCert = new X509Certificate(hello.caCert);
    if (!caCert.ca) throw new JoinUnavailableError(`seed ${o.seed} offered a CA certificate that is not a CA`);
    const fingerprint = caFingerprint(hello.caCert);
    const key = deriveJoinKey(o.token, fingerprint);
    const r: JoinRequest = { joinerNonce, seedNonce: Buffer.from(hello.seedNonce, 'base64'), hostname: o.hostname, names: o.names, publicKeyPem: o.keyPair.publicKeyPem };
    const wire: JoinRequestWire = {
      joinerNonce: joinerNonce.toString('base64'),
      seedNonce: hello.seedNonce,
      hostname: o.hostname,
      names: o.names,
      publicKey: o.keyPair.publicKeyPem,
      proof: joinerProof(key, fingerprint, r).toString('base64'),
      wantCaKey: o.wantCaKey ?? o.member !== undefined,
    };
    let res: JoinResponseWire;
    try {
      res = await call<JoinRequestWire, JoinResponseWire>(client, 'Join', wire, timeoutMs);
    } catch (err) {
      const e = err as ServiceError;
      if (e.code === GrpcStatus.PERMISSION_DENIED && e.details === TOKEN_REFUSED) throw new JoinRefusedError(`the seed ${o.seed} refused the join token`);
      if (e.code === GrpcStatus.PERMISSION_DENIED) throw new JoinRefusedError(`the seed ${o.seed} refused: ${e.details}`);
      throw new JoinUnavailableError(`seed ${o.seed}: ${e.details || e.message}`, { cause: err });
    }
    if (!checkSeedProof(key, fingerprint, r, res.cert, Buffer.from(res.proof, 'base64'))) {
      // Whoever answered does not know the token: not the cluster (or a man in the middle).
      throw new JoinRefusedError(`the seed ${o.seed} could not prove it knows the token: it is not the cluster's`);
    }
    const cert = new X509Certificate(res.cert);
    if (!cert.verify(caCert.publicKey) || !createPublicKey(o.keyPair.publicKeyPem).equals(cert.publicKey)) {
      throw new JoinRefusedError(`the seed ${o.seed} returned a certificate that is not for this key or not from its CA`);
    }
    return {
      caCertPem: hello.caCert,
      certPem: res.cert,
      caKeyPem: res.caKey ? openCaKey(key, r, res.caKey) : undefined,
      clusterSecret: res.clusterSecret ? Buffer.from(openCaKey(key, r, res.clusterSecret), 'base64') : undefined,
    };
  } finally {
    client.close();
  }
}
