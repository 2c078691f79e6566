/**
 * Enforcement of auth on the etcd API, as etcd 3.4 does it, in one place:
 * each guarded method first learns who calls (the `token` metadata, else
 * the common name of a verified client certificate when the server was
 * told to trust those), then runs the method's check. The handler finds
 * the caller with `callerOf(call)` (KV writes carry the user into the log,
 * where apply checks it again: see auth/command-permission.ts).
 *
 * etcd 3.4's rules:
 * - KV: range read on its range (checked by the handler after its read
 *   barrier); put, delete range, txn and compaction's callers are checked
 *   at apply; a caller with no user gets `user name is empty` before
 *   anything is proposed.
 * - Lease: grant, time-to-live and list need no permission; revoke needs
 *   write on every attached key.
 * - Watch: read on the range when the watcher is created (else the watch
 *   is created canceled with `permission denied`).
 * - Cluster: add, remove, update, promote need root (an mgmt agent may
 *   update its own member: clusterChecks); list does not.
 * - Maintenance: defragment, hash, hash-kv, snapshot, move-leader need
 *   root (etcd answers auth's plain error, code UNKNOWN); status and alarm
 *   do not.
 * - Auth: the auth service's own rules (auth-service.ts).
 * A token that is not valid gives `etcdserver: invalid auth token`.
 */
import type { Metadata, ServerErrorResponse, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { PeerCertificate } from 'node:tls';
import { checkCommandPermitted, checkLeaseKeys } from '../auth/command-permission.js';
import type { Authorizer, Credentials } from '../auth/authorizer.js';
import { EtcdError, GrpcCode } from '../errors.js';
import type { Command } from '../types.js';
import { toStatus } from './rpc.js';

/** Auth on the server: the authorizer, and whether a client certificate's CN names the user. */
export interface ServerAuth {
  readonly authorizer: Authorizer;
  /** etcd --client-cert-auth: a verified client certificate's common name is the user when no token is sent. */
  readonly certCommonNameIsUser: boolean;
}

/** What a guarded call looks like: metadata, its TLS peer and (unary) its request. */
interface GuardedCall {
  readonly metadata: Metadata;
  readonly request?: unknown;
  getAuthContext?: () => { sslPeerCertificate?: PeerCertificate };
}

const CALLER = Symbol('mgmt.authCaller');
const IMPLICIT = Symbol('mgmt.authCallerImplicit');

/** The user a guarded call was identified as ('' for nobody, or auth off). */
export function callerOf(call: object): string {
  return (call as { [CALLER]?: string })[CALLER] ?? '';
}

/**
 * The caller as a command's `authUser`, for apply to check again (nothing
 * when there is none, and for a built-in user: the guard checked those, as
 * apply knows only the users the store holds).
 */
export function authUserOf(call: object): Pick<Command, 'authUser'> {
  const user = callerOf(call);
  return user === '' || (call as { [IMPLICIT]?: boolean })[IMPLICIT] ? {} : { authUser: user };
}

/** The token a call was sent with (`token`, or a gateway's `authorization`), if any. */
export function tokenOf(call: { readonly metadata: Metadata }): string | undefined {
  const token = call.metadata.get('token')[0] ?? call.metadata.get('authorization')[0];
  return token === undefined ? undefined : String(token);
}

/** A call's credentials: the `token` (or gateway `authorization`) metadata and the client certificate's CN. */
export function credentialsOf(call: GuardedCall, certCommonNameIsUser: boolean): Credentials {
  const token = tokenOf(call);
  const cert = certCommonNameIsUser ? call.getAuthContext?.().sslPeerCertificate : undefined;
  const cn = cert?.subject?.CN;
  return { ...(token === undefined ? {} : { token }), ...(typeof cn === 'string' ? { commonName: cn } : {}) };
}

/** Identifies a call and remembers the user on it. */
export async function identifyCall(auth: ServerAuth, call: GuardedCall): Promise<string> {
  const user = await auth.authorizer.identify(credentialsOf(call, auth.certCommonNameIsUser));
  (call as { [CALLER]?: string })[CALLER] = user;
  (call as { [IMPLICIT]?: boolean })[IMPLICIT] = auth.authorizer.store.auth.isImplicitUser(user);
  return user;
}

/** A check run after the caller is known; throws (or rejects with) etcd's error to refuse. */
export type Check = (user: string, request: unknown) => void | Promise<void>;

type Handler = (call: GuardedCall & { emit?: (event: string, error: ServerErrorResponse) => void }, callback?: (error: ServerErrorResponse | null) => void) => void;

/**
 * `handlers` with each method of `checks` guarded: identify, check, then
 * the handler; a refusal is the call's status (unary) or its stream's error.
 * Methods without a check are still identified (a bad token is refused).
 */
export function guard(handlers: UntypedServiceImplementation, auth: ServerAuth, checks: Record<string, Check | undefined>, mapError: (e: unknown) => unknown = (e) => e): UntypedServiceImplementation {
  const out: UntypedServiceImplementation = {};
  for (const [name, handler] of Object.entries(handlers)) {
    const check = checks[name];
    const h = handler as unknown as Handler;
    out[name] = ((call: Parameters<Handler>[0], callback?: Parameters<Handler>[1]) => {
      if (!auth.authorizer.enabled) return h(call, callback);
      identifyCall(auth, call)
        .then((user) => check?.(user, call.request))
        .then(
          () => h(call, callback),
          (error: unknown) => refuse(call, callback, mapError(error)),
        );
    }) as unknown as UntypedServiceImplementation[string];
  }
  return out;
}

function refuse(call: Parameters<Handler>[0], callback: Parameters<Handler>[1], error: unknown): void {
  if (callback) callback(toStatus(error));
  else call.emit?.('error', toStatus(error));
}

/** Maintenance answers auth's own error text with code UNKNOWN, as etcd 3.4's maintenance server does. */
export function asMaintenanceError(error: unknown): unknown {
  if (error instanceof EtcdError && error.message.startsWith('etcdserver: ')) return new EtcdError(GrpcCode.UNKNOWN, `auth: ${error.message.slice('etcdserver: '.length)}`);
  return error;
}

/**
 * The checks of the KV service's writes: a caller with no user is refused
 * before proposing, a built-in user is checked here; the users the store
 * holds are checked at apply.
 */
export function kvChecks(auth: ServerAuth): Record<string, Check> {
  const store = auth.authorizer.store;
  const write = (command: Command) => (user: string) => {
    if (user === '' || store.auth.isImplicitUser(user)) checkCommandPermitted(store.auth, store.leases, user, command, true);
  };
  return {
    Put: (user, req) => write({ put: req as Command['put'] })(user),
    DeleteRange: (user, req) => write({ deleteRange: req as Command['deleteRange'] })(user),
    Txn: (user, req) => write({ txn: req as Command['txn'] })(user),
  };
}

/** The checks of the Lease service: revoke needs write on the lease's keys. */
export function leaseChecks(auth: ServerAuth): Record<string, Check> {
  const store = auth.authorizer.store;
  return {
    LeaseRevoke: (user, req) => checkLeaseKeys(store.auth, store.leases, user, (req as { ID?: number }).ID ?? 0, true),
  };
}

/** Root required for the listed methods. */
export function adminChecks(auth: ServerAuth, methods: readonly string[]): Record<string, Check> {
  const admin: Check = (user) => auth.authorizer.checkAdmin(user);
  return Object.fromEntries(methods.map((m) => [m, admin]));
}

/**
 * The Cluster service's checks: root for add, remove, update and promote;
 * besides, a built-in user (an mgmt agent, by its certificate) may update
 * the peer URLs of the member that bears its name (a member restarted on a
 * new address does so).
 */
export function clusterChecks(auth: ServerAuth, members: () => Promise<ReadonlyArray<{ id: number; name: string }>>): Record<string, Check> {
  const checks = adminChecks(auth, ['MemberAdd', 'MemberRemove', 'MemberUpdate', 'MemberPromote']);
  checks['MemberUpdate'] = async (user, req) => {
    const store = auth.authorizer.store;
    if (store.auth.isImplicitUser(user)) {
      const id = (req as { ID?: number }).ID ?? 0;
      if ((await members()).some((m) => m.id === id && m.name === user)) return;
    }
    auth.authorizer.checkAdmin(user);
  };
  return checks;
}
