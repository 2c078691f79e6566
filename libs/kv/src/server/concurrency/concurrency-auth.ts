/**
 * Auth on etcd's concurrency services, as etcd 3.4's v3lock and v3election
 * servers get it: they call the KV API through clientv3 with the caller's
 * token, so each call needs what its KV calls need (etcd's checkTxnAuth
 * checks a txn's compares and both of its branches):
 * - Lock and Campaign run a txn on the caller's key `<name>/<lease hex>`
 *   (compare and get: read; put: write) that also reads the prefix
 *   `<name>/`: write on the key and read on the prefix;
 * - Unlock deletes the key: write on it;
 * - Proclaim and Resign run a txn on the leader's key (compare: read; put
 *   or delete: write): read and write on it;
 * - Leader and Observe read the prefix `<name>/`; Observe, refused, ends
 *   the stream with no error and no message, as etcd's does (its observer
 *   stops when its first read fails).
 * clientv3 hands the server's error back to the service, which returns it
 * as a plain error: gRPC code UNKNOWN, etcd's text (asConcurrencyError).
 * One approximation: etcd's Campaign reads the prefix after its put; we
 * check both before, so a user who may write the key but not read the
 * prefix leaves no key behind (etcd's would until its lease ends).
 */
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { guard, identifyCall, type Check, type ServerAuth } from '../auth-guard.js';
import { EtcdError, GrpcCode } from '../../errors.js';

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

/** `<name>/`, the prefix clientv3's Mutex and Election use. */
function prefixOf(name: Uint8Array): Uint8Array {
  return Buffer.concat([name, Buffer.from('/')]);
}

type Req = { name?: unknown; key?: unknown; lease?: unknown; leader?: { key?: unknown } | null };

/** The checks of v3lockpb.Lock and v3electionpb.Election. */
export function concurrencyChecks(auth: ServerAuth): { lock: Record<string, Check>; election: Record<string, Check> } {
  const a = auth.authorizer;
  const readPrefix = (user: string, req: unknown) => {
    const prefix = prefixOf(bytesOf((req as Req).name));
    a.checkRange(user, prefix, prefixEndBytes(prefix), 'read');
  };
  /** Lock and Campaign: write the caller's key `<name>/<lease hex>`, read `<name>/`. */
  const contend = (user: string, req: unknown) => {
    const r = req as Req;
    const key = Buffer.concat([prefixOf(bytesOf(r.name)), Buffer.from(BigInt(String(r.lease ?? 0)).toString(16))]);
    a.checkRange(user, key, undefined, 'write');
    readPrefix(user, req);
  };
  const writeKey = (user: string, req: unknown) => a.checkRange(user, bytesOf((req as Req).key), undefined, 'write');
  const readWriteLeader = (user: string, req: unknown) => {
    const key = bytesOf((req as Req).leader?.key);
    a.checkRange(user, key, undefined, 'read');
    a.checkRange(user, key, undefined, 'write');
  };
  return {
    lock: { Lock: contend, Unlock: writeKey },
    election: { Campaign: contend, Proclaim: readWriteLeader, Resign: readWriteLeader, Leader: readPrefix, Observe: readPrefix },
  };
}

/** The services' errors as etcd's reach their callers: code UNKNOWN, the same text. */
export function asConcurrencyError(error: unknown): unknown {
  return error instanceof EtcdError ? new EtcdError(GrpcCode.UNKNOWN, error.message) : error;
}

/** The election service guarded, with a refused Observe ended quietly as etcd ends it. */
export function guardElection(handlers: UntypedServiceImplementation, auth: ServerAuth): UntypedServiceImplementation {
  const checks = concurrencyChecks(auth).election;
  const observe = handlers['Observe'] as unknown as (call: { request: unknown; metadata: never; end(): void }) => void;
  const quietObserve = (call: Parameters<typeof observe>[0]) => {
    if (!auth.authorizer.enabled) return observe(call);
    identifyCall(auth, call)
      .then((user) => checks['Observe']!(user, call.request))
      .then(
        () => observe(call),
        () => call.end(),
      );
  };
  return { ...guard(handlers, auth, checks, asConcurrencyError), Observe: quietObserve as unknown as UntypedServiceImplementation[string] };
}
