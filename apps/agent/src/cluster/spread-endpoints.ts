/**
 * The order in which a client agent (no member of its own) tries the
 * cluster's endpoints: all of them, sorted, rotated by a hash of its
 * hostname. Every agent of a fleet would otherwise open its watch, its
 * keep-alive stream and its first full read of `/_mgmt/` on the first seed
 * it was given (usually the same one for all): a thousand agents on one
 * member while the others idle. Spread this way, each member serves about
 * its share, and a given host always prefers the same member. Pure.
 */

/** FNV-1a, 32 bits: a cheap, stable hash of the hostname. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** `urls` without duplicates, sorted and rotated so that hosts spread evenly over them. */
export function spreadEndpoints(hostname: string, urls: readonly string[]): string[] {
  const unique = [...new Set(urls)].sort();
  if (unique.length < 2) return unique;
  const start = hash(hostname) % unique.length;
  return [...unique.slice(start), ...unique.slice(0, start)];
}
