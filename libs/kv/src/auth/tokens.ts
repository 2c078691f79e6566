/**
 * Simple tokens (etcd's default kind) that every member accepts: a token
 * names its user, the user's revision (of creation or last password
 * change), when it expires, and an HMAC under the secret of the current
 * enabling of auth, which is replicated state. So a token issued by one
 * member is valid on all of them and survives a leader change; disabling
 * auth (a new secret at the next enable), deleting the user or changing the
 * password ends it, as etcd's simple tokens end. Unlike etcd's, nothing is
 * written to the log per Authenticate, and the TTL is fixed from issue
 * (etcd --auth-token-ttl, 300 s by default); clients authenticate again
 * when told `etcdserver: invalid auth token`, as they do with etcd.
 *
 * `userName.revision.expiresAtMs.mac`, the name in base64url.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** etcd's default --auth-token-ttl, in ms. */
export const DEFAULT_TOKEN_TTL_MS = 300_000;
/** Tokens remembered as verified. */
const VERIFIED_TOKENS_MAX = 10_000;

/** What a valid token says. */
export interface TokenClaims {
  readonly user: string;
  readonly userRevision: number;
  readonly expiresAtMs: number;
}

function mac(secret: Uint8Array, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, 18);
}

/** A token for `claims` under `secret`. */
export function issueToken(secret: Uint8Array, claims: TokenClaims): string {
  const body = `${Buffer.from(claims.user).toString('base64url')}.${claims.userRevision}.${claims.expiresAtMs}`;
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The claims of a token signed with `secret` (expiry not checked), or undefined. */
export function readToken(secret: Uint8Array, token: string): TokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 4 || secret.length === 0) return undefined;
  const body = parts.slice(0, 3).join('.');
  const given = Buffer.from(parts[3]!, 'base64url');
  const want = mac(secret, body);
  if (given.length !== want.length || !timingSafeEqual(given, want)) return undefined;
  const userRevision = Number(parts[1]);
  const expiresAtMs = Number(parts[2]);
  if (!Number.isSafeInteger(userRevision) || !Number.isSafeInteger(expiresAtMs)) return undefined;
  return { user: Buffer.from(parts[0]!, 'base64url').toString('utf8'), userRevision, expiresAtMs };
}

/** readToken with a bounded memory of verified tokens (per secret). */
export class TokenCache {
  private secret: Uint8Array = new Uint8Array(0);
  private readonly verified = new Map<string, TokenClaims>();

  read(secret: Uint8Array, token: string): TokenClaims | undefined {
    if (secret !== this.secret) {
      this.secret = secret;
      this.verified.clear();
    }
    const hit = this.verified.get(token);
    if (hit !== undefined) return hit;
    const claims = readToken(secret, token);
    if (claims === undefined) return undefined;
    if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, claims);
    return claims;
  }
}
