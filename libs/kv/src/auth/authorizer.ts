/**
 * Who may do what, for every API that serves the store (the gRPC server,
 * the HTTP gateway): the one place that turns a token or a client
 * certificate into a user, authenticates by password, and checks a user
 * against the replicated auth state.
 *
 *   const auth = new Authorizer(store, { readIndex: () => backend.readIndex() });
 *   const token = await auth.authenticate('alice', 'secret');        // or an EtcdError
 *   const user = await auth.identify({ token, commonName });          // '' = nobody
 *   auth.checkRange(user, key, rangeEnd, 'read');                     // or throws etcd's error
 */
import { Errors } from '../errors.js';
import type { KvStore } from '../store.js';
import type { PermissionKind } from './permissions.js';
import { PasswordVerifier } from './password.js';
import { DEFAULT_TOKEN_TTL_MS, TokenCache, issueToken } from './tokens.js';

/** Options of the Authorizer. */
export interface AuthorizerOptions {
  /** Resolves once this member has applied everything committed (Authenticate is linearizable, as etcd's). */
  readIndex?: () => Promise<void>;
  /** Token lifetime (etcd --auth-token-ttl; default 300 s). */
  tokenTtlMs?: number;
  /** The clock, in ms (default Date.now): only token expiry reads it. */
  now?: () => number;
}

/** How a caller shows who it is. */
export interface Credentials {
  /** The `token` metadata (from Authenticate). */
  readonly token?: string;
  /** The common name of a verified client certificate, used when there is no token (etcd --client-cert-auth). */
  readonly commonName?: string;
}

/** Authentication and permission checks over a store's auth state. */
export class Authorizer {
  private readonly passwords = new PasswordVerifier();
  private readonly tokens = new TokenCache();
  private readonly readIndex: () => Promise<void>;
  private readonly tokenTtlMs: number;
  private readonly now: () => number;

  constructor(
    readonly store: KvStore,
    options: AuthorizerOptions = {},
  ) {
    this.readIndex = options.readIndex ?? (async () => {});
    this.tokenTtlMs = options.tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Whether auth is on at this member. */
  get enabled(): boolean {
    return this.store.auth.enabled;
  }

  /** A token for `name` after checking its password; etcd's errors otherwise. */
  async authenticate(name: string, password: string): Promise<string> {
    await this.readIndex();
    const auth = this.store.auth;
    if (!auth.enabled) throw Errors.authNotEnabled();
    const user = auth.user(name);
    if (user === undefined) throw Errors.authFailed();
    if (user.noPassword) throw Errors.noPasswordUser();
    if (!(await this.passwords.verify(name, password, user.passwordHash))) throw Errors.authFailed();
    // The user may have changed while the hash was computed.
    const now = auth.user(name);
    if (!auth.enabled || now === undefined || now.revision !== user.revision) throw Errors.authFailed();
    return issueToken(auth.tokenSecret, { user: name, userRevision: user.revision, expiresAtMs: this.now() + this.tokenTtlMs });
  }

  /**
   * The user a call is made for: the token's, else the certificate's common
   * name, else '' (nobody). Always '' while auth is off. A token that is not
   * valid here gives etcd's `invalid auth token` (after one catch-up with
   * the log, for a token issued by a member that is ahead of this one).
   */
  async identify(credentials: Credentials): Promise<string> {
    if (!this.enabled) return '';
    if (credentials.token !== undefined && credentials.token !== '') {
      const user = this.tokenUser(credentials.token);
      if (user !== undefined) return user;
      await this.readIndex();
      const again = this.tokenUser(credentials.token);
      if (again === undefined) throw Errors.invalidAuthToken();
      return again;
    }
    return credentials.commonName ?? '';
  }

  /**
   * Throws etcd's `invalid auth token` unless `token` (the one `user` was
   * identified by when the call arrived) is still valid here. A linearizable
   * read calls it after its read barrier: the member may have applied a
   * password change, a user's deletion or auth turned off and on meanwhile
   * (etcd compares the token's auth revision after the barrier too).
   */
  checkToken(token: string | undefined, user: string): void {
    if (!this.enabled || token === undefined || token === '') return;
    if (this.tokenUser(token) !== user) throw Errors.invalidAuthToken();
  }

  private tokenUser(token: string): string | undefined {
    const auth = this.store.auth;
    if (!auth.enabled) return '';
    const claims = this.tokens.read(auth.tokenSecret, token);
    if (claims === undefined || claims.expiresAtMs <= this.now()) return undefined;
    if (auth.user(claims.user)?.revision !== claims.userRevision) return undefined;
    return claims.user;
  }

  /** Throws etcd's error unless `user` may do `kind` on (key, rangeEnd) (built-in users included). */
  checkRange(user: string, key: Uint8Array | null | undefined, rangeEnd: Uint8Array | null | undefined, kind: PermissionKind): void {
    this.store.auth.checkRange(user, key, rangeEnd, kind, true);
  }

  /** Throws etcd's error unless `user` holds the root role (nothing while auth is off). */
  checkAdmin(user: string): void {
    this.store.auth.checkAdmin(user);
  }
}
