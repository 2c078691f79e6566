/**
 * Auth on etcd's concurrency services, as etcd 3.4's v3lock and v3election
 * servers get it (they call the KV API with the caller's credentials): a
 * lock or a campaign writes under its name's prefix, so it needs write on
 * that prefix; unlock, proclaim and resign write the caller's own key;
 * leader and observe read the name's prefix.
 */
import type { Check, ServerAuth } from '../auth-guard.js';

/** The smallest key after every key with `prefix` (empty: no end), on bytes. */
function prefixEndBytes(prefix: Uint8Array): Uint8Array {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const byte = prefix[i] ?? 0xff;
    if (byte < 0xff) {
      const end = prefix.slice(0, i + 1);
      end[i] = byte + 1;
      return end;
    }
  }
  return new Uint8Array([0]);
}

function bytesOf(value: unknown): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(0);
}

type Req = { name?: unknown; key?: unknown; leader?: { key?: unknown } | null };

/** The checks of v3lockpb.Lock and v3electionpb.Election. */
export function concurrencyChecks(auth: ServerAuth): { lock: Record<string, Check>; election: Record<string, Check> } {
  const a = auth.authorizer;
  const onPrefix = (kind: 'read' | 'write') => (user: string, req: unknown) => {
    const name = bytesOf((req as Req).name);
    a.checkRange(user, name, prefixEndBytes(name), kind);
  };
  const onKey = (pick: (r: Req) => unknown) => (user: string, req: unknown) => a.checkRange(user, bytesOf(pick(req as Req)), undefined, 'write');
  return {
    lock: { Lock: onPrefix('write'), Unlock: onKey((r) => r.key) },
    election: {
      Campaign: onPrefix('write'),
      Proclaim: onKey((r) => r.leader?.key),
      Resign: onKey((r) => r.leader?.key),
      Leader: onPrefix('read'),
      Observe: onPrefix('read'),
    },
  };
}
