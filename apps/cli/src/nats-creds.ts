/**
 * A NATS credentials file (`--nats-creds`), checked before anything
 * connects: a user JWT block and a user NKEY seed block, as `nsc` writes
 * them:
 *
 *   -----BEGIN NATS USER JWT-----
 *   eyJ0eXAiOiJKV1QiLCJhbGciOiJlZDI1NTE5LW5rZXkifQ.eyJ...
 *   ------END NATS USER JWT------
 *   ...
 *   -----BEGIN USER NKEY SEED-----
 *   SUA...
 *   ------END USER NKEY SEED------
 *
 * The JWT must be a user JWT (header `ed25519-nkey`), signed by the account
 * that issued it, not expired; the seed must be a user seed whose public key
 * is the JWT's subject. The nats client then connects with the file as it
 * is (credsAuthenticator). Pure: text in, a result or the one problem out.
 */
import { createRequire } from 'node:module';
import type * as Nats from 'nats';

/** nats's nkeys, loaded when a creds file is first checked (the nats package is ~6 MB a client agent never needs). */
function nkeys(): typeof Nats.nkeys {
  return (createRequire(import.meta.url)('nats') as typeof Nats).nkeys;
}

/** What a valid credentials file holds. */
export interface NatsCreds {
  /** The user's public NKEY (`U...`), the JWT's subject. */
  user: string;
  /** The account that issued the JWT (`A...`). */
  account: string;
  /** The JWT's `name`, if any. */
  name?: string;
  /** When the JWT expires (ms since the epoch), if it does. */
  expiresAtMs?: number;
}

const BLOCK = /-{3,}\s*BEGIN ([A-Z ]+?)\s*-{3,}\r?\n([\s\S]*?)\r?\n\s*-{3,}\s*END \1\s*-{3,}/g;

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The credentials of `text`, or why it is not a usable NATS credentials file. */
export function parseNatsCreds(text: string, nowMs: number): NatsCreds | string {
  const blocks = new Map<string, string>();
  for (const m of text.matchAll(BLOCK)) blocks.set(m[1]!, m[2]!.trim());
  const jwt = blocks.get('NATS USER JWT');
  const seed = blocks.get('USER NKEY SEED');
  if (jwt === undefined) return 'is not a NATS credentials file (no user JWT block)';
  if (seed === undefined) return 'has no user NKEY seed block';

  const parts = jwt.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) return 'the user JWT is not a JWT (three base64url parts)';
  const header = decodePart(parts[0]!);
  const claims = decodePart(parts[1]!);
  if (header === undefined || claims === undefined) return 'the user JWT does not decode';
  if (header.alg !== 'ed25519-nkey' && header.alg !== 'ed25519') return `the user JWT is signed with ${JSON.stringify(header.alg)}, not ed25519-nkey`;
  const nats = claims.nats as Record<string, unknown> | undefined;
  const type = nats?.type ?? claims.type;
  if (type !== 'user') return `the JWT is a ${JSON.stringify(type)} JWT, not a user JWT`;
  const sub = claims.sub;
  const iss = claims.iss;
  if (typeof sub !== 'string' || !sub.startsWith('U')) return 'the user JWT names no user (sub)';
  if (typeof iss !== 'string' || !iss.startsWith('A')) return 'the user JWT names no issuing account (iss)';
  try {
    const signature = Buffer.from(parts[2]!, 'base64url');
    if (!nkeys().fromPublic(iss).verify(Buffer.from(`${parts[0]}.${parts[1]}`), signature)) return `the user JWT's signature does not check against its account ${iss}`;
  } catch {
    return `the user JWT's issuer ${iss} is not an account NKEY`;
  }
  const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  if (exp !== undefined && exp <= nowMs) return `the user JWT expired at ${new Date(exp).toISOString()}`;

  let publicKey: string;
  try {
    publicKey = nkeys().fromSeed(Buffer.from(seed)).getPublicKey();
  } catch {
    return 'the NKEY seed is not a valid seed';
  }
  if (!publicKey.startsWith('U')) return 'the NKEY seed is not a user seed (SU...)';
  if (publicKey !== sub) return `the NKEY seed is for ${publicKey}, not the JWT's user ${sub}`;
  return { user: sub, account: iss, name: typeof claims.name === 'string' ? claims.name : undefined, expiresAtMs: exp };
}
