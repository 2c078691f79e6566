/**
 * The replicated auth state of the store (etcd's auth store): whether auth
 * is on, the auth revision, users with their password hashes and roles,
 * roles with their key-range permissions. Changed only by applying an
 * mgmtkv.AuthRequest from the log, deterministically (no clock, no
 * randomness, no hashing: the proposer hashed the password), with etcd
 * 3.4's checks, errors and revision rules: each change that does something
 * bumps the auth revision, never the KV revision; a no-op (enable when on,
 * granting a role the user has) bumps nothing.
 */
import { authpb, type mgmtkv } from '@mgmt/proto';
import { Errors } from '../errors.js';
import { covers, grants, permissionInterval, type KeyInterval, type Permission, type PermissionKind } from './permissions.js';

/** etcd's names for the user and role that may do everything. */
export const ROOT_USER = 'root';
export const ROOT_ROLE = 'root';

/** A user as the state keeps it. */
export interface AuthUser {
  readonly name: string;
  /** The proposer's password hash ('' with no password). */
  readonly passwordHash: string;
  readonly noPassword: boolean;
  /** Sorted, as etcd keeps them. */
  readonly roles: readonly string[];
  /** The auth revision of its creation or last password change: older tokens are refused. */
  readonly revision: number;
}

/** A role as the state keeps it; permissions sorted by key as etcd keeps them. */
export interface AuthRole {
  readonly name: string;
  readonly permissions: readonly Permission[];
}

type AuthRequest = mgmtkv.AuthRequest.$Properties;
type AuthSnapshot = mgmtkv.AuthSnapshot.$Properties;

const byteCompare = (a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): number => Buffer.compare(Buffer.from(a ?? []), Buffer.from(b ?? []));
const text = (b: Uint8Array | null | undefined): string => Buffer.from(b ?? []).toString('utf8');
const sameBytes = (a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): boolean => byteCompare(a, b) === 0;

/** The auth part of the store's state machine. */
export class AuthState {
  private enabledFlag = false;
  private revisionNumber = 0;
  private secret: Uint8Array = new Uint8Array(0);
  private readonly users = new Map<string, AuthUser>();
  private readonly roles = new Map<string, AuthRole>();
  /** Per user and kind, the merged intervals (etcd's rangePermCache); dropped at every change. */
  private readonly cache = new Map<string, KeyInterval[]>();

  /**
   * The permissions of a user the store does not hold (none by default, as
   * in etcd). mgmt's token PKI sets it so that each agent, known by the
   * common name of the certificate the cluster CA gave it, may write its
   * own keys without an entry per host (see apps/agent agent-identities.ts).
   * It is this member's policy, not replicated state: only the serving
   * member consults it (`implicit` below), never apply, and a command made
   * for such a user goes into the log without a user.
   */
  implicitUserPermissions: ((user: string) => readonly Permission[]) | undefined;

  get enabled(): boolean {
    return this.enabledFlag;
  }

  /** The auth revision (etcd's authRevision): bumped by every change. */
  get revision(): number {
    return this.revisionNumber;
  }

  /** The key of this enabling's tokens (empty while never enabled). */
  get tokenSecret(): Uint8Array {
    return this.secret;
  }

  user(name: string): AuthUser | undefined {
    return this.users.get(name);
  }

  role(name: string): AuthRole | undefined {
    return this.roles.get(name);
  }

  /** User names, sorted. */
  userNames(): string[] {
    return [...this.users.keys()].sort();
  }

  /** Role names, sorted. */
  roleNames(): string[] {
    return [...this.roles.keys()].sort();
  }

  /** Whether `name` holds the root role. */
  isRoot(name: string): boolean {
    return this.users.get(name)?.roles.includes(ROOT_ROLE) ?? false;
  }

  /** Whether `user` holds `role`. */
  hasRole(user: string, role: string): boolean {
    return this.users.get(user)?.roles.includes(role) ?? false;
  }

  /**
   * etcd's IsAdminPermitted: nothing to check while auth is off; else the
   * caller must be a user with the root role.
   */
  checkAdmin(user: string): void {
    if (!this.enabledFlag) return;
    if (user === '') throw Errors.userEmpty();
    const u = this.users.get(user);
    if (u === undefined) throw Errors.userNotFound();
    if (!u.roles.includes(ROOT_ROLE)) throw Errors.permissionDenied();
  }

  /** Whether `user` is one the store does not hold but the implicit policy knows. */
  isImplicitUser(user: string): boolean {
    return user !== '' && this.implicitUserPermissions !== undefined && !this.users.has(user);
  }

  /**
   * etcd's isOpPermitted: whether `user` may do `kind` on (key, rangeEnd).
   * Throws userEmpty without a user, permissionDenied otherwise. `implicit`:
   * a user the store does not hold gets the implicit policy's permissions
   * (the serving member's checks only).
   */
  checkRange(user: string, key: Uint8Array | null | undefined, rangeEnd: Uint8Array | null | undefined, kind: PermissionKind, implicit = false): void {
    if (!this.enabledFlag) return;
    if (user === '') throw Errors.userEmpty();
    const u = this.users.get(user);
    if (u === undefined) {
      if (!implicit) throw Errors.permissionDenied();
      const granted = this.implicitUserPermissions?.(user) ?? [];
      if (!covers(granted.filter((p) => grants(p, kind)).map(permissionInterval), key, rangeEnd)) throw Errors.permissionDenied();
      return;
    }
    if (u.roles.includes(ROOT_ROLE)) return;
    if (!covers(this.intervals(u, kind), key, rangeEnd)) throw Errors.permissionDenied();
  }

  private intervals(u: AuthUser, kind: PermissionKind): KeyInterval[] {
    const cacheKey = `${kind}\0${u.name}`;
    let merged = this.cache.get(cacheKey);
    if (merged === undefined) {
      merged = [];
      for (const r of u.roles) for (const p of this.roles.get(r)?.permissions ?? []) if (grants(p, kind)) merged.push(permissionInterval(p));
      this.cache.set(cacheKey, merged);
    }
    return merged;
  }

  /** Applies one change from the log. Throws EtcdError (and changes nothing) when etcd refuses it. */
  apply(req: AuthRequest): void {
    // Every change needs an administrator once auth is on (etcd's needAdminPermission).
    this.checkAdmin(req.user ?? '');
    if (req.enable) return this.enable(req.tokenSecret ?? new Uint8Array(0));
    if (req.disable) {
      if (!this.enabledFlag) return;
      this.enabledFlag = false;
      return this.bump();
    }
    if (req.userAdd) return this.userAdd(req.userAdd);
    if (req.userDelete) return this.userDelete(req.userDelete.name ?? '');
    if (req.userChangePassword) return this.userChangePassword(req.userChangePassword);
    if (req.userGrantRole) return this.userGrantRole(req.userGrantRole.user ?? '', req.userGrantRole.role ?? '');
    if (req.userRevokeRole) return this.userRevokeRole(req.userRevokeRole.name ?? '', req.userRevokeRole.role ?? '');
    if (req.roleAdd) return this.roleAdd(req.roleAdd.name ?? '');
    if (req.roleDelete) return this.roleDelete(req.roleDelete.role ?? '');
    if (req.roleGrantPermission) return this.roleGrantPermission(req.roleGrantPermission.name ?? '', req.roleGrantPermission.perm ?? {});
    if (req.roleRevokePermission) return this.roleRevokePermission(req.roleRevokePermission);
    throw Errors.badCommand();
  }

  private bump(): void {
    this.revisionNumber++;
    this.cache.clear();
  }

  private enable(secret: Uint8Array): void {
    if (this.enabledFlag) return;
    const root = this.users.get(ROOT_USER);
    if (root === undefined) throw Errors.rootUserNotExist();
    if (!root.roles.includes(ROOT_ROLE)) throw Errors.rootRoleNotExist();
    if (secret.length === 0) throw Errors.badCommand();
    this.enabledFlag = true;
    this.secret = Buffer.from(new Uint8Array(secret).buffer); // a copy of its own: `secret` is a view of the Raft entry
    this.bump();
  }

  private userAdd(r: NonNullable<AuthRequest['userAdd']>): void {
    const name = r.name ?? '';
    if (name === '') throw Errors.userEmpty();
    if (this.users.has(name)) throw Errors.userAlreadyExist();
    const noPassword = Boolean(r.options?.noPassword);
    this.bump();
    this.users.set(name, { name, passwordHash: noPassword ? '' : (r.hashedPassword ?? ''), noPassword, roles: [], revision: this.revisionNumber });
  }

  private userDelete(name: string): void {
    if (this.enabledFlag && name === ROOT_USER) throw Errors.invalidAuthMgmt();
    if (!this.users.has(name)) throw Errors.userNotFound();
    this.users.delete(name);
    this.bump();
  }

  private userChangePassword(r: NonNullable<AuthRequest['userChangePassword']>): void {
    const u = this.mustUser(r.name ?? '');
    this.bump();
    this.users.set(u.name, { ...u, passwordHash: r.hashedPassword ?? '', noPassword: false, revision: this.revisionNumber });
  }

  private userGrantRole(user: string, role: string): void {
    const u = this.mustUser(user);
    if (role !== ROOT_ROLE && !this.roles.has(role)) throw Errors.roleNotFound();
    if (u.roles.includes(role)) return;
    this.users.set(u.name, { ...u, roles: [...u.roles, role].sort() });
    this.bump();
  }

  private userRevokeRole(user: string, role: string): void {
    if (this.enabledFlag && user === ROOT_USER && role === ROOT_ROLE) throw Errors.invalidAuthMgmt();
    const u = this.mustUser(user);
    if (!u.roles.includes(role)) throw Errors.roleNotGranted();
    this.users.set(u.name, { ...u, roles: u.roles.filter((x) => x !== role) });
    this.bump();
  }

  private roleAdd(name: string): void {
    if (name === '') throw Errors.roleEmpty();
    if (this.roles.has(name)) throw Errors.roleAlreadyExist();
    this.roles.set(name, { name, permissions: [] });
    this.bump();
  }

  private roleDelete(name: string): void {
    if (this.enabledFlag && name === ROOT_ROLE) throw Errors.invalidAuthMgmt();
    if (!this.roles.has(name)) throw Errors.roleNotFound();
    this.roles.delete(name);
    for (const u of this.users.values()) if (u.roles.includes(name)) this.users.set(u.name, { ...u, roles: u.roles.filter((x) => x !== name) });
    this.bump();
  }

  private roleGrantPermission(name: string, perm: Permission): void {
    const role = this.mustRole(name);
    const key = perm.key ?? new Uint8Array(0);
    const rangeEnd = perm.rangeEnd ?? new Uint8Array(0);
    const permType = perm.permType ?? authpb.Permission.Type.READ;
    const same = role.permissions.findIndex((p) => sameBytes(p.key, key) && sameBytes(p.rangeEnd, rangeEnd));
    const permissions = [...role.permissions];
    if (same >= 0) permissions[same] = { ...permissions[same]!, permType };
    else permissions.push({ permType, key: Buffer.from(key), rangeEnd: Buffer.from(rangeEnd) });
    permissions.sort((a, b) => byteCompare(a.key, b.key));
    this.roles.set(name, { name, permissions });
    this.bump();
  }

  private roleRevokePermission(r: NonNullable<AuthRequest['roleRevokePermission']>): void {
    const role = this.mustRole(r.role ?? '');
    const at = role.permissions.findIndex((p) => sameBytes(p.key, r.key) && sameBytes(p.rangeEnd, r.rangeEnd));
    if (at < 0) throw Errors.permissionNotGranted();
    this.roles.set(role.name, { name: role.name, permissions: role.permissions.filter((_, i) => i !== at) });
    this.bump();
  }

  private mustUser(name: string): AuthUser {
    const u = this.users.get(name);
    if (u === undefined) throw Errors.userNotFound();
    return u;
  }

  private mustRole(name: string): AuthRole {
    const r = this.roles.get(name);
    if (r === undefined) throw Errors.roleNotFound();
    return r;
  }

  /** The state for a store snapshot (users and roles in name order: the same bytes on every member). */
  snapshot(): AuthSnapshot {
    return {
      enabled: this.enabledFlag,
      revision: this.revisionNumber,
      tokenSecret: this.secret,
      users: this.userNames().map((n) => {
        const u = this.users.get(n)!;
        return {
          user: { name: Buffer.from(u.name), password: Buffer.from(u.passwordHash), roles: [...u.roles], options: { noPassword: u.noPassword } },
          revision: u.revision,
        };
      }),
      roles: this.roleNames().map((n) => ({ name: Buffer.from(n), keyPermission: this.roles.get(n)!.permissions.map((p) => ({ ...p })) })),
    };
  }

  /** Replaces the state with a snapshot's (none: the empty state of a store that never had auth). */
  restore(s: AuthSnapshot | null | undefined): void {
    this.users.clear();
    this.roles.clear();
    this.cache.clear();
    this.enabledFlag = Boolean(s?.enabled);
    this.revisionNumber = s?.revision ?? 0;
    this.secret = s?.tokenSecret ?? new Uint8Array(0);
    for (const rec of s?.users ?? []) {
      const u = rec.user ?? {};
      const name = text(u.name);
      this.users.set(name, {
        name,
        passwordHash: text(u.password),
        noPassword: Boolean(u.options?.noPassword),
        roles: [...(u.roles ?? [])],
        revision: rec.revision ?? 0,
      });
    }
    for (const r of s?.roles ?? []) {
      const name = text(r.name);
      this.roles.set(name, { name, permissions: (r.keyPermission ?? []).map((p) => ({ permType: p.permType ?? 0, key: Buffer.from(p.key ?? []), rangeEnd: Buffer.from(p.rangeEnd ?? []) })) });
    }
  }
}

