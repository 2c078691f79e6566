/**
 * Password hashes with a deliberate cost, computed off the Raft apply path:
 * the member that receives UserAdd/UserChangePassword hashes before it
 * proposes (as etcd 3.5 does), and Authenticate verifies on the serving
 * member. scrypt runs on libuv's thread pool, so the event loop keeps
 * serving while a hash is computed.
 *
 * Verified passwords are remembered (a bounded set of SHA-256 digests of
 * name, password and stored hash), so a client that authenticates again
 * with the same credentials costs a digest, not an scrypt: the password
 * check does not become the bottleneck of Authenticate. A changed password
 * changes the stored hash, so an old entry never matches again.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters (N = 2^14, r = 8: 16 MiB and 50-110 ms per hash on this 2-core machine, about etcd's bcrypt cost 10). */
export const SCRYPT_COST = { N: 1 << 14, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** Verified credentials remembered. */
const VERIFIED_CACHE_ENTRIES = 4096;

function scryptAsync(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_BYTES, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Hashes a password: `scrypt$N$r$p$<salt>$<key>` (base64). */
export async function hashPassword(password: string, cost: { N: number; r: number; p: number } = SCRYPT_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `password` matches `hash` (false for anything that is not one of our hashes). */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parts = hash.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const key = await scryptAsync(password, Buffer.from(parts[4]!, 'base64'), { N, r, p });
  return timingSafeEqual(key, expected);
}

/** verifyPassword with a bounded memory of what it verified. */
export class PasswordVerifier {
  private readonly verified = new Map<string, true>();

  async verify(name: string, password: string, hash: string): Promise<boolean> {
    const digest = createHash('sha256').update(name).update('\0').update(password).update('\0').update(hash).digest('base64');
    if (this.verified.has(digest)) return true;
    if (!(await verifyPassword(password, hash))) return false;
    if (this.verified.size >= VERIFIED_CACHE_ENTRIES) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(digest, true);
    return true;
  }
}
